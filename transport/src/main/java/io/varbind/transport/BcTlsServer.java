package io.varbind.transport;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * Bouncy Castle's server side of one (D)TLS session (RFC 6353 section 5.3.2): our certificate,
 * a client certificate required (CertificateRequest, none refused), the client's chain handed to
 * the application's {@link ClientAuthorizer}, whose name for it becomes the session's identity.
 */
final class BcTlsServer extends DefaultTlsServer {
    final BcTlsEnd end;
    private final ClientAuthorizer authorizer;
    volatile boolean handshakeDone;
    /** Set once the client's certificate is accepted. */
    volatile SecurePeer.Identity identity;

    BcTlsServer(JcaTlsCrypto crypto, BcTlsEnd end, ClientAuthorizer authorizer) {
        super(crypto);
        this.end = end;
        this.authorizer = authorizer;
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
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return end.key().getAlgorithm().equals("EC") ? null : signer();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return end.key().getAlgorithm().equals("EC") ? signer() : null;
    }

    /** Signed with the client's preferred algorithm for our key (TLS 1.2), or the legacy one before. */
    private TlsCredentialedSigner signer() throws IOException {
        Vector<?> offered = null;
        if (TlsUtils.isTLSv12(context)) {
            offered = context.getSecurityParametersHandshake().getClientSigAlgs();
            if (offered == null) {
                offered = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
            }
        }
        return BcCertificates.signer(context, (JcaTlsCrypto) getCrypto(), end.chain(), end.key(), offered);
    }

    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        short[] types = {ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign};
        Vector<?> algorithms = TlsUtils.isTLSv12(context) ? TlsUtils.getDefaultSupportedSignatureAlgorithms(context)
                : null;
        return new CertificateRequest(types, algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            // RFC 6353 section 5.3.2: a client without a certificate has no tmSecurityName
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "the client sent no certificate");
        }
        X509Certificate[] chain = BcCertificates.toX509(clientCertificate);
        try {
            String name = authorizer.authorize(chain);
            identity = new SecurePeer.Identity(name, chain);
        } catch (CertificateException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, e.getMessage(), e);
        }
    }
}
