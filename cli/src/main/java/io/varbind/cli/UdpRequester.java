package io.varbind.cli;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal v2c command generator over one UDP socket, for {@code demo}'s walk of the in-process
 * agent on loopback: one request at a time, 1 s timeout, 3 tries. The network commands (get,
 * walk, ...) go through the public Session API; this lets the demo run on the codec alone.
 */
final class UdpRequester implements Walker.Step, AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress agent;
    private final byte[] community;
    private final byte[] buf = new byte[65536];
    private int requestId = (int) (System.nanoTime() & 0x3fffffff);

    UdpRequester(InetSocketAddress agent, String community) {
        try {
            this.socket = new DatagramSocket();
            socket.connect(agent);
            socket.setSoTimeout(1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.agent = agent;
        this.community = community.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public List<VarBind> next(Oid cursor) {
        return request(BerTags.GETNEXT, cursor).varBinds();
    }

    @Override
    public VarBind get(Oid oid) {
        List<VarBind> vbs = request(BerTags.GET, oid).varBinds();
        return vbs.isEmpty() ? null : vbs.get(0);
    }

    private Pdu request(int type, Oid oid) {
        int id = ++requestId & 0x7fffffff;
        Pdu pdu = new Pdu(type, id, 0, 0, List.of(new VarBind(oid, Variable.nullValue())));
        byte[] out = new byte[1500];
        int n = SnmpMessageEncoder.encode(new CommunityMessage(1, community, pdu), out, 0);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                socket.send(new DatagramPacket(out, n));
                long deadline = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < deadline) {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(in);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    SnmpMessage m = SnmpMessageDecoder.decode(buf, 0, in.getLength());
                    if (m instanceof CommunityMessage cm && cm.pdu() instanceof Pdu r && r.requestId() == id) {
                        if (r.errorStatus() != 0) {
                            throw new CliException("the agent answered error-status " + r.errorStatus());
                        }
                        return r;
                    }
                }
            }
        } catch (IOException e) {
            throw new CliException("cannot reach " + agent + ": " + e.getMessage(), e);
        }
        throw new CliException("Timeout: No Response from " + agent + ".");
    }

    @Override
    public void close() {
        socket.close();
    }
}
