package io.varbind;

/** easysnmp's {@code EasySNMPNoSuchInstanceError}: the agent has no such instance (with abortOnNonexistent). Unchecked. */
public class SnmpNoSuchInstanceException extends SnmpException {
    private static final long serialVersionUID = 1L;

    public SnmpNoSuchInstanceException(String message) {
        super(message);
    }

    public SnmpNoSuchInstanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
