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
}
