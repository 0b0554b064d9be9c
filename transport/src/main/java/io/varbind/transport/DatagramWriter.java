package io.varbind.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Writes datagrams on a Netty datagram channel from whatever thread has them. On native epoll the
 * calling thread makes the {@code sendto(2)} itself, rather than queueing a task for the channel's
 * event loop and waking it: one thread hand-off less per message, which is most of a reply's
 * latency when the reply is made off the event loop (an inform acknowledged after its callback, a
 * request sent by an application thread). Safe beside the loop's own reads and writes: the kernel
 * serialises the socket and datagrams carry no order. On NIO, with a full send buffer or a
 * datagram too large for the per-thread buffer, the write goes through the event loop as usual.
 */
public final class DatagramWriter {
    /** Per sending thread: the direct buffer a datagram is copied into for {@code sendto}. */
    private static final ThreadLocal<ByteBuffer> DIRECT = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(65536));

    private final Channel channel;
    /** The native socket of an epoll datagram channel, null on NIO. */
    private final Socket direct;

    /** A writer for {@code channel} (a datagram channel, epoll or NIO). */
    public DatagramWriter(Channel channel) {
        this.channel = channel;
        this.direct = channel instanceof UnixChannel u && u.fd() instanceof Socket s ? s : null;
    }

    /** Whether writes are made by the calling thread (native epoll). */
    public boolean isDirect() {
        return direct != null;
    }

    /**
     * Sends {@code message[offset, offset + length)} to {@code to}. The caller may reuse its array
     * once this returns (the bytes are copied). An I/O error goes to the channel's pipeline as an
     * exception, as the event loop's own writes do.
     */
    public void send(byte[] message, int offset, int length, InetSocketAddress to) {
        if (direct != null && length <= 65536 && !to.isUnresolved()) {
            ByteBuffer b = DIRECT.get();
            b.clear();
            b.put(message, offset, length).flip();
            try {
                if (direct.sendTo(b, 0, length, to.getAddress(), to.getPort()) == length) {
                    return;
                }
            } catch (IOException e) {
                channel.pipeline().fireExceptionCaught(e);
                return;
            }
        }
        // written later by the event loop: the caller reuses its array
        channel.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(message, offset, length), to),
                channel.voidPromise());
    }

    /** Whether {@code batch} was made by this writer (sends through the same channel). */
    public boolean sameBatch(Batch batch) {
        return batch.writer() == this;
    }

    /** A batch of datagrams to send through this writer's channel together ({@link Batch}). */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Datagrams gathered by one thread (for example the Responses to a read's informs, each made
     * as its callback returns) and handed to the channel's event loop as one task, which writes
     * them with one {@code sendmmsg(2)} under epoll: one wake-up of the loop and one system call
     * for the lot, where a {@code sendto} each costs a system call and, on a peer that reads with
     * an event loop, can wake it once per datagram. Used by one thread at a time.
     */
    public final class Batch {
        /** The datagrams, one after another, in one pooled direct buffer (made on the first add). */
        private io.netty.buffer.ByteBuf octets;
        private int[] lengths = new int[8];
        private InetSocketAddress[] destinations = new InetSocketAddress[8];
        private int count;

        private Batch() {
        }

        private DatagramWriter writer() {
            return DatagramWriter.this;
        }

        /** Adds {@code message[offset, offset + length)} for {@code to}; the caller may reuse its array at once. */
        public void add(byte[] message, int offset, int length, InetSocketAddress to) {
            if (count == lengths.length) {
                lengths = java.util.Arrays.copyOf(lengths, count * 2);
                destinations = java.util.Arrays.copyOf(destinations, count * 2);
            }
            if (octets == null) {
                // one allocation per batch, not per datagram (each a pool operation, and the leak
                // detector's sampled stack trace): the datagrams go out as slices of it
                octets = channel.alloc().directBuffer(Math.max(1024, length * 8));
            }
            octets.writeBytes(message, offset, length);
            lengths[count] = length;
            destinations[count++] = to;
        }

        /** How many datagrams wait. */
        public int size() {
            return count;
        }

        /** Hands the datagrams added so far to the event loop (nothing when none wait). */
        public void send() {
            if (count == 0) {
                return;
            }
            DatagramPacket[] out = new DatagramPacket[count];
            for (int i = 0, at = 0; i < count; at += lengths[i], i++) {
                out[i] = new DatagramPacket(octets.retainedSlice(at, lengths[i]), destinations[i]);
                destinations[i] = null;
            }
            octets.release(); // the slices hold it now
            octets = null;
            count = 0;
            try {
                channel.eventLoop().execute(() -> {
                    for (DatagramPacket p : out) {
                        channel.write(p, channel.voidPromise());
                    }
                    channel.flush();
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                for (DatagramPacket p : out) { // the channel's loop has stopped: nothing will send them
                    p.release();
                }
            }
        }
    }
}
