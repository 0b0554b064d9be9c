package io.varbind.transport;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;

/**
 * The far end of a (D)TLS session a listening application accepted (RFC 6353 server side): who
 * it is, as the application's {@link ClientAuthorizer} named it from the client's certificate, and
 * a way to answer it over the same session.
 */
public interface SecurePeer {

    /** The client's address and port. */
    InetSocketAddress remoteAddress();

    /** Who the client is: the authorizer's name for its certificate, and that certificate. */
    Identity identity();

    /** {@code tls} or {@code dtls}. */
    String transport();

    /**
     * Sends one message over the session (encrypted as one record). Never blocks on the network;
     * callable from any thread; the octets are copied or sent before it returns.
     */
    void reply(byte[] message, int offset, int length);

    /** An authorized client: the name its certificate maps to, and the certificate (leaf first chain). */
    record Identity(String name, X509Certificate[] chain) {
        /** The client's own certificate. */
        public X509Certificate certificate() {
            return chain[0];
        }
    }
}
