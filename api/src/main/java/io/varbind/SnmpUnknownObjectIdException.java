package io.varbind;

/** easysnmp's {@code EasySNMPUnknownObjectIDError}: a name that the MIBs cannot resolve, raised before anything is sent. Unchecked. */
public class SnmpUnknownObjectIdException extends SnmpException {
    private static final long serialVersionUID = 1L;

    public SnmpUnknownObjectIdException(String message) {
        super(message);
    }

    public SnmpUnknownObjectIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
