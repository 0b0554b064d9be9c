package io.varbind;

/** easysnmp's {@code EasySNMPTimeoutError}: no answer within the session's timeout after every retry. Unchecked. */
public class SnmpTimeoutException extends SnmpConnectionException {
    private static final long serialVersionUID = 1L;

    public SnmpTimeoutException(String message) {
        super(message);
    }

    public SnmpTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
