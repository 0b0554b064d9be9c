package io.varbind.agent;

/** The agent could not start: an endpoint that cannot be bound, a data file that cannot be read. */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
