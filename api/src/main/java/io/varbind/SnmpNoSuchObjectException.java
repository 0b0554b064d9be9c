package io.varbind;

/** easysnmp's {@code EasySNMPNoSuchObjectError}: the agent has no such object (with abortOnNonexistent). Unchecked. */
public class SnmpNoSuchObjectException extends SnmpException {
    private static final long serialVersionUID = 1L;

    public SnmpNoSuchObjectException(String message) {
        super(message);
    }

    public SnmpNoSuchObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
