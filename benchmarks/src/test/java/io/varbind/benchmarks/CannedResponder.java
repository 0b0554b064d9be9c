package io.varbind.benchmarks;

import io.varbind.codec.BerDecodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The minimal agent of the network benchmarks: one thread on one blocking UDP socket answers every
 * v2c request with the same one-varbind Response (sysDescr.0, a 30-octet string), echoing the
 * request id. It does no MIB work, so what the clients are measured against is the cost of the
 * network and of the clients themselves; its own CPU time is known, to subtract it.
 */
final class CannedResponder implements AutoCloseable {
    static final Oid SYS_DESCR = Oid.parse("1.3.6.1.2.1.1.1.0");
    private static final byte[] COMMUNITY = "public".getBytes(StandardCharsets.US_ASCII);
    private static final Variable VALUE = Variable.octetString("Linux router 6.1.0-18 x86_64 a");

    private final DatagramChannel channel;
    private final Thread thread;
    private volatile long answered;

    CannedResponder() throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "canned-responder");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    long answered() {
        return answered;
    }

    long threadId() {
        return thread.getId();
    }

    /** CPU time the responder's thread has used, in nanoseconds. */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        byte[] out = new byte[2048];
        List<VarBind> body = List.of(new VarBind(SYS_DESCR, VALUE));
        long n = 0;
        try {
            while (true) {
                in.clear();
                SocketAddress from = channel.receive(in);
                int id;
                try {
                    id = SnmpMessageDecoder.peekRequestId(in.array(), 0, in.position());
                } catch (BerDecodeException e) {
                    continue;
                }
                int len = SnmpMessageEncoder.encode(new CommunityMessage(1, COMMUNITY,
                        new Pdu(BerTags.RESPONSE, id, 0, 0, body)), out, 0);
                channel.send(ByteBuffer.wrap(out, 0, len), from);
                answered = ++n;
            }
        } catch (ClosedChannelException closed) {
            // done
        } catch (IOException | RuntimeException e) {
            System.err.println("canned responder stopped: " + e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
