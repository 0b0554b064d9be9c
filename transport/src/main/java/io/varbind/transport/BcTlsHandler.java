package io.varbind.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.TlsClientProtocol;

/**
 * TLS on Bouncy Castle's non-blocking protocol inside a Netty pipeline, for the sessions that
 * must speak TLS 1.0 or 1.1 (Net-SNMP 5.9.3's tlstcp offers nothing newer), which the JDK only
 * allows JVM-wide: the record layer runs on the event loop, ciphertext in and out through
 * {@code offerInput}/{@code readOutput}, plaintext on to the BER framer.
 */
final class BcTlsHandler extends ChannelDuplexHandler {
    private final TlsClientProtocol protocol = new TlsClientProtocol();

    {
        // TLS 1.0 with CBC: Bouncy Castle splits each write 1/n-1 against BEAST; Net-SNMP's agent
        // reads one record per socket event and would be left with the first byte only. An empty
        // record before the data (0/n, as OpenSSL does) keeps each message in one record.
        protocol.setAppDataSplitMode(1); // ADS_MODE_0_N
    }
    private final BcTlsClient client;
    final CompletableFuture<Void> handshake = new CompletableFuture<>();

    BcTlsHandler(BcTlsClient client) {
        this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        try {
            protocol.connect(client);
            flushOutput(ctx);
        } catch (IOException e) {
            handshake.completeExceptionally(e);
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
            if (client.handshakeDone && !handshake.isDone()) {
                handshake.complete(null);
            }
            int n = protocol.getAvailableInputBytes();
            if (n > 0) {
                byte[] plain = new byte[n];
                protocol.readInput(plain, 0, n);
                ctx.fireChannelRead(Unpooled.wrappedBuffer(plain));
            }
        } catch (IOException e) {
            handshake.completeExceptionally(e);
            ctx.fireExceptionCaught(e);
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
        handshake.completeExceptionally(new IOException("the agent closed the connection during the TLS handshake"));
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
