package io.varbind.agent;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;
import io.varbind.transport.BerFrameDecoder;
import io.varbind.transport.DtlsServer;
import io.varbind.transport.SecurePeer;
import io.varbind.transport.TlsServerSecurity;
import io.varbind.transport.TransportGroup;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The agent's sockets: a thin Netty layer that hands each UDP datagram, or each BER-framed message
 * on a TCP connection (RFC 3430), to an {@link IncomingMessageProcessor} (the command responder's
 * {@link MessageDispatcher}) on the event-loop thread (the work is in-memory and short) and sends
 * back what it returns. Each bound port may have its own processor (a simulated device per port).
 *
 * <p>Hostile peers are bounded here: TCP connections close when idle, are capped in total and per
 * source address, and a failure of one socket (accept failing for want of file descriptors
 * included) is counted and never ends an event loop.
 */
public final class AgentServer implements AutoCloseable {

    /** Largest message the agent answers: the largest UDP payload over IPv4 (RFC 768, 65535 - 28). */
    public static final int MAX_MESSAGE_SIZE = 65507;

    /** How TCP connections and unauthenticated UDP answers are bounded. */
    public record Limits(Duration tcpIdleTimeout, int maxTcpConnections, int maxTcpConnectionsPerSource,
            int unauthenticatedUdpMax) {

        /** One minute idle, 256 connections, 16 from one address, 1472-byte unauthenticated UDP answers. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 256, 16,
                MessageDispatcher.UNAUTHENTICATED_UDP_MAX);

        public Limits {
            if (tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero() || maxTcpConnections < 1
                    || maxTcpConnectionsPerSource < 1 || unauthenticatedUdpMax < 484) {
                throw new IllegalArgumentException("bad agent limits " + tcpIdleTimeout + ", " + maxTcpConnections
                        + ", " + maxTcpConnectionsPerSource + ", " + unauthenticatedUdpMax + " (at least 484 bytes)");
            }
        }
    }

    private static final FastThreadLocal<byte[][]> BUFFERS = new FastThreadLocal<>() {
        @Override
        protected byte[][] initialValue() {
            return new byte[][] {new byte[65536], new byte[MAX_MESSAGE_SIZE]};
        }
    };

    private final TransportGroup transports;
    private final List<Channel> channels;
    private final AgentStatistics stats;
    /** DTLS endpoints, each its own socket and sessions. */
    private final List<DtlsServer> dtlsServers = new ArrayList<>();
    /** Every bound address in the order of the endpoints, and whether it is a stream (TCP, TLS). */
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private final List<Boolean> boundStream = new ArrayList<>();
    private final List<String> boundTransport = new ArrayList<>();

    private AgentServer(TransportGroup transports, List<Channel> channels, AgentStatistics stats) {
        this.transports = transports;
        this.channels = channels;
        this.stats = stats;
    }

    /** One dispatcher for every port. */
    public static AgentServer start(List<Endpoint> endpoints, MessageDispatcher dispatcher, int threads) {
        return start(endpoints, port -> dispatcher, dispatcher.statistics(), threads, Limits.DEFAULT);
    }

    /**
     * Binds every port of every endpoint; fails (and releases what was bound) when one cannot be
     * bound. {@code threads} event loops share the sockets (0: one per core).
     *
     * @param dispatchers what processes the messages of each port, by the port asked for (0 for an
     *     ephemeral one): a {@link MessageDispatcher}, or another listening application's processor
     * @param stats where socket-level events (refused and idle connections, failed sends) are counted
     */
    public static AgentServer start(List<Endpoint> endpoints, IntFunction<? extends IncomingMessageProcessor> dispatchers,
            AgentStatistics stats, int threads, Limits limits) {
        return start(endpoints, dispatchers, stats, threads, limits, null);
    }

    /**
     * As {@link #start(List, IntFunction, AgentStatistics, int, Limits)}, with {@code tls:} and
     * {@code dtls:} endpoints served with {@code tls} (RFC 6353 server side: our certificate, client
     * certificates required and mapped to a securityName); messages of an authorized session go to
     * the port's processor {@link IncomingMessageProcessor#secured secured} for that name.
     *
     * @param tls null when no endpoint is {@code tls:} or {@code dtls:}
     */
    public static AgentServer start(List<Endpoint> endpoints, IntFunction<? extends IncomingMessageProcessor> dispatchers,
            AgentStatistics stats, int threads, Limits limits, TlsServerSecurity tls) {
        return start(endpoints, dispatchers, stats, threads, limits, tls, DtlsServer.Limits.DEFAULT);
    }

    /**
     * As {@link #start(List, IntFunction, AgentStatistics, int, Limits, TlsServerSecurity)}, with
     * {@code dtls} capping each {@code dtls:} endpoint's sessions, handshakes at once and idle time.
     */
    public static AgentServer start(List<Endpoint> endpoints, IntFunction<? extends IncomingMessageProcessor> dispatchers,
            AgentStatistics stats, int threads, Limits limits, TlsServerSecurity tls, DtlsServer.Limits dtls) {
        for (Endpoint e : endpoints) {
            if (e.secure() && tls == null) {
                throw new AgentException("endpoint " + e + " needs the agent's certificate and key (localCert)");
            }
        }
        TransportGroup transports = TransportGroup.create(threads, "varbind-agent");
        EventLoopGroup group = transports.eventLoops();
        List<Channel> channels = new ArrayList<>();
        AgentServer server = new AgentServer(transports, channels, stats);
        ConnectionLimiter limiter = new ConnectionLimiter(limits, stats);
        AcceptGuard guard = new AcceptGuard(stats);
        try {
            Bootstrap ub = transports.udpOptions(new Bootstrap().group(group));
            Endpoint.bindEach(endpoints, (e, addr) -> {
                boolean v6 = addr.getAddress() instanceof Inet6Address;
                IncomingMessageProcessor dispatcher = dispatchers.apply(addr.getPort());
                if (e.secure() && !e.tcp()) {
                    DtlsListener listener = new DtlsListener(dispatcher, stats);
                    DtlsServer d = DtlsServer.bind(transports, addr, tls, dtls, listener);
                    listener.local = d.localAddress();
                    server.dtlsServers.add(d);
                    server.bound.add(d.localAddress());
                    server.boundStream.add(false);
                    server.boundTransport.add("dtls");
                    return;
                }
                Channel ch;
                if (e.tcp()) {
                    ch = tcpBootstrap(transports, group, dispatcher, limits, limiter, guard,
                            e.secure() ? tls : null).bind(addr).syncUninterruptibly().channel();
                } else {
                    // IPv6's header is 20 bytes longer than IPv4's: 1452 bytes of 1472
                    int cap = limits.unauthenticatedUdpMax() - (v6 ? 20 : 0);
                    ch = ub.clone().channelFactory(transports.datagramChannels(v6))
                            .handler(new UdpHandler(dispatcher, stats, cap)).bind(addr)
                            .syncUninterruptibly().channel();
                }
                channels.add(ch);
                server.bound.add((InetSocketAddress) ch.localAddress());
                server.boundStream.add(e.tcp());
                server.boundTransport.add(e.transport());
            });
            return server;
        } catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
    }

    private static ServerBootstrap tcpBootstrap(TransportGroup transports, EventLoopGroup group,
            IncomingMessageProcessor dispatcher, Limits limits, ConnectionLimiter limiter, AcceptGuard guard,
            TlsServerSecurity tls) {
        long idleMillis = limits.tcpIdleTimeout().toMillis();
        return new ServerBootstrap().group(group).channel(transports.serverSocketChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(guard)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!limiter.admit(ch)) {
                            ch.close();
                            return;
                        }
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                                new IdleCloser(limiter.stats));
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newTlsHandler());
                            TlsServerSecurity.handshakeOf(ch).whenComplete((ok, refused) -> (refused == null
                                    ? limiter.stats.tlsSessionsAccepted : limiter.stats.tlsSessionsRefused).increment());
                        }
                        ch.pipeline().addLast(new BerFrameDecoder(MAX_MESSAGE_SIZE),
                                new TcpHandler(dispatcher, limiter.stats, tls != null));
                    }
                });
    }

    /** The addresses actually bound, streams (TCP, TLS) or datagrams (UDP, DTLS); a port 0 endpoint shows its ephemeral port. */
    public List<InetSocketAddress> boundAddresses(boolean tcp) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (int i = 0; i < bound.size(); i++) {
            if (boundStream.get(i) == tcp) {
                out.add(bound.get(i));
            }
        }
        return out;
    }

    /**
     * Every address bound as {@code transport:host:port} ({@code udp:127.0.0.1:1162},
     * {@code tls:[::1]:10162}), in the order the endpoints were given.
     */
    public List<String> boundEndpoints() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bound.size(); i++) {
            out.add(boundTransport.get(i) + ":" + Endpoint.hostPort(bound.get(i)));
        }
        return out;
    }

    /** Every address bound, in the order the endpoints were given. */
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    public AgentStatistics statistics() {
        return stats;
    }

    /** DTLS sessions open now, over every {@code dtls:} endpoint. */
    public int dtlsSessions() {
        int n = 0;
        for (DtlsServer d : dtlsServers) {
            n += d.sessions();
        }
        return n;
    }

    /** The listening channels (package use: tests that inject failures). */
    List<Channel> channels() {
        return channels;
    }

    @Override
    public void close() {
        for (DtlsServer d : dtlsServers) {
            d.close();
        }
        for (Channel ch : channels) {
            ch.close();
        }
        transports.close();
    }

    /**
     * A DTLS endpoint's messages, on its sessions' threads: processed as the session's securityName,
     * answered over the session; refusals and drops counted.
     */
    private static final class DtlsListener implements DtlsServer.Listener {
        private final IncomingMessageProcessor dispatcher;
        private final AgentStatistics stats;
        /** The address the endpoint was bound to (the sessions' destination). */
        volatile InetSocketAddress local;

        DtlsListener(IncomingMessageProcessor dispatcher, AgentStatistics stats) {
            this.dispatcher = dispatcher;
            this.stats = stats;
        }

        @Override
        public void onMessage(byte[] message, SecurePeer peer) {
            if (peer.identity() == null) {
                return;
            }
            if (dispatcher.answersLater()) {
                dispatcher.receive(message, new IncomingMessageProcessor.Arrival("dtls", peer.remoteAddress(), local,
                        peer.identity().name()), m -> peer.reply(m, 0, m.length));
                return;
            }
            byte[] out = BUFFERS.get()[1];
            try {
                int n = dispatcher.secured(peer.identity().name()).process(message, 0, message.length, out,
                        MAX_MESSAGE_SIZE, MAX_MESSAGE_SIZE);
                if (n > 0) {
                    peer.reply(out, 0, n);
                }
            } catch (RuntimeException | StackOverflowError e) {
                failed(stats, e);
            }
        }

        @Override
        public void onAccepted(SecurePeer peer) {
            stats.tlsSessionsAccepted.increment();
        }

        @Override
        public void onRefused(InetSocketAddress from, Throwable why) {
            stats.tlsSessionsRefused.increment();
        }

        @Override
        public void onDropped() {
            stats.dtlsDropped.increment();
        }
    }

    /** Counts a failure of one socket and keeps the loop going; rethrows only what no packet can cause. */
    private static void failed(AgentStatistics stats, Throwable cause) {
        stats.internalErrors.increment();
        if (cause instanceof VirtualMachineError vmError && !(cause instanceof StackOverflowError)) {
            throw vmError; // out of memory: Netty reports it and the loop goes on, but it is not hidden
        }
    }

    @ChannelHandler.Sharable
    private static final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final IncomingMessageProcessor dispatcher;
        private final AgentStatistics stats;
        private final int unauthenticatedMax;

        UdpHandler(IncomingMessageProcessor dispatcher, AgentStatistics stats, int unauthenticatedMax) {
            this.dispatcher = dispatcher;
            this.stats = stats;
            this.unauthenticatedMax = unauthenticatedMax;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int len = content.readableBytes();
            if (dispatcher.answersLater()) {
                byte[] msg = new byte[len];
                content.getBytes(content.readerIndex(), msg);
                Channel ch = ctx.channel();
                InetSocketAddress sender = packet.sender();
                InetSocketAddress local = (InetSocketAddress) ch.localAddress();
                dispatcher.receive(msg, new IncomingMessageProcessor.Arrival(local.getAddress() instanceof Inet6Address
                        ? "udp6" : "udp", sender, local, null), m -> ch.writeAndFlush(new DatagramPacket(
                                io.netty.buffer.Unpooled.wrappedBuffer(m), sender), ch.voidPromise()));
                return;
            }
            byte[][] bufs = BUFFERS.get();
            content.getBytes(content.readerIndex(), bufs[0], 0, len);
            int n = dispatcher.process(bufs[0], 0, len, bufs[1], MAX_MESSAGE_SIZE, unauthenticatedMax);
            if (n > 0) {
                ByteBuf reply = ctx.alloc().ioBuffer(n).writeBytes(bufs[1], 0, n);
                ctx.write(new DatagramPacket(reply, packet.sender()), ctx.voidPromise());
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A send that failed (ICMP unreachable surfaces here on some systems): keep serving.
            failed(stats, cause);
        }
    }

    private static final class TcpHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final IncomingMessageProcessor dispatcher;
        private final AgentStatistics stats;
        private final boolean tls;
        /** Over TLS: the processor for the session's securityName, once its handshake is done. */
        private IncomingMessageProcessor secured;

        TcpHandler(IncomingMessageProcessor dispatcher, AgentStatistics stats, boolean tls) {
            this.dispatcher = dispatcher;
            this.stats = stats;
            this.tls = tls;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            IncomingMessageProcessor processor = dispatcher;
            String name = null;
            if (tls) {
                SecurePeer.Identity who = TlsServerSecurity.identityOf(ctx.channel());
                if (who == null) {
                    return; // no plaintext comes before the handshake; never answered unauthorized
                }
                name = who.name();
                if (secured == null) {
                    secured = dispatcher.secured(name);
                }
                processor = secured;
            }
            int len = frame.readableBytes();
            if (dispatcher.answersLater()) {
                byte[] msg = new byte[len];
                frame.getBytes(frame.readerIndex(), msg);
                Channel ch = ctx.channel();
                InetSocketAddress local = (InetSocketAddress) ch.localAddress();
                String transport = tls ? "tls" : local.getAddress() instanceof Inet6Address ? "tcp6" : "tcp";
                dispatcher.receive(msg, new IncomingMessageProcessor.Arrival(transport,
                        (InetSocketAddress) ch.remoteAddress(), local, name),
                        m -> ch.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(m), ch.voidPromise()));
                return;
            }
            byte[][] bufs = BUFFERS.get();
            frame.getBytes(frame.readerIndex(), bufs[0], 0, len);
            // TCP needs a handshake, so the source is not spoofed: no unauthenticated cap
            int n = processor.process(bufs[0], 0, len, bufs[1], MAX_MESSAGE_SIZE, MAX_MESSAGE_SIZE);
            if (n > 0) {
                ctx.write(ctx.alloc().ioBuffer(n).writeBytes(bufs[1], 0, n), ctx.voidPromise());
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A framing error or a reset: this connection ends, the agent goes on.
            stats.inAsnParseErrs.increment();
            dispatcher.onMalformedStream();
            ctx.close();
            if (cause instanceof VirtualMachineError) {
                failed(stats, cause);
            }
        }
    }

    /** Closes a TCP connection that has been silent for the idle timeout. */
    private static final class IdleCloser extends ChannelDuplexHandler {
        private final AgentStatistics stats;

        IdleCloser(AgentStatistics stats) {
            this.stats = stats;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                stats.tcpIdleClosed.increment();
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }
    }

    /**
     * On the listening TCP channel: an accept that fails (for want of file descriptors, typically)
     * is counted, never logged (logging then can itself fail inside the JDK and end the loop), and
     * accepting pauses for a moment so the failure does not spin, as Netty's own acceptor does.
     */
    @ChannelHandler.Sharable
    private static final class AcceptGuard extends ChannelInboundHandlerAdapter {
        private final AgentStatistics stats;

        AcceptGuard(AgentStatistics stats) {
            this.stats = stats;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            stats.internalErrors.increment();
            Channel ch = ctx.channel();
            if (ch.config().isAutoRead()) {
                ch.config().setAutoRead(false);
                ch.eventLoop().schedule(() -> {
                    ch.config().setAutoRead(true);
                }, 100, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Caps TCP connections in total and per source address, across every TCP endpoint of the agent. */
    private static final class ConnectionLimiter {
        private final Limits limits;
        private final AgentStatistics stats;
        private final AtomicInteger total = new AtomicInteger();
        private final ConcurrentHashMap<InetAddress, Integer> perSource = new ConcurrentHashMap<>();

        ConnectionLimiter(Limits limits, AgentStatistics stats) {
            this.limits = limits;
            this.stats = stats;
        }

        /** Counts the new connection in, or refuses it (the caller closes it at once). */
        boolean admit(SocketChannel ch) {
            InetAddress source = ch.remoteAddress() == null ? null : ch.remoteAddress().getAddress();
            if (source == null) {
                return false;
            }
            if (total.incrementAndGet() > limits.maxTcpConnections()) {
                total.decrementAndGet();
                stats.tcpConnectionsRefused.increment();
                return false;
            }
            if (perSource.merge(source, 1, Integer::sum) > limits.maxTcpConnectionsPerSource()) {
                release(source);
                stats.tcpConnectionsRefused.increment();
                return false;
            }
            stats.tcpConnectionsOpen.incrementAndGet();
            ch.closeFuture().addListener(f -> {
                release(source);
                stats.tcpConnectionsOpen.decrementAndGet();
            });
            return true;
        }

        private void release(InetAddress source) {
            total.decrementAndGet();
            perSource.computeIfPresent(source, (k, n) -> n == 1 ? null : n - 1);
        }
    }
}
