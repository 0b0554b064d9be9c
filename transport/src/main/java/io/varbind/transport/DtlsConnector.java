package io.varbind.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * DTLS 1.2 over UDP (RFC 6353 section 5 over RFC 6347) with Bouncy Castle's DTLS protocol, on a
 * UDP socket of the group ({@link TransportGroup#bindUdp}) that accepts datagrams from the one agent
 * only. Bouncy Castle's API is blocking, so each session
 * has its own daemon thread: it runs the handshake (retransmissions and HelloVerifyRequest cookies
 * included), then reads records and hands each SNMP message to the {@link MessageHandler}. The
 * event loop only queues datagrams (a bounded queue: a flood is dropped, never buffered without
 * end); sends are encrypted on the calling thread.
 */
final class DtlsConnector {
    /** Datagrams waiting for the session's thread; beyond this they are dropped, as UDP would. */
    private static final int QUEUE = 1024;
    private static final int LIMIT = 16384;
    static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private DtlsConnector() {
    }

    /**
     * Bouncy Castle's {@code DatagramTransport.receive} over a queue the event loop fills: the next
     * datagram copied into {@code buf} (cut to {@code len}), or -1 after {@code waitMillis} without one.
     */
    static int take(BlockingQueue<byte[]> inbound, byte[] buf, int off, int len, int waitMillis) throws IOException {
        try {
            byte[] d = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (d == null) {
                return -1;
            }
            int n = Math.min(len, d.length);
            System.arraycopy(d, 0, buf, off, n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /**
     * Two attempts, each from a new socket and with half the time: Net-SNMP 5.9.3's dtlsudp at
     * times fails to send its HelloVerifyRequest to a second association from the same host
     * ("failed to send a DTLS specific packet"), and answers the next one from another port.
     */
    static CompletableFuture<Endpoint> connect(TransportGroup group, InetSocketAddress remote, int localPort,
            int handshakeMillis, X509Certificate[] ourChain, PrivateKey ourKey, TransportGroup.CertificateVerifier verifier,
            MessageHandler handler) {
        int each = Math.max(1000, handshakeMillis / 2);
        CompletableFuture<Endpoint> result = new CompletableFuture<>();
        attempt(group, remote, localPort, each, ourChain, ourKey, verifier, handler).whenComplete((ep, err) -> {
            if (err == null) {
                result.complete(ep);
            } else if (err instanceof HandshakeException h && h.timedOut()) {
                attempt(group, remote, localPort, each, ourChain, ourKey, verifier, handler).whenComplete((ep2, err2) -> {
                    if (err2 == null) {
                        result.complete(ep2);
                    } else {
                        result.completeExceptionally(err2);
                    }
                });
            } else {
                result.completeExceptionally(err);
            }
        });
        return result;
    }

    private static CompletableFuture<Endpoint> attempt(TransportGroup group, InetSocketAddress remote, int localPort,
            int handshakeMillis, X509Certificate[] ourChain, PrivateKey ourKey, TransportGroup.CertificateVerifier verifier,
            MessageHandler handler) {
        CompletableFuture<Endpoint> result = new CompletableFuture<>();
        BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE);
        boolean v6 = remote.getAddress() instanceof java.net.Inet6Address;
        group.bindUdp(v6, localPort, (data, sender) -> {
            if (remote.equals(sender)) {
                inbound.offer(data); // full: dropped
            }
        }).whenComplete((udp, err) -> {
            if (err != null) {
                result.completeExceptionally(err);
                return;
            }
            Session s = new Session(udp, remote, inbound, handler);
            Thread t = new Thread(() -> s.run(handshakeMillis, ourChain, ourKey, verifier, result),
                    "varbind-dtls-" + remote.getHostString() + ":" + remote.getPort());
            t.setDaemon(true);
            t.start();
        });
        return result;
    }

    /** One DTLS session: its datagram transport for Bouncy Castle, and the endpoint for the engine. */
    private static final class Session implements DatagramTransport, Endpoint {
        private final Endpoint udp;
        private final InetSocketAddress remote;
        private final BlockingQueue<byte[]> inbound;
        private final MessageHandler handler;
        private volatile DTLSTransport dtls;
        private volatile boolean closed;

        Session(Endpoint udp, InetSocketAddress remote, BlockingQueue<byte[]> inbound, MessageHandler handler) {
            this.udp = udp;
            this.remote = remote;
            this.inbound = inbound;
            this.handler = handler;
        }

        private int handshakeMillis;
        private X509Certificate[] ourChain;
        private PrivateKey ourKey;
        private TransportGroup.CertificateVerifier verifier;
        /** Set while a new handshake replaces the association: the reading loop ends and hands over. */
        private volatile CompletableFuture<Void> renewal;

        void run(int handshakeMillis, X509Certificate[] ourChain, PrivateKey ourKey, TransportGroup.CertificateVerifier verifier,
                CompletableFuture<Endpoint> result) {
            this.handshakeMillis = handshakeMillis;
            this.ourChain = ourChain;
            this.ourKey = ourKey;
            this.verifier = verifier;
            try {
                handshake();
            } catch (IOException | RuntimeException e) {
                close();
                result.completeExceptionally(failure(e));
                return;
            }
            result.complete(this);
            readLoop();
        }

        private IOException failure(Exception e) {
            return new HandshakeException("dtls:" + remote.getHostString() + ":" + remote.getPort(), e);
        }

        private void handshake() throws IOException {
            // Bouncy Castle's own provider (not registered JVM-wide): the JDK lacks the algorithm
            // names BC's TLS code asks for (RSASSA-PSS as SHA256WITHRSAANDMGF1, for one)
            JcaTlsCrypto crypto = new JcaTlsCryptoProvider().setProvider(PROVIDER).create(new SecureRandom());
            BcTlsClient client = new BcTlsClient(crypto, new BcTlsEnd(ourChain, ourKey, handshakeMillis,
                    ProtocolVersion.DTLSv12.only()), verifier::verify);
            dtls = new DTLSClientProtocol().connect(client, this);
        }

        private void readLoop() {
            byte[] buf = new byte[LIMIT + 1024];
            while (!closed) {
                CompletableFuture<Void> r = renewal;
                if (r != null) { // this thread makes the new association, from the same socket
                    inbound.clear();
                    try {
                        handshake();
                        renewal = null;
                        r.complete(null);
                        continue;
                    } catch (IOException | RuntimeException e) {
                        renewal = null;
                        r.completeExceptionally(failure(e));
                        close();
                        break;
                    }
                }
                try {
                    DTLSTransport t = dtls;
                    if (t == null) {
                        Thread.sleep(10);
                        continue;
                    }
                    int n = t.receive(buf, 0, buf.length, 200);
                    if (n > 0) {
                        handler.onMessage(java.util.Arrays.copyOf(buf, n), remote);
                    }
                } catch (IOException e) {
                    if (!closed && renewal == null) {
                        handler.onError(e);
                        close();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                } catch (RuntimeException e) {
                    handler.onError(e);
                }
            }
            handler.onClosed();
        }

        /**
         * A new handshake from the same socket (an agent that restarted has forgotten the old
         * association; a new one from the same address and port is what it handles best). Requests
         * sent meanwhile are dropped; the future completes when the new association is ready.
         */
        @Override
        public synchronized CompletableFuture<Void> renew() {
            CompletableFuture<Void> r = renewal;
            if (r != null) {
                return r;
            }
            r = new CompletableFuture<>();
            dtls = null;
            renewal = r;
            return r;
        }

        // --- DatagramTransport, for Bouncy Castle (the session's thread)

        @Override
        public int getReceiveLimit() {
            return LIMIT + 1024;
        }

        @Override
        public int getSendLimit() {
            return LIMIT + 1024;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            return DtlsConnector.take(inbound, buf, off, len, waitMillis);
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            udp.send(buf, off, len, remote);
        }

        // --- Endpoint, for the engine

        @Override
        public void send(byte[] message, int offset, int length, InetSocketAddress to) {
            DTLSTransport t = dtls;
            if (t == null || closed) {
                return;
            }
            try {
                synchronized (this) { // one record at a time: sequence numbers stay in order
                    t.send(message, offset, length);
                }
            } catch (IOException e) {
                handler.onError(e);
            }
        }

        @Override
        public boolean isStream() {
            return true; // one agent per session: responses need no source check
        }

        @Override
        public boolean isOpen() {
            return !closed && udp.isOpen();
        }

        @Override
        public InetSocketAddress localAddress() {
            return udp.localAddress();
        }

        @Override
        public void abort() {
            closed = true;
            udp.close();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            DTLSTransport t = dtls;
            if (t != null) {
                try {
                    t.close(); // close_notify (RFC 6347 section 4.1.2.7 via TLS 1.2's closure alerts)
                } catch (IOException | RuntimeException ignored) {
                    // closing anyway
                }
            }
            udp.close();
        }
    }

}
