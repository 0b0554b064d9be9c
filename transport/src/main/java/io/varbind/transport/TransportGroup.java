package io.varbind.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Event loops and socket factories for SNMP's transports: UDP over IPv4 and IPv6 and TCP
 * (RFC 3430), on native epoll when Netty's library loads (with {@code recvmmsg} batching several
 * datagrams per system call) and on NIO otherwise. One group serves any number of endpoints.
 */
public final class TransportGroup implements AutoCloseable {

    /** The largest UDP payload over IPv4 (65535 minus the IP and UDP headers). */
    public static final int MAX_DATAGRAM = 65507;

    private final EventLoopGroup group;
    private final boolean epoll;
    /** Datagrams read per {@code recvmmsg} call under epoll by sockets of {@link #udpOptions}. */
    private static final int BATCH = 8;
    /**
     * The same for the sockets of {@link #bindUdp} ({@code -Dvarbind.transport.batch}, 1 to 32, read
     * when the group is made): their handlers copy each datagram out at once, so one buffer of
     * {@code 64 KiB x batch} is kept per socket ({@link ReceiveBuffer}). At 64 requests in flight
     * a batch of 32 halves the wake-ups of a batch of 8.
     */
    private final int batch = Math.max(1, Math.min(32, Integer.getInteger("varbind.transport.batch", 32)));
    /**
     * Whether datagrams sent while a read batch is handled wait for its end and leave in one
     * {@code sendmmsg} ({@code -Dvarbind.transport.sendmmsg=false}: one {@code sendto} each).
     */
    private final boolean coalesce = !"false".equals(System.getProperty("varbind.transport.sendmmsg"));

