package io.varbind;

/** easysnmp's {@code EasySNMPNoSuchNameError}: an SNMPv1 agent answered noSuchName. Unchecked. */
public class SnmpNoSuchNameException extends SnmpException {
    private static final long serialVersionUID = 1L;

    public SnmpNoSuchNameException(String message) {
        super(message);
    }

    public SnmpNoSuchNameException(String message, Throwable cause) {
        super(message, cause);
    }
}
