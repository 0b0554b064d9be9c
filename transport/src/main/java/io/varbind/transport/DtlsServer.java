package io.varbind.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.tls.DTLSRequest;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DTLSVerifier;
import org.bouncycastle.tls.DatagramSender;
import org.bouncycastle.tls.DatagramTransport;

/**
 * DTLS server side over one UDP socket (RFC 6353 section 5 over RFC 6347), demultiplexing clients
 * by address and port.
 *
 * <p>A datagram from an unknown address costs no state: its ClientHello is answered statelessly
 * by a HelloVerifyRequest with a cookie (RFC 6347 section 4.2.1, Bouncy Castle's
 * {@link DTLSVerifier}, on the event loop), so spoofed sources never get a session. Only a
 * ClientHello that returns a valid cookie starts one: within a cap of sessions and of handshakes
 * at once, each session on a daemon thread of its own (Bouncy Castle's DTLS is blocking), with a
 * bounded queue of datagrams, closed when idle. Everything else is counted and dropped.
 */
public final class DtlsServer implements AutoCloseable {

    /** A DTLS record's payload is at most 2^14 bytes (RFC 6347 section 4.1); with headers and padding, less than this. */
    private static final int RECEIVE_LIMIT = 16384 + 2048;
    /** Datagrams waiting for one session's thread; beyond this they are dropped, as UDP would. */
    private static final int QUEUE = 16;
    /**
     * The largest datagram a handshake flight is packed into: a server flight with a two-certificate
     * RSA chain (about 2.4 KB) fits, and it stays below common receive buffers (Net-SNMP reads 8 KB).
     */
    private static final int FLIGHT_DATAGRAM = 4096;
    /** The most the in-memory warm-up handshakes may add to binding (the JVM's first DTLS listener only). */
    private static final int WARM_UP_MILLIS = 4000;

    /**
     * How many sessions at once, how many of them still in their handshake, and how long a
     * session may stay silent.
     */
    public record Limits(int maxSessions, int maxHandshakes, Duration idleTimeout) {
        /** 256 sessions, 16 handshakes at once, five minutes idle. */
        public static final Limits DEFAULT = new Limits(256, 16, Duration.ofMinutes(5));

        public Limits {
            if (maxSessions < 1 || maxHandshakes < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("bad DTLS limits " + maxSessions + ", " + maxHandshakes + ", "
                        + idleTimeout);
            }
        }
    }

    /** What the server hands up; called on the sessions' threads, which may block briefly. */
    public interface Listener {
        /** One SNMP message from an authorized client; answer with {@link SecurePeer#reply}. */
        void onMessage(byte[] message, SecurePeer peer);

        /** A session whose handshake is done and whose client is authorized. */
        default void onAccepted(SecurePeer peer) {
        }

        /** A handshake that failed: the client was refused, or did not finish in time. */
        default void onRefused(InetSocketAddress from, Throwable why) {
        }

        /** A datagram dropped: not DTLS, a session's queue full, or a cap reached. */
        default void onDropped() {
        }
    }

    private final Channel channel;
    private final TlsServerSecurity security;
    private final Limits limits;
    private final Listener listener;
    private final DTLSVerifier verifier;
    private final ConcurrentHashMap<InetSocketAddress, Peer> peers = new ConcurrentHashMap<>();
    private final AtomicInteger handshaking = new AtomicInteger();
    /** HelloVerifyRequests sent: ClientHellos without a valid cookie. */
    private final LongAdder cookiesSent = new LongAdder();
    private volatile boolean closed;

    private DtlsServer(TransportGroup group, InetSocketAddress local, TlsServerSecurity security, Limits limits,
            Listener listener) {
        this.security = security;
        this.limits = limits;
        this.listener = listener;
        this.verifier = new DTLSVerifier(security.crypto());
        boolean v6 = local.getAddress() instanceof Inet6Address;
        Bootstrap b = group.udpOptions(new Bootstrap().group(group.eventLoops()).channelFactory(
                group.datagramChannels(v6))).handler(new Inbound());
        DtlsWarmUp.warmUp(security, verifier, WARM_UP_MILLIS); // before the socket exists: no client waits on it
        this.channel = b.bind(local).syncUninterruptibly().channel();
    }

    /**
     * Binds {@code local} and serves DTLS on it.
     *
     * @throws RuntimeException (Netty's, unchecked) when the address cannot be bound
     */
    public static DtlsServer bind(TransportGroup group, InetSocketAddress local, TlsServerSecurity security,
            Limits limits, Listener listener) {
        return new DtlsServer(group, local, security, limits, listener);
    }

    /** The address actually bound. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Sessions open now (handshaking or established). */
    public int sessions() {
        return peers.size();
    }

    /** HelloVerifyRequests sent so far (ClientHellos that came without a valid cookie). */
    public long cookieChallenges() {
        return cookiesSent.sum();
    }

    @Override
    public void close() {
        closed = true;
        for (Peer p : peers.values()) {
            p.close();
        }
        channel.close();
    }

