package io.varbind;

/** easysnmp's {@code EasySNMPUnknownObjectIDError}: a name that the MIBs cannot resolve, raised before anything is sent. Unchecked. */
public class SnmpUnknownObjectIdException extends SnmpException {
    private static final long serialVersionUID = 1L;

    /** The name as the caller gave it, index included; null when not known. */
    private final String name;

    public SnmpUnknownObjectIdException(String message) {
        this(message, null, null);
    }

    public SnmpUnknownObjectIdException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * A name that could not be resolved; the message names it as easysnmp does (without its index),
     * {@link #name()} keeps it whole, as tools that print the name given (snmpget) need it.
     */
    public SnmpUnknownObjectIdException(String message, String name, Throwable cause) {
        super(message, cause);
        this.name = name;
    }

    /** The name as the caller gave it, index included ({@code bogus.1}); null when not known. */
    public String name() {
        return name;
    }
}
