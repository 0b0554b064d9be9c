package io.varbind.agent;

/** A data file the agent cannot read: says which file, which line, and what was wrong. */
public final class WalkFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WalkFileException(String message) {
        super(message);
    }

    public WalkFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
