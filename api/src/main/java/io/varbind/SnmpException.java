package io.varbind;

/** easysnmp's {@code EasySNMPError}: the base of every error an operation raises. Unchecked. */
public class SnmpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SnmpException(String message) {
        super(message);
    }

    public SnmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
