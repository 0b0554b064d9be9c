package io.varbind.cli;

/** A command line that parsed but makes no sense (bad OID TYPE VALUE triple, unknown flag letter). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** Whether the message is printed as it is (a line Net-SNMP's tool prints in the same case). */
    private boolean verbatim;

    /** A usage error whose message is Net-SNMP's own line, printed without the {@code varbind: } prefix. */
    static UsageException verbatim(String message) {
        UsageException e = new UsageException(message);
        e.verbatim = true;
        return e;
    }

    boolean isVerbatim() {
        return verbatim;
    }
}
