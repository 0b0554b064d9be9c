package io.varbind.transport;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * Bouncy Castle's client side of a (D)TLS session: the protocol versions given, our certificate
 * when the agent asks for one, the agent's chain handed to a verifier that may refuse it.
 */
final class BcTlsClient extends DefaultTlsClient {
    private final X509Certificate[] ourChain;
    private final PrivateKey ourKey;
    private final TransportGroup.CertificateVerifier verifier;
    private final int handshakeMillis;
    private final ProtocolVersion[] versions;
    volatile boolean handshakeDone;

    BcTlsClient(JcaTlsCrypto crypto, X509Certificate[] ourChain, PrivateKey ourKey,
            TransportGroup.CertificateVerifier verifier, int handshakeMillis, ProtocolVersion[] versions) {
        super(crypto);
        this.ourChain = ourChain;
        this.ourKey = ourKey;
        this.verifier = verifier;
        this.handshakeMillis = handshakeMillis;
        this.versions = versions;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeMillis;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        handshakeDone = true;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                X509Certificate[] chain = BcCertificates.toX509(serverCertificate.getCertificate());
                try {
                    verifier.verify(chain);
                } catch (CertificateException e) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, e.getMessage(), e);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (ourKey == null || ourChain == null || ourChain.length == 0) {
                    return null;
                }
                Vector<?> offered = request.getSupportedSignatureAlgorithms();
                return BcCertificates.signer(context, (JcaTlsCrypto) getCrypto(), ourChain, ourKey, offered);
            }
        };
    }
}
