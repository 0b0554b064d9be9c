package io.varbind;

/** easysnmp's {@code EasySNMPUndeterminedTypeError}: a set value whose type neither the MIB nor the caller gives. Unchecked. */
public class SnmpUndeterminedTypeException extends SnmpException {
    private static final long serialVersionUID = 1L;

    public SnmpUndeterminedTypeException(String message) {
        super(message);
    }

    public SnmpUndeterminedTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
