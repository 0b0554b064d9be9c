package io.varbind.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * The listening side's (D)TLS settings (RFC 6353 section 5.3.2): our certificate chain and key, the
 * {@link ClientAuthorizer} that accepts or refuses each client's certificate and names it, and the
 * time a handshake may take. TLS 1.0 to 1.2 and DTLS 1.0 and 1.2, on Bouncy Castle: Net-SNMP 5.9.3's
 * tlstcp client offers only TLS 1.0, which the JDK's SSLEngine allows only JVM-wide.
 */
public final class TlsServerSecurity {
    private final X509Certificate[] chain;
    private final PrivateKey key;
    private final ClientAuthorizer authorizer;
    private final int handshakeMillis;
    private final SecureRandom random = new SecureRandom();

    private TlsServerSecurity(X509Certificate[] chain, PrivateKey key, ClientAuthorizer authorizer,
            int handshakeMillis) {
        this.chain = chain.clone();
        this.key = key;
        this.authorizer = authorizer;
        this.handshakeMillis = handshakeMillis;
    }

    /**
     * @param chain our certificate (RSA or EC key) and its issuers, leaf first
     * @param handshakeMillis how long a client may take to finish its handshake before the session is dropped
     */
    public static TlsServerSecurity of(X509Certificate[] chain, PrivateKey key, ClientAuthorizer authorizer,
            int handshakeMillis) {
        if (chain == null || chain.length == 0 || key == null || authorizer == null || handshakeMillis < 1) {
            throw new IllegalArgumentException("a (D)TLS listener needs a certificate, its key, an authorizer"
                    + " and a positive handshake time");
        }
        return new TlsServerSecurity(chain, key, authorizer, handshakeMillis);
    }

    /** The handshake time limit in milliseconds. */
    public int handshakeMillis() {
        return handshakeMillis;
    }

    JcaTlsCrypto crypto() {
        return new JcaTlsCryptoProvider().setProvider(DtlsConnector.PROVIDER).create(random);
    }

    BcTlsServer newServer(boolean datagram) {
        return newServer(datagram, authorizer);
    }

    private BcTlsServer newServer(boolean datagram, ClientAuthorizer authorizer) {
        ProtocolVersion[] versions = datagram ? ProtocolVersion.DTLSv12.downTo(ProtocolVersion.DTLSv10)
                : ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10);
        return new BcTlsServer(crypto(), new BcTlsEnd(chain, key, handshakeMillis, versions), authorizer);
    }

    /**
     * A DTLS server for a handshake with ourselves ({@link DtlsWarmUp}): the authorizer runs on our
     * own chain as on a client's, and whatever it answers, the handshake goes on.
     */
    BcTlsServer newWarmUpServer() {
        return newServer(true, c -> {
            try {
                return authorizer.authorize(c);
            } catch (java.security.cert.CertificateException refused) {
                return "warm-up";
            }
        });
    }

    /**
     * A DTLS client presenting our own chain, trusting any server: the other end of
     * {@link #newWarmUpServer()}, offering {@code suites} (null: Bouncy Castle's defaults).
     */
    BcTlsClient newWarmUpClient(int[] suites) {
        return new BcTlsClient(crypto(), new BcTlsEnd(chain, key, handshakeMillis, ProtocolVersion.DTLSv12.only()),
                c -> { }, suites);
    }

    /**
     * A handler for the head of an accepted TCP connection's pipeline: TLS server side, client
     * certificate required; plaintext goes on to the next handler (a {@link BerFrameDecoder}) only
     * after the client is authorized. A refused or unfinished handshake closes the connection.
     */
    public ChannelHandler newTlsHandler() {
        return BcTlsHandler.server(newServer(false));
    }

    /**
     * The authorized client of a connection whose pipeline has {@link #newTlsHandler()}, or null
     * when it has none or its handshake is not done.
     */
    public static SecurePeer.Identity identityOf(Channel channel) {
        BcTlsHandler h = channel.pipeline().get(BcTlsHandler.class);
        return h == null ? null : h.peerIdentity();
    }

    /** Completes when the connection's handshake ends: normally once authorized, exceptionally when refused. */
    public static java.util.concurrent.CompletableFuture<Void> handshakeOf(Channel channel) {
        BcTlsHandler h = channel.pipeline().get(BcTlsHandler.class);
        return h == null ? java.util.concurrent.CompletableFuture.failedFuture(
                new IllegalStateException("not a TLS connection")) : h.handshake;
    }
}
