package io.varbind.engine;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A v1/v2c agent over TCP (RFC 3430: BER messages back to back) written for the tests: either
 * silent, or answering each request and, being hostile, also the request ids just around it,
 * which belong to requests sent to other agents.
 */
final class HostileStreamResponder implements Closeable {
    enum Mode {
        /** Reads requests and never answers. */
        SILENT,
        /** Answers the 8 request ids before each request's with "stolen", then the request with "mine". */
        ANSWER_NEIGHBOURS
    }

    private final ServerSocket server;
    private final Mode mode;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();

    HostileStreamResponder(Mode mode) throws IOException {
        this.mode = mode;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "hostile-stream-accept");
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-stream");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                byte[] msg = readMessage(in);
                requests.incrementAndGet();
                if (mode == Mode.SILENT) {
                    continue;
                }
                CommunityMessage c = (CommunityMessage) SnmpMessageDecoder.decode(msg, 0, msg.length);
                Pdu p = c.regularPdu();
                for (int id = p.requestId() - 8; id <= p.requestId(); id++) { // its own id last
                    List<VarBind> vbs = new ArrayList<>();
                    for (VarBind vb : p.varBinds()) {
                        vbs.add(new VarBind(vb.oid(), Variable.octetString(id == p.requestId() ? "mine" : "stolen")));
                    }
                    out.write(SnmpMessageEncoder.encode(new CommunityMessage(c.version(), c.community(),
                            new Pdu(BerTags.RESPONSE, id, 0, 0, vbs))));
                }
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away, or the test is over
        }
    }

    /** One BER TLV: a SEQUENCE tag, a definite length (short or long form), the contents. */
    private static byte[] readMessage(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        int first = in.readUnsignedByte();
        int len = first;
        int header = 2;
        if (first > 0x80) {
            int n = first & 0x7F;
            if (n > 3) {
                throw new IOException("length of " + n + " octets");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | in.readUnsignedByte();
            }
            header += n;
        }
        byte[] msg = new byte[header + len];
        msg[0] = (byte) tag;
        msg[1] = (byte) first;
        for (int i = 2; i < header; i++) {
            msg[i] = (byte) (len >>> (8 * (header - 1 - i)));
        }
        in.readFully(msg, header, len);
        return msg;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
