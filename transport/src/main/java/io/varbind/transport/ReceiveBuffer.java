package io.varbind.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * The receive buffer of one datagram channel whose handler copies and releases every datagram
 * before its read ends (the engine's sockets): one buffer, kept for the channel's life and handed
 * to every read again, rather than one taken from the pool and given back per read. A buffer
 * of a {@code recvmmsg} batch holds the largest datagram per slot (64 KiB x the batch); beyond a
 * quarter of the pool's 4 MiB chunk, giving it back freed the whole chunk and the next read
 * allocated it again (sequential GETs fell from 25,000 to 5,000 per second with a batch of 16).
 * Should a read find part of the buffer still held (a datagram not yet released), it takes a
 * fresh one from the pool instead. Used on the channel's event loop only.
 */
final class ReceiveBuffer extends DefaultMaxMessagesRecvByteBufAllocator {
    private final int size;
    private ByteBuf kept;

    ReceiveBuffer(int size) {
        super(1);
        this.size = size;
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                if (kept == null) {
                    kept = alloc.directBuffer(size, size);
                }
                // our reference alone: no datagram of an earlier read still points into it
                return kept.refCnt() == 1 ? kept.retainedDuplicate().clear() : alloc.directBuffer(size, size);
            }

            @Override
            public int guess() {
                return size;
            }
        };
    }

    /** The channel closed: the kept buffer goes back to the pool. */
    void release() {
        if (kept != null) {
            kept.release();
            kept = null;
        }
    }
}
