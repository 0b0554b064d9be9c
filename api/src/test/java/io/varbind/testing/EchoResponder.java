package io.varbind.testing;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A v1/v2c responder for tests that need an agent without Net-SNMP: one thread on one loopback
 * UDP socket answers every request at once, each varbind with its own OID and, as an OCTET
 * STRING, the community the request carried (so a test can tell which settings a request went
 * out with). Its thread is known, so CPU measurements can leave it out.
 */
public final class EchoResponder implements AutoCloseable {
    private final DatagramChannel channel;
    private final Thread thread;
    private final AtomicLong requests = new AtomicLong();

    public EchoResponder() throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "echo-responder");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code udp:127.0.0.1:PORT}, for a session's hostname. */
    public String hostname() {
        return "udp:127.0.0.1:" + address().getPort();
    }

    /** How many requests arrived (answered or not). */
    public long requests() {
        return requests.get();
    }

    public Thread thread() {
        return thread;
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        byte[] out = new byte[65536];
        while (channel.isOpen()) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                requests.incrementAndGet();
                SnmpMessage m = SnmpMessageDecoder.decode(in.array(), 0, in.position());
                if (!(m instanceof CommunityMessage c) || c.regularPdu() == null) {
                    continue;
                }
                Pdu p = c.regularPdu();
                List<VarBind> vbs = new ArrayList<>(p.varBinds().size());
                Variable value = Variable.octetString(c.community());
                for (VarBind vb : p.varBinds()) {
                    vbs.add(new VarBind(vb.oid(), value));
                }
                int n = SnmpMessageEncoder.encode(new CommunityMessage(c.version(), c.community(),
                        new Pdu(BerTags.RESPONSE, p.requestId(), 0, 0, vbs)), out, 0);
                channel.send(ByteBuffer.wrap(out, 0, n), from);
            } catch (IOException e) {
                return; // closed
            } catch (RuntimeException e) {
                // a malformed request: no answer, as an agent would do
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
