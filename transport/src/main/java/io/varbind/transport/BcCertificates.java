package io.varbind.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/** Between the JDK's certificates and Bouncy Castle's TLS ones, for both ends of a session. */
final class BcCertificates {
    private BcCertificates() {
    }

    /** The peer's chain as JDK certificates, leaf first. */
    static X509Certificate[] toX509(Certificate c) throws TlsFatalAlert {
        X509Certificate[] chain = new X509Certificate[c.getLength()];
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < chain.length; i++) {
                chain[i] = (X509Certificate) cf.generateCertificate(
                        new ByteArrayInputStream(c.getCertificateAt(i).getEncoded()));
            }
        } catch (CertificateException | IOException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, e.getMessage(), e);
        }
        return chain;
    }

    /**
     * Our key and chain as a signer: the first of {@code offered} (the peer's signature algorithms,
     * TLS 1.2) for our key's type, none before TLS 1.2 (which names no algorithm).
     */
    static TlsCredentialedSigner signer(TlsContext context, JcaTlsCrypto crypto, X509Certificate[] ourChain,
            PrivateKey ourKey, Vector<?> offered) throws TlsFatalAlert {
        short want = ourKey.getAlgorithm().equals("EC") ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa;
        SignatureAndHashAlgorithm chosen = null;
        if (offered != null) {
            for (Object o : offered) {
                SignatureAndHashAlgorithm a = (SignatureAndHashAlgorithm) o;
                if (a.getSignature() == want) {
                    chosen = a;
                    break;
                }
            }
        }
        TlsCertificate[] certs = new TlsCertificate[ourChain.length];
        try {
            for (int i = 0; i < certs.length; i++) {
                certs[i] = crypto.createCertificate(ourChain[i].getEncoded());
            }
        } catch (CertificateEncodingException | IOException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, ourKey,
                new Certificate(certs), chosen);
    }
}
