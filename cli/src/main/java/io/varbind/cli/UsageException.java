package io.varbind.cli;

/** A command line that parsed but makes no sense (bad OID TYPE VALUE triple, unknown flag letter). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
