package io.varbind.transport;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSRequest;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSVerifier;
import org.bouncycastle.tls.DatagramSender;
import org.bouncycastle.tls.DatagramTransport;

/**
 * DTLS handshakes of a listener with itself, in memory, before it takes clients: the cookie
 * exchange, our certificate and key, the client certificate check and the ciphers run until a
 * handshake is fast, so their classes are loaded and compiled before a real client waits on them.
 *
 * <p>Why: Net-SNMP 5.9.3's snmptrap gives a DTLS handshake about 300 ms (six reads 50 ms apart, while
 * it closes). In a fresh JVM the first handshakes took longer than that (the first 1-4 s with class
 * loading, the next ones 100-200 ms interpreted, under load 10; about 10 ms once compiled), so the
 * first traps after start-up were lost.
 */
final class DtlsWarmUp {
    private static final int LIMIT = 16384 + 2048;
    /** A handshake (both sides, one thread each) this fast means the code is compiled. */
    private static final long FAST_NANOS = 25_000_000L;
    /** Set once a handshake was fast: the JVM is warm for every later listener. */
    private static volatile boolean warm;

    private DtlsWarmUp() {
    }

    /**
     * Handshakes, with each kind of client in {@code CLIENTS} in turn, until the latest of each
     * was fast or {@code budgetMillis} are spent (a slow machine never gets
     * there: the listener works anyway, only its first handshakes are slower). Once per JVM.
     */
    static void warmUp(TlsServerSecurity security, DTLSVerifier verifier, int budgetMillis) {
        long end = System.nanoTime() + budgetMillis * 1_000_000L;
        boolean[] fast = new boolean[CLIENTS.length];
        for (int round = 0; !warm; round++) {
            int kind = round % CLIENTS.length;
            long start = System.nanoTime();
            long left = (end - start) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            fast[kind] = run(security, verifier, (int) left, CLIENTS[kind]) && System.nanoTime() - start < FAST_NANOS;
            boolean all = true;
            for (boolean f : fast) {
                all &= f;
            }
            warm = all;
        }
    }

    /**
     * The cipher suites the warm-up's clients offer, in turn: OpenSSL's first choices (what
     * Net-SNMP's tools negotiate: AES-256-GCM with SHA-384 for an RSA or EC key), then Bouncy
     * Castle's defaults (Varbind's own clients: ChaCha20-Poly1305 first). Each is its own cipher,
     * PRF hash and classes; a warm-up of one left the other cold, and snmptrap over dtlsudp, which
     * gives the whole handshake about 300 ms, missed it in a just-started JVM under load.
     */
    private static final int[][] CLIENTS = {
        {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384},
        null,
    };

    /** One handshake, waited for at most {@code maxMillis}; whether it completed. */
    private static boolean run(TlsServerSecurity security, DTLSVerifier verifier, int maxMillis, int[] suites) {
        Pipe toServer = new Pipe();
        Pipe toClient = new Pipe();
        Link server = new Link(toServer, toClient);
        Link client = new Link(toClient, toServer);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread serverSide = new Thread(() -> {
            try {
                DTLSRequest request = null;
                byte[] buf = new byte[LIMIT];
                byte[] clientId = {127, 0, 0, 1, 0, 0};
                while (request == null) { // the first ClientHello gets a cookie, the second brings it back
                    int n = server.receive(buf, 0, buf.length, maxMillis);
                    if (n < 0) {
                        throw new IOException("no ClientHello");
                    }
                    request = verifier.verifyRequest(clientId, buf, 0, n, server);
                }
                new DTLSServerProtocol().accept(security.newWarmUpServer(), server, request).close();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "varbind-dtls-warm-up");
        serverSide.setDaemon(true);
        serverSide.start();
        try {
            new DTLSClientProtocol().connect(security.newWarmUpClient(suites), client).close();
            done.get(maxMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception failed) {
            return false; // only a warm-up: the listener does not depend on it
        } finally {
            toServer.closed = true;
            toClient.closed = true;
        }
    }

    /** Datagrams one way. */
    private static final class Pipe {
        final BlockingQueue<byte[]> datagrams = new ArrayBlockingQueue<>(64);
        volatile boolean closed;
    }

    /** One end: reads from one pipe, writes to the other. */
    private static final class Link implements DatagramTransport, DatagramSender {
        private final Pipe in;
        private final Pipe out;

        Link(Pipe in, Pipe out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public int getReceiveLimit() {
            return LIMIT;
        }

        @Override
        public int getSendLimit() {
            return LIMIT;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            if (in.closed) {
                throw new IOException("closed");
            }
            return DtlsConnector.take(in.datagrams, buf, off, len, waitMillis);
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            out.datagrams.offer(java.util.Arrays.copyOfRange(buf, off, off + len));
        }

        @Override
        public void close() {
            in.closed = true;
        }
    }
}
