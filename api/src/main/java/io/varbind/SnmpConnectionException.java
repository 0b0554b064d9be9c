package io.varbind;

/** easysnmp's {@code EasySNMPConnectionError}: the agent could not be reached or refused the request (host not resolvable, authentication, decryption, unknown user or engine, a report that ends a request, a transport failure). Unchecked. */
public class SnmpConnectionException extends SnmpException {
    private static final long serialVersionUID = 1L;

    public SnmpConnectionException(String message) {
        super(message);
    }

    public SnmpConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
