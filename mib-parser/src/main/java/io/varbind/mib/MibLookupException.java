package io.varbind.mib;

/** An OID spelling that names nothing in the tree, or that cannot be parsed; the message says which part. */
public class MibLookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MibLookupException(String message) {
        super(message);
    }
}
