package io.varbind.cli;

/** A command failed for a reason the user can act on (exit 1); the message is the stderr line. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the message is printed as it is, without the {@code varbind: } prefix (Net-SNMP's own lines). */
    private boolean verbatim;

    /** A message printed on stderr exactly as given: a line Net-SNMP's tools print in the same case. */
    static CliException verbatim(String message, Throwable cause) {
        CliException e = new CliException(message, cause);
        e.verbatim = true;
        return e;
    }

    boolean isVerbatim() {
        return verbatim;
    }
}
