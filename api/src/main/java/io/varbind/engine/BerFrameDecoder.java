package io.varbind.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits a TCP byte stream into SNMP messages (RFC 3430 section 2: each message is one BER
 * SEQUENCE with a definite length, no other framing). Emits each message as a {@code byte[]};
 * a frame over {@code maxFrame} octets, an indefinite length or another tag closes the stream.
 */
public final class BerFrameDecoder extends ByteToMessageDecoder {
    private final int maxFrame;

    public BerFrameDecoder(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 2) {
            int start = in.readerIndex();
            int tag = in.getUnsignedByte(start);
            if (tag != 0x30) {
                throw new CorruptedFrameException(String.format("expected a SEQUENCE (0x30), got 0x%02X", tag));
            }
            int first = in.getUnsignedByte(start + 1);
            int headerLen;
            long contentLen;
            if (first < 0x80) {
                headerLen = 2;
                contentLen = first;
            } else if (first == 0x80) {
                throw new CorruptedFrameException("indefinite length not allowed (RFC 3430)");
            } else {
                int n = first & 0x7F;
                if (n > 4) {
                    throw new CorruptedFrameException("length field of " + n + " octets");
                }
                if (in.readableBytes() < 2 + n) {
                    return;
                }
                contentLen = 0;
                for (int i = 0; i < n; i++) {
                    contentLen = (contentLen << 8) | in.getUnsignedByte(start + 2 + i);
                }
                headerLen = 2 + n;
            }
            long frame = headerLen + contentLen;
            if (frame > maxFrame) {
                throw new TooLongFrameException("message of " + frame + " octets, more than " + maxFrame);
            }
            if (in.readableBytes() < frame) {
                return;
            }
            byte[] msg = new byte[(int) frame];
            in.readBytes(msg);
            out.add(msg);
        }
    }
}
