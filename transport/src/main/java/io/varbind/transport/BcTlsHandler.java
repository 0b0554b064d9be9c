package io.varbind.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * TLS on Bouncy Castle's non-blocking protocol inside a Netty pipeline, either end: for the
 * sessions that must speak TLS 1.0 or 1.1 (Net-SNMP 5.9.3's tlstcp offers nothing newer, as client
 * and as agent), which the JDK only allows JVM-wide. The record layer runs on the event loop
 * (handshakes cost CPU there, never a wait), ciphertext in and out through
 * {@code offerInput}/{@code readOutput}, plaintext on to the BER framer.
 */
final class BcTlsHandler extends ChannelDuplexHandler {
    private final TlsProtocol protocol;
    /** Starts the handshake: connect for a client, accept for a server. */
    private final Starter starter;
    private final BooleanSupplier handshakeDone;
    /** The agent's end: its handshake failures are refusals reported through {@link #handshake}, not stream errors. */
    private final BcTlsServer server;

    @FunctionalInterface
    private interface Starter {
        void start() throws IOException;
    }

    final CompletableFuture<Void> handshake = new CompletableFuture<>();

    private BcTlsHandler(TlsProtocol protocol, Starter starter, BooleanSupplier handshakeDone, BcTlsServer server) {
        this.protocol = protocol;
        this.server = server;
        this.starter = starter;
        this.handshakeDone = handshakeDone;
    }

    BcTlsHandler(BcTlsClient client) {
        this(new TlsClientProtocol(), client);
    }

    private BcTlsHandler(TlsClientProtocol p, BcTlsClient client) {
        this(p, () -> p.connect(client), () -> client.handshakeDone, null);
    }

    /** The agent's end: {@code server} asks for and checks the client's certificate. */
    static BcTlsHandler server(BcTlsServer server) {
        TlsServerProtocol p = new TlsServerProtocol();
        return new BcTlsHandler(p, () -> p.accept(server), () -> server.handshakeDone, server);
    }

    /** The agent's end after its handshake: the client's identity, or null before. */
    SecurePeer.Identity peerIdentity() {
        return server == null || !handshake.isDone() || handshake.isCompletedExceptionally() ? null : server.identity;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        try {
            // TLS 1.0 with CBC: Bouncy Castle splits each write 1/n-1 against BEAST; Net-SNMP reads
            // one record per socket event and would be left with the first byte only. An empty
            // record before the data (0/n, as OpenSSL does) keeps each message in one record.
            protocol.setAppDataSplitMode(1); // ADS_MODE_0_N
            starter.start();
            flushOutput(ctx);
            if (server != null) { // a client that never finishes its handshake holds no connection for long
                ctx.executor().schedule(() -> {
                    if (!handshake.isDone()) {
                        handshake.completeExceptionally(new org.bouncycastle.tls.TlsTimeoutException(
                                "no TLS handshake within " + server.end.handshakeMillis() + " ms"));
                        ctx.close();
                    }
                }, server.end.handshakeMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            handshake.completeExceptionally(e);
            flushOutput(ctx);
            ctx.close();
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            byte[] data = new byte[in.readableBytes()];
            in.readBytes(data);
            protocol.offerInput(data);
            flushOutput(ctx);
            if (handshakeDone.getAsBoolean() && !handshake.isDone()) {
                handshake.complete(null);
            }
            int n = protocol.getAvailableInputBytes();
            if (n > 0) {
                byte[] plain = new byte[n];
                protocol.readInput(plain, 0, n);
                ctx.fireChannelRead(Unpooled.wrappedBuffer(plain));
            }
        } catch (IOException | RuntimeException e) {
            boolean refused = server != null && !handshake.isDone();
            handshake.completeExceptionally(e);
            flushOutput(ctx); // the alert that says why
            if (!refused) {
                ctx.fireExceptionCaught(e);
            }
            ctx.close();
        } finally {
            in.release();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            byte[] data = new byte[buf.readableBytes()];
            buf.readBytes(data);
            protocol.writeApplicationData(data, 0, data.length);
            flushOutput(ctx);
            promise.trySuccess();
        } catch (IOException e) {
            promise.tryFailure(e);
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handshake.completeExceptionally(new IOException("the peer closed the connection during the TLS handshake"));
        super.channelInactive(ctx);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        try {
            if (!protocol.isClosed()) {
                protocol.close(); // close_notify
                flushOutput(ctx);
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        super.close(ctx, promise);
    }

    private void flushOutput(ChannelHandlerContext ctx) {
        int n = protocol.getAvailableOutputBytes();
        if (n > 0) {
            byte[] out = new byte[n];
            protocol.readOutput(out, 0, n);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(out));
        }
    }
}
