package io.varbind;

/** easysnmp's {@code EasySNMPTimeoutError}: no answer within the session's timeout after every retry. Unchecked. */
public class SnmpTimeoutException extends SnmpConnectionException {
    private static final long serialVersionUID = 1L;

    /** What the engine knew beyond the silence (answers it refused, a likely wrong password); "" when nothing. */
    final transient String hint;

    public SnmpTimeoutException(String message) {
        this(message, (Throwable) null);
    }

    public SnmpTimeoutException(String message, Throwable cause) {
        super(message, cause);
        this.hint = cause instanceof SnmpTimeoutException t && t.hint != null ? t.hint : "";
    }

    /** The engine's: {@code message} names the target and tries, {@code hint} is the rest. */
    SnmpTimeoutException(String message, String hint) {
        super(message + hint);
        this.hint = hint;
    }
}
