package io.varbind.transport;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * What one end of a Bouncy Castle (D)TLS session brings, client ({@link BcTlsClient}) or server
 * ({@link BcTlsServer}) alike: our certificate chain and key (a client may have none), how long
 * the handshake may take, and the protocol versions offered. One record because Bouncy Castle's
 * client and server bases differ, so the two cannot share a superclass.
 */
record BcTlsEnd(X509Certificate[] chain, PrivateKey key, int handshakeMillis, ProtocolVersion[] versions) {
    /** Whether there is a certificate to present. */
    boolean hasCertificate() {
        return key != null && chain != null && chain.length > 0;
    }
}