    private TransportGroup(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /**
     * {@code threads} event loops of daemon threads named {@code name-N}; native epoll unless the
     * system property {@code varbind.transport.nio} is {@code true} or epoll is unavailable.
     */
    public static TransportGroup create(int threads, String name) {
        boolean epoll = !Boolean.getBoolean("varbind.transport.nio") && Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new TransportGroup(new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true),
                factory), epoll);
    }

    public boolean isEpoll() {
        return epoll;
    }

    /** The event loops, for servers that build their own pipelines (the built-in agent). */
    public EventLoopGroup eventLoops() {
        return group;
    }

    /** A datagram channel factory for the family of {@code v6}. */
    public ChannelFactory<DatagramChannel> datagramChannels(boolean v6) {
        SocketProtocolFamily family = v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        return () -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
    }

    /** Datagram channel factory that accepts both families (for a server binding any address). */
    public ChannelFactory<DatagramChannel> datagramChannels() {
        return () -> epoll ? new EpollDatagramChannel() : new NioDatagramChannel();
    }

    public Class<? extends ServerChannel> serverSocketChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** Applies the receive options of a UDP socket: big buffers, batched reads under epoll. */
    public Bootstrap udpOptions(Bootstrap b) {
        return udpOptions(b, null);
    }

    /** The same, reading into {@code kept} (may be null: a pooled buffer per read). */
    private Bootstrap udpOptions(Bootstrap b, ReceiveBuffer kept) {
        b.option(ChannelOption.SO_RCVBUF, 4 << 20).option(ChannelOption.SO_SNDBUF, 1 << 20)
                // A read needs room for the largest datagram times the recvmmsg batch (512 KiB under
                // epoll). With Netty's default adaptive allocator that cost a direct buffer allocated
                // and freed per read (half the throughput of sequential GETs); the pooled allocator
                // hands out the same arena memory again.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
        if (epoll) {
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, 65536)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, kept != null ? kept : new FixedRecvByteBufAllocator(65536 * BATCH));
            if (!Boolean.getBoolean("varbind.transport.edge")) {
                // level-triggered, one recvmmsg batch per wake-up: a lone response costs epoll_wait and
                // one recvmmsg, not a second recvmmsg that only reads EAGAIN as edge-triggered needs
                b.option(EpollChannelOption.EPOLL_MODE, io.netty.channel.epoll.EpollMode.LEVEL_TRIGGERED)
                        .option(ChannelOption.MAX_MESSAGES_PER_READ, 1);
            }
        } else {
            b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65536));
        }
        return b;
    }

    /**
     * Asks for each datagram's destination address (IPv4 under epoll: {@code IP_RECVORIGDSTADDR}),
     * which {@code DatagramPacket.recipient()} then holds; a socket bound to the wildcard address
     * otherwise knows only that. Under NIO (no such option) the recipient stays the bound address.
     */
    public Bootstrap udpDestinationOption(Bootstrap b) {
        if (epoll) {
            b.option(EpollChannelOption.IP_RECVORIGDSTADDR, true);
        }
        return b;
    }

    /**
     * Binds a socket of {@code b} (a bootstrap with {@link #udpOptions}) at {@code address}, for a
     * handler that copies every datagram out and releases it before its read ends: under epoll the
     * socket reads as many datagrams per {@code recvmmsg} as the engine's sockets (32 by default)
     * into one buffer kept for its life ({@link ReceiveBuffer}), given back when it closes. A
     * receiver of dense traffic makes a quarter of the reads, and of the hand-offs that follow
     * each read, of a batch of 8. While datagrams come one per read (informs one at a time), reads
     * take one datagram ({@link ReceiveBuffer#readEnded}, as the engine's sockets): a
     * {@code recvmsg} instead of a {@code getsockopt} and a {@code recvmmsg} that tries the
     * queue again.
     */
    public ChannelFuture bindUdpCopyingOut(Bootstrap b, InetSocketAddress address) {
        if (!epoll) {
            return b.bind(address);
        }
        ReceiveBuffer kept = new ReceiveBuffer(65536 * batch);
        io.netty.channel.ChannelHandler application = b.config().handler();
        ChannelFuture f = b.clone().option(ChannelOption.RCVBUF_ALLOCATOR, kept)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ReadCounter(kept), application);
                    }
                }).bind(address);
        f.channel().closeFuture().addListener(c -> kept.release()); // on the channel's event loop
        return f;
    }

    /**
     * How many datagrams one read of a {@link #bindUdpCopyingOut} socket takes at most (the
     * {@code recvmmsg} batch under epoll; 0 under NIO, whose reads give no such bound): a read
     * that took fewer left the socket empty.
     */
    public int copyingOutBatch() {
        return epoll ? batch : 0;
    }

    /** Counts each read's datagrams for its {@link ReceiveBuffer}, in front of the application's handler. */
    private static final class ReadCounter extends io.netty.channel.ChannelInboundHandlerAdapter {
        private final ReceiveBuffer kept;
        private int datagrams;

        ReadCounter(ReceiveBuffer kept) {
            this.kept = kept;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            datagrams++;
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            kept.readEnded(datagrams);
            datagrams = 0;
            ctx.fireChannelReadComplete();
        }
    }

    /** Binds a UDP socket on the wildcard address of the family, at {@code localPort} (0: any). */
    public CompletableFuture<Endpoint> bindUdp(boolean v6, int localPort, MessageHandler handler) {
        ReceiveBuffer kept = epoll ? new ReceiveBuffer(65536 * batch) : null;
        UdpReader reader = new UdpReader(handler, coalesce, kept);
        Bootstrap b = udpOptions(new Bootstrap().group(group).channelFactory(datagramChannels(v6)), kept)
                .handler(reader);
        return open(b.bind(new InetSocketAddress(v6 ? "::" : "0.0.0.0", localPort)), reader,
                "cannot bind a UDP socket" + (localPort == 0 ? "" : " to local port " + localPort));
    }

    /**
     * The inbound end of an engine's UDP socket. It knows when the event loop is inside a read
     * batch (between the first {@code channelRead} and {@code channelReadComplete}): datagrams the
     * handler sends from there (the next request of an asynchronous chain, a retry decided on an
     * answer) are queued on the channel and flushed together when the batch ends, so that under
     * epoll the answers to one {@code recvmmsg} are followed by one {@code sendmmsg}, not by a
     * {@code sendto} each. Its fields are touched by the event loop only.
     */
    private static final class UdpReader extends SimpleChannelInboundHandler<DatagramPacket> {
        private final MessageHandler handler;
        private final boolean coalesce;
        private final ReceiveBuffer kept;
        private boolean reading;
        private boolean queued;
        private int datagrams;

        UdpReader(MessageHandler handler, boolean coalesce, ReceiveBuffer kept) {
            this.handler = handler;
            this.coalesce = coalesce;
            this.kept = kept;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            reading = coalesce;
            datagrams++;
            ByteBuf c = msg.content();
            byte[] data = new byte[c.readableBytes()];
            c.getBytes(c.readerIndex(), data);
            handler.onMessage(data, msg.sender());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            reading = false;
            if (kept != null) {
                kept.readEnded(datagrams);
            }
            datagrams = 0;
            if (queued) {
                queued = false;
                ctx.channel().flush(); // one sendmmsg(2) for what the batch's answers sent
            }
            ctx.fireChannelReadComplete();
        }

        /** Whether a send on the calling thread should join the batch being read (event loop only). */
        boolean batching(Channel channel) {
            return reading && channel.eventLoop().inEventLoop();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handler.onError(cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (kept != null) {
                kept.release();
            }
            handler.onClosed();
        }
    }

    /**
     * Connects a TCP stream to {@code remote}, framing messages of at most {@code maxMessage}
     * octets; a frame error closes the connection after {@link MessageHandler#onError}.
     */
    public CompletableFuture<Endpoint> connectTcp(InetSocketAddress remote, int localPort, int connectTimeoutMillis,
            int maxMessage, MessageHandler handler) {
        return connect(remote, localPort, connectTimeoutMillis, maxMessage, null, null, handler);
    }

    /**
     * Connects a TLS stream (RFC 6353 section 5: SNMP messages as bare BER SEQUENCEs over TLS):
     * {@code engine} is a client-mode SSLEngine made by the caller (protocols, trust and keys are
     * its business). The future completes once the handshake is done, or fails with its cause.
     */
    public CompletableFuture<Endpoint> connectTls(InetSocketAddress remote, int localPort, int connectTimeoutMillis,
            int maxMessage, javax.net.ssl.SSLEngine engine, MessageHandler handler) {
        return connect(remote, localPort, connectTimeoutMillis, maxMessage, engine, null, handler);
    }

    /**
     * Connects a TLS stream on Bouncy Castle's protocol with the given versions (TLS 1.0 to 1.2
     * for an agent that speaks nothing newer), certificates and verifier; ready once the
     * handshake is done.
     */
    public CompletableFuture<Endpoint> connectLegacyTls(InetSocketAddress remote, int localPort,
            int connectTimeoutMillis, int maxMessage, java.security.cert.X509Certificate[] ourChain,
            java.security.PrivateKey ourKey, CertificateVerifier verifier, MessageHandler handler) {
        BcTlsClient client = new BcTlsClient(new org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider()
                .setProvider(DtlsConnector.PROVIDER).create(new java.security.SecureRandom()), new BcTlsEnd(ourChain,
                ourKey, connectTimeoutMillis, org.bouncycastle.tls.ProtocolVersion.TLSv12.downTo(
                        org.bouncycastle.tls.ProtocolVersion.TLSv10)), verifier);
        return connect(remote, localPort, connectTimeoutMillis, maxMessage, null, new BcTlsHandler(client), handler);
    }

    private CompletableFuture<Endpoint> connect(InetSocketAddress remote, int localPort, int connectTimeoutMillis,
            int maxMessage, javax.net.ssl.SSLEngine ssl, BcTlsHandler bc, MessageHandler handler) {
        io.netty.handler.ssl.SslHandler sslHandler = ssl == null ? null : new io.netty.handler.ssl.SslHandler(ssl);
        if (sslHandler != null) {
            sslHandler.setHandshakeTimeoutMillis(Math.max(1000, connectTimeoutMillis));
        }
        Bootstrap b = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (sslHandler != null) {
                            ch.pipeline().addLast(sslHandler);
                        }
                        if (bc != null) {
                            ch.pipeline().addLast(bc);
                        }
                        ch.pipeline().addLast(new BerFrameDecoder(maxMessage));
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                byte[] data = new byte[msg.readableBytes()];
                                msg.getBytes(msg.readerIndex(), data);
                                handler.onMessage(data, (InetSocketAddress) ctx.channel().remoteAddress());
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                handler.onError(cause);
                                ctx.close();
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                handler.onClosed();
                            }
                        });
                    }
                });
        if (localPort != 0) {
            b.localAddress(localPort);
        }
        String what = (ssl == null && bc == null ? "tcp:" : "tls:") + remote.getHostString() + ":" + remote.getPort();
        CompletableFuture<Endpoint> connected = open(b.connect(remote), null, "cannot connect to " + what);
        if (bc != null) {
            CompletableFuture<Endpoint> result = new CompletableFuture<>();
            connected.whenComplete((ep, err) -> {
                if (err != null) {
                    result.completeExceptionally(err);
                    return;
                }
                bc.handshake.orTimeout(Math.max(1000, connectTimeoutMillis), TimeUnit.MILLISECONDS)
                        .whenComplete((v, herr) -> {
                            if (herr == null) {
                                result.complete(ep);
                            } else {
                                ep.close();
                                result.completeExceptionally(new HandshakeException(what, herr));
                            }
                        });
            });
            return result;
        }
        if (sslHandler == null) {
            return connected;
        }
        CompletableFuture<Endpoint> result = new CompletableFuture<>();
        connected.whenComplete((ep, err) -> {
            if (err != null) {
                result.completeExceptionally(err);
                return;
            }
            sslHandler.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    result.complete(ep);
                } else {
                    ep.close();
                    result.completeExceptionally(new HandshakeException(what, done.cause()));
                }
            });
        });
        return result;
    }

    /**
     * Opens a DTLS 1.2 session to {@code remote} (RFC 6353 over UDP): {@code ourChain} and
     * {@code ourKey} are sent when the agent asks for a certificate (may be null), and
     * {@code verifier} accepts or refuses the agent's chain. The future completes once the
     * handshake is done (within {@code handshakeMillis}), or fails with its cause.
     */
    public CompletableFuture<Endpoint> connectDtls(InetSocketAddress remote, int localPort, int handshakeMillis,
            java.security.cert.X509Certificate[] ourChain, java.security.PrivateKey ourKey,
            CertificateVerifier verifier, MessageHandler handler) {
        return DtlsConnector.connect(this, remote, localPort, handshakeMillis, ourChain, ourKey, verifier, handler);
    }

    /** Accepts or refuses a peer's certificate chain (leaf first). */
    public interface CertificateVerifier {
        void verify(java.security.cert.X509Certificate[] chain) throws java.security.cert.CertificateException;
    }

    /** The innermost message of a failure (a handshake's real reason is usually deep inside). */
    static String rootCause(Throwable t) {
        String msg = t.getMessage();
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c.getMessage() != null) {
                msg = c.getMessage();
            }
        }
        return msg;
    }

    /** {@code udp}: the reader of a datagram socket, null for a stream. */
    private static CompletableFuture<Endpoint> open(ChannelFuture cf, UdpReader udp, String failure) {
        CompletableFuture<Endpoint> result = new CompletableFuture<>();
        cf.addListener(done -> {
            if (done.isSuccess()) {
                result.complete(new ChannelEndpoint(cf.channel(), udp));
            } else {
                result.completeExceptionally(new IOException(failure + ": " + done.cause().getMessage(), done.cause()));
            }
        });
        return result;
    }

    /** Closes every endpoint of the group and stops its threads (waits at most five seconds). */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static final class ChannelEndpoint implements Endpoint {
        private final Channel channel;
        private final boolean stream;
        private final UdpReader udp;
        /** Datagrams written by the calling thread (epoll), null for a stream. */
        private final DatagramWriter datagrams;

        ChannelEndpoint(Channel channel, UdpReader udp) {
            this.channel = channel;
            this.stream = udp == null;
            this.udp = udp;
            this.datagrams = stream ? null : new DatagramWriter(channel);
        }

        @Override
        public void send(byte[] message, int offset, int length, InetSocketAddress to) {
            if (!stream) {
                if (datagrams.isDirect() && !to.isUnresolved() && udp.batching(channel)) {
                    // sent from the handling of a read batch: queued, and flushed with the batch's
                    // other sends in one sendmmsg(2) when the batch ends (UdpReader)
                    ByteBuf buf = channel.alloc().directBuffer(length);
                    buf.writeBytes(message, offset, length);
                    channel.write(new DatagramPacket(buf, to), channel.voidPromise());
                    udp.queued = true;
                    return;
                }
                datagrams.send(message, offset, length, to);
                return;
            }
            ByteBuf buf = Unpooled.copiedBuffer(message, offset, length); // written later: the caller reuses its array
            // a real promise: SslHandler cannot complete a void one; a failed write closes the stream
            channel.writeAndFlush(buf).addListener(io.netty.channel.ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }

        @Override
        public boolean isStream() {
            return stream;
        }

        @Override
        public boolean isOpen() {
            return channel.isActive();
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) channel.localAddress();
        }

        @Override
        public void close() {
            channel.close();
        }
    }
}
