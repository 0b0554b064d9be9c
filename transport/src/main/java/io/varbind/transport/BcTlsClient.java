package io.varbind.transport;

import java.io.IOException;
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
    private final BcTlsEnd end;
    private final TransportGroup.CertificateVerifier verifier;
    volatile boolean handshakeDone;

    /** The cipher suites to offer, in order; null for Bouncy Castle's defaults. */
    private final int[] suites;

    BcTlsClient(JcaTlsCrypto crypto, BcTlsEnd end, TransportGroup.CertificateVerifier verifier) {
        this(crypto, end, verifier, null);
    }

    BcTlsClient(JcaTlsCrypto crypto, BcTlsEnd end, TransportGroup.CertificateVerifier verifier, int[] suites) {
        super(crypto);
        this.end = end;
        this.verifier = verifier;
        this.suites = suites;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return suites == null ? super.getSupportedCipherSuites()
                : org.bouncycastle.tls.TlsUtils.getSupportedCipherSuites(getCrypto(), suites);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return end.versions();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return end.handshakeMillis();
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
                if (!end.hasCertificate()) {
                    return null;
                }
                Vector<?> offered = request.getSupportedSignatureAlgorithms();
                return BcCertificates.signer(context, (JcaTlsCrypto) getCrypto(), end.chain(), end.key(), offered);
            }
        };
    }
}
