package io.varbind.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a TCP byte stream into SNMP messages (RFC 3430 section 2.1: each message is one BER
 * SEQUENCE, found by its own length). A frame that is not a SEQUENCE, uses an indefinite or absurd
 * length, or exceeds the limit ends the connection.
 */
public final class BerFrameDecoder extends ByteToMessageDecoder {

    private final int maxFrame;

    public BerFrameDecoder(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            int frame = frameLength(in, in.readerIndex(), in.readableBytes(), maxFrame);
            if (frame <= 0 || in.readableBytes() < frame) {
                return;
            }
            out.add(in.readRetainedSlice(frame));
        }
    }

    /**
     * Total length (header and content) of the message starting at {@code off}, or 0 when more bytes
     * are needed to tell.
     */
    public static int frameLength(ByteBuf in, int off, int available, int maxFrame) {
        if (available < 2) {
            return 0;
        }
        if (in.getUnsignedByte(off) != 0x30) {
            throw new CorruptedFrameException("SNMP over TCP: expected a SEQUENCE (0x30), got 0x"
                    + Integer.toHexString(in.getUnsignedByte(off)));
        }
        int first = in.getUnsignedByte(off + 1);
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4) {
                throw new CorruptedFrameException("SNMP over TCP: unsupported length form 0x" + Integer.toHexString(first));
            }
            if (available < 2 + count) {
                return 0;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | in.getUnsignedByte(off + 2 + i);
            }
            header = 2 + count;
        }
        if (length + header > maxFrame) {
            throw new CorruptedFrameException("SNMP over TCP: message of " + (length + header)
                    + " bytes exceeds the limit of " + maxFrame);
        }
        return (int) (length + header);
    }
}
