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
    /** One datagram's room: a read given this much makes one {@code recvmsg}, not a {@code recvmmsg}. */
    static final int ONE = 65536;
    /** Lone reads in a row after which reads take one datagram; and how often such reads probe for more. */
    private static final int LONE_READS = 4;
    private static final int PROBE_EVERY = 16;

    private final int size;
    private ByteBuf kept;
    private int lone;
    private int reads;

    ReceiveBuffer(int size) {
        super(1);
        this.size = size;
    }

    /**
     * The read that just ended handed {@code datagrams} to the handler. A peer answering one
     * request at a time (a walk, sequential GETs) fills one slot per wake-up: after a few such
     * reads in a row, reads take one datagram, a {@code recvmsg(2)}, which costs less than a
     * {@code recvmmsg(2)} of the whole batch (that one also asks the socket for its options and
     * tries the queue again after the datagram); every {@value #PROBE_EVERY}th read still offers
     * the whole batch, so a backlog shows and batching comes back at once.
     */
    void readEnded(int datagrams) {
        lone = datagrams == 1 ? lone + 1 : 0;
    }

    /** Whether reads take one datagram now (datagrams came one per read lately). */
    boolean oneAtATime() {
        return size > ONE && lone >= LONE_READS;
    }

    /** The room the next read offers: one datagram's or the whole batch's. */
    private int nextRoom() {
        if (oneAtATime() && ++reads % PROBE_EVERY != 0) {
            return ONE;
        }
        return size;
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                if (kept == null) {
                    kept = alloc.directBuffer(size, size);
                }
                int room = nextRoom();
                // our reference alone: no datagram of an earlier read still points into it
                if (kept.refCnt() != 1) {
                    return alloc.directBuffer(room, room);
                }
                return room == size ? kept.retainedDuplicate().clear() : kept.retainedSlice(0, room).clear();
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
