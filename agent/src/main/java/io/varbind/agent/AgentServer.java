package io.varbind.agent;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import io.varbind.transport.BerFrameDecoder;
import io.varbind.transport.TransportGroup;

/**
 * The agent's sockets: a thin Netty layer that hands each UDP datagram, or each BER-framed message
 * on a TCP connection (RFC 3430), to a {@link MessageDispatcher} on the event-loop thread (the
 * work is in-memory and short) and sends back what it returns.
 */
public final class AgentServer implements AutoCloseable {

    /** Largest message the agent answers: the largest UDP payload over IPv4 (RFC 768, 65535 - 28). */
    public static final int MAX_MESSAGE_SIZE = 65507;

    private static final FastThreadLocal<byte[][]> BUFFERS = new FastThreadLocal<>() {
        @Override
        protected byte[][] initialValue() {
            return new byte[][] {new byte[65536], new byte[MAX_MESSAGE_SIZE]};
        }
    };

    private final TransportGroup transports;
    private final List<Channel> channels;
    private final MessageDispatcher dispatcher;

    private AgentServer(TransportGroup transports, List<Channel> channels, MessageDispatcher dispatcher) {
        this.transports = transports;
        this.channels = channels;
        this.dispatcher = dispatcher;
    }

    /**
     * Binds every port of every endpoint; fails (and releases what was bound) when one cannot be
     * bound. {@code threads} event loops share the sockets (0: one per core).
     */
    public static AgentServer start(List<Endpoint> endpoints, MessageDispatcher dispatcher, int threads) {
        TransportGroup transports = TransportGroup.create(threads, "varbind-agent");
        EventLoopGroup group = transports.eventLoops();
        List<Channel> channels = new ArrayList<>();
        AgentServer server = new AgentServer(transports, channels, dispatcher);
        try {
            UdpHandler udp = new UdpHandler(dispatcher);
            Bootstrap ub = transports.udpOptions(new Bootstrap().group(group)).handler(udp);
            ServerBootstrap tb = new ServerBootstrap().group(group).channel(transports.serverSocketChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new BerFrameDecoder(MAX_MESSAGE_SIZE), new TcpHandler(dispatcher));
                        }
                    });
            for (Endpoint e : endpoints) {
                for (int port = e.portLow(); port <= e.portHigh(); port++) {
                    InetSocketAddress addr = new InetSocketAddress(e.host(), port);
                    if (addr.isUnresolved()) {
                        throw new AgentException("cannot resolve host '" + e.host() + "' of endpoint " + e);
                    }
                    try {
                        Channel ch = (e.tcp() ? tb.bind(addr) : ub.clone().channelFactory(transports.datagramChannels(
                                addr.getAddress() instanceof java.net.Inet6Address)).bind(addr))
                                .syncUninterruptibly().channel();
                        channels.add(ch);
                    } catch (RuntimeException ex) {
                        throw new AgentException("cannot listen on " + (e.tcp() ? "tcp:" : "udp:")
                                + (addr.getAddress() instanceof java.net.Inet6Address ? "[" + e.host() + "]" : e.host())
                                + ":" + port + ": " + ex.getMessage(), ex);
                    }
                }
            }
            return server;
        } catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
    }

    /** The addresses actually bound (a port 0 endpoint shows its ephemeral port here). */
    public List<InetSocketAddress> boundAddresses(boolean tcp) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Channel ch : channels) {
            boolean isTcp = !(ch instanceof DatagramChannel);
            if (isTcp == tcp) {
                out.add((InetSocketAddress) ch.localAddress());
            }
        }
        return out;
    }

    public MessageDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        for (Channel ch : channels) {
            ch.close();
        }
        transports.close();
    }

    @ChannelHandler.Sharable
    private static final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final MessageDispatcher dispatcher;

        UdpHandler(MessageDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int len = content.readableBytes();
            byte[][] bufs = BUFFERS.get();
            content.getBytes(content.readerIndex(), bufs[0], 0, len);
            int n = dispatcher.process(bufs[0], 0, len, bufs[1], MAX_MESSAGE_SIZE);
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
            dispatcher.statistics().internalErrors.increment();
        }
    }

    private static final class TcpHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final MessageDispatcher dispatcher;

        TcpHandler(MessageDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            int len = frame.readableBytes();
            byte[][] bufs = BUFFERS.get();
            frame.getBytes(frame.readerIndex(), bufs[0], 0, len);
            int n = dispatcher.process(bufs[0], 0, len, bufs[1], MAX_MESSAGE_SIZE);
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
            dispatcher.statistics().inAsnParseErrs.increment();
            ctx.close();
        }
    }

}