    /** On the event loop: datagrams to their session, or to the stateless cookie exchange. */
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf c = packet.content();
            int len = c.readableBytes();
            InetSocketAddress from = packet.sender();
            if (len > RECEIVE_LIMIT || closed) {
                listener.onDropped();
                return;
            }
            Peer known = peers.get(from);
            boolean hello = isClientHello(c, len);
            if (known != null && (!hello || !known.established)) {
                byte[] data = new byte[len];
                c.getBytes(c.readerIndex(), data);
                known.offer(data);
                return;
            }
            if (!hello) {
                listener.onDropped(); // garbage, or records of a session we do not have
                return;
            }
            byte[] data = new byte[len];
            c.getBytes(c.readerIndex(), data);
            DTLSRequest request;
            try {
                request = verifier.verifyRequest(clientId(from), data, 0, len, new DatagramSender() {
                    @Override
                    public int getSendLimit() {
                        return RECEIVE_LIMIT;
                    }

                    @Override
                    public void send(byte[] buf, int off, int n) {
                        cookiesSent.increment();
                        sendTo(buf, off, n, from);
                    }
                });
            } catch (RuntimeException malformed) {
                request = null;
            }
            if (request == null) {
                return; // challenged with a cookie, or not a ClientHello after all
            }
            if (known == null && peers.size() >= limits.maxSessions()) {
                listener.onDropped();
                return;
            }
            if (handshaking.incrementAndGet() > limits.maxHandshakes()) {
                handshaking.decrementAndGet();
                listener.onDropped();
                return;
            }
            if (known != null) {
                known.close(); // RFC 6347 section 4.2.8: a new association from the same address and port
            }
            Peer p = new Peer(from);
            peers.put(from, p);
            DTLSRequest verified = request;
            Thread t = new Thread(() -> p.run(verified), "varbind-dtls-" + from.getHostString() + ":" + from.getPort());
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            listener.onDropped(); // a failed send (ICMP unreachable): the socket goes on
        }
    }

    /** A DTLS handshake record carrying a ClientHello in epoch 0 (RFC 6347 section 4.1 and 4.2.2). */
    private static boolean isClientHello(ByteBuf c, int len) {
        int at = c.readerIndex();
        return len >= 25 && c.getUnsignedByte(at) == 22 && c.getUnsignedByte(at + 1) == 0xFE
                && c.getUnsignedShort(at + 3) == 0 && c.getUnsignedByte(at + 13) == 1;
    }

    private static byte[] clientId(InetSocketAddress a) {
        byte[] ip = a.getAddress().getAddress();
        byte[] id = java.util.Arrays.copyOf(ip, ip.length + 2);
        id[ip.length] = (byte) (a.getPort() >> 8);
        id[ip.length + 1] = (byte) a.getPort();
        return id;
    }

    private void sendTo(byte[] buf, int off, int len, InetSocketAddress to) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(buf, off, len), to), channel.voidPromise());
    }

    /** One client's session: its datagram transport for Bouncy Castle, and the peer for the application. */
    private final class Peer implements DatagramTransport, SecurePeer {
        private final InetSocketAddress remote;
        private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE);
        private final FlightBuffer outbound;
        private volatile DTLSTransport dtls;
        private volatile Identity identity;
        volatile boolean established;
        private volatile boolean peerClosed;

        Peer(InetSocketAddress remote) {
            this.remote = remote;
            this.outbound = new FlightBuffer(FLIGHT_DATAGRAM, (buf, off, len) -> sendTo(buf, off, len, remote));
        }

        void offer(byte[] data) {
            if (!inbound.offer(data)) {
                listener.onDropped();
            }
        }

        void run(DTLSRequest request) {
            BcTlsServer server = security.newServer(true);
            try {
                dtls = new DTLSServerProtocol().accept(server, this, request);
                outbound.flush(); // the last flight (ChangeCipherSpec, Finished)
                identity = server.identity;
                established = true;
                listener.onAccepted(this);
            } catch (IOException | RuntimeException e) {
                outbound.flush(); // the alert, if Bouncy Castle wrote one
                if (!closed) {
                    listener.onRefused(remote, new HandshakeException("dtls:" + remote.getHostString() + ":"
                            + remote.getPort(), e));
                }
                peers.remove(remote, this);
                return;
            } finally {
                handshaking.decrementAndGet();
            }
            readLoop();
        }

        private void readLoop() {
            byte[] buf = new byte[RECEIVE_LIMIT];
            long idleNanos = limits.idleTimeout().toNanos();
            long last = System.nanoTime();
            try {
                while (!peerClosed && !closed) {
                    int n = dtls.receive(buf, 0, buf.length, 1000);
                    long now = System.nanoTime();
                    if (n >= 0) {
                        last = now;
                        if (n > 0) {
                            listener.onMessage(java.util.Arrays.copyOf(buf, n), this);
                        }
                    } else if (now - last > idleNanos) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the client closed (close_notify), or sent what does not decrypt: the session ends
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (peerClosed) {
                return;
            }
            peerClosed = true;
            peers.remove(remote, this);
            DTLSTransport t = dtls;
            if (t != null) {
                try {
                    t.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing anyway
                }
                outbound.flush(); // close_notify
            }
        }

        // --- DatagramTransport, for Bouncy Castle (this session's thread)

        @Override
        public int getReceiveLimit() {
            return RECEIVE_LIMIT;
        }

        @Override
        public int getSendLimit() {
            return RECEIVE_LIMIT;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            if (peerClosed || closed) {
                throw new IOException("closed");
            }
            outbound.flush(); // Bouncy Castle reads once a flight is written: it leaves as one datagram
            return DtlsConnector.take(inbound, buf, off, len, waitMillis);
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            outbound.add(buf, off, len);
        }

        // --- SecurePeer, for the application

        @Override
        public InetSocketAddress remoteAddress() {
            return remote;
        }

        @Override
        public Identity identity() {
            return identity;
        }

        @Override
        public String transport() {
            return "dtls";
        }

        @Override
        public void reply(byte[] message, int offset, int length) {
            DTLSTransport t = dtls;
            if (t == null || peerClosed) {
                return;
            }
            try {
                synchronized (this) { // one record at a time: sequence numbers stay in order
                    t.send(message, offset, length);
                }
                outbound.flush();
            } catch (IOException | RuntimeException e) {
                close();
            }
        }
    }
}
