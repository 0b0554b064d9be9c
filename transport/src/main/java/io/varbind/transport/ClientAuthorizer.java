package io.varbind.transport;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The listening side's check of a client's certificate chain (RFC 6353 section 5.3.2): trusted or
 * refused, and when trusted, the name the application knows the client by (for SNMP, the
 * tmSecurityName of RFC 6353 section 7). Runs during the handshake; a refusal ends it.
 */
@FunctionalInterface
public interface ClientAuthorizer {

    /**
     * @param chain the client's chain, leaf first, never empty
     * @return the client's name, never null
     * @throws CertificateException why the client is refused (untrusted, or mapped to no name)
     */
    String authorize(X509Certificate[] chain) throws CertificateException;
}
