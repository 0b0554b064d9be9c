package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramChannel;
import io.varbind.Session;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmStats;
import io.varbind.usm.UsmUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What an attacker tried against the agent, each fixed and held here: TCP connections that never
 * end, failures that used to end an event loop, GETBULK amplification, msgMaxSize ignored, v3
 * floods; and the agent's counters served over SNMP.
 */
class AgentHardeningTest {

    static final String ENGINE = "80001f8804aabbccddeeff";
    static final Oid BIG = Oid.parse("1.3.6.1.4.1.99999.5");

    static byte[] v2(String community, Pdu pdu) {
        byte[] buf = new byte[65536];
        int n = SnmpMessageEncoder.encode(new CommunityMessage(1, community.getBytes(StandardCharsets.ISO_8859_1),
                pdu), buf, 0);
        return Arrays.copyOf(buf, n);
    }

    static Pdu request(int type, int a, int b, Oid... oids) {
        return new Pdu(type, 42, a, b, Arrays.stream(oids).map(o -> new VarBind(o, Variable.nullValue())).toList());
    }

    /** One datagram out, the answer back (null after the timeout). */
    static byte[] exchange(InetSocketAddress to, byte[] request, int timeoutMillis) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(timeoutMillis);
            s.send(new DatagramPacket(request, request.length, to));
            byte[] in = new byte[65536];
            DatagramPacket p = new DatagramPacket(in, in.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return Arrays.copyOf(in, p.getLength());
        }
    }

    static Pdu pduOf(byte[] message) {
        return (Pdu) assertInstanceOf(CommunityMessage.class, SnmpMessageDecoder.decode(message, 0, message.length))
                .pdu();
    }

    /** A v2c GET over a TCP connection, answered (RFC 3430: one BER message each way). */
    static Pdu tcpGet(Socket s, Oid oid) throws IOException {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(v2("public", request(BerTags.GET, 0, 0, oid)));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[65536];
        int n = 0;
        while (true) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                throw new IOException("closed after " + n + " bytes");
            }
            n += r;
            try {
                return pduOf(Arrays.copyOf(buf, n));
            } catch (RuntimeException partial) {
                // not all of it yet
            }
        }
    }

    /** True when the agent closed the connection (read ends) within the time. */
    static boolean closedByAgent(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    static Socket connect(String from, InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(to, 2000);
        return s;
    }

    @Test
    void tcpConnectionsAreClosedWhenIdleAndCappedInTotalAndPerSource() throws Exception {
        try (SnmpAgent agent = SnmpAgent.builder().listen("tcp:127.0.0.1:0").community("public").demoData()
                .tcpIdleTimeout(Duration.ofMillis(400)).maxTcpConnections(4, 2).build()) {
            InetSocketAddress to = agent.tcpEndpoints().get(0);
            try (Socket idle = connect("127.0.0.1", to)) {
                assertEquals(Variable.octetString("varbind-demo"), tcpGet(idle, DeviceVariation.SYS_NAME)
                        .varBinds().get(0).value());
                assertTrue(closedByAgent(idle, 5000), "an idle connection is closed");
            }
            assertTrue(agent.statistics().tcpIdleClosed.sum() >= 1);
            List<Socket> held = new ArrayList<>();
            try {
                held.add(connect("127.0.0.1", to));
                held.add(connect("127.0.0.1", to));
                try (Socket third = connect("127.0.0.1", to)) {
                    assertTrue(closedByAgent(third, 2000), "a third connection from one source is refused");
                }
                held.add(connect("127.0.0.2", to));
                held.add(connect("127.0.0.3", to));
                try (Socket fifth = connect("127.0.0.4", to)) {
                    assertTrue(closedByAgent(fifth, 2000), "a fifth connection in all is refused");
                }
                for (Socket s : held) {
                    assertEquals(ErrorStatus.NO_ERROR, tcpGet(s, DeviceVariation.SYS_NAME).errorStatus());
                }
                assertEquals(2, agent.statistics().tcpConnectionsRefused.sum());
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            // once the holders leave, new connections are served again
            Thread.sleep(200);
            try (Socket again = connect("127.0.0.1", to)) {
                assertEquals(ErrorStatus.NO_ERROR, tcpGet(again, DeviceVariation.SYS_NAME).errorStatus());
            }
        }
    }

    @Test
    void noFailureOfOneSocketOrRequestEndsAnEventLoop() throws Exception {
        SubtreeHandler broken = new ScalarGroup("1.3.6.1.4.1.99999.7", Map.<Integer, Supplier<Variable>>of(
                1, () -> { throw new IllegalStateException("a handler bug"); },
                2, () -> { throw new StackOverflowError(); }));
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0", "tcp:127.0.0.1:0").community("public")
                .demoData().handler("1.3.6.1.4.1.99999.7", broken).build()) {
            InetSocketAddress udp = agent.udpEndpoints().get(0);
            // what failed accepts look like when file descriptors run out (the JDK's own logging then
            // failed with NoClassDefFoundError and took the loop with it): counted, nothing logged
            for (Channel ch : agent.server().channels()) {
                if (!(ch instanceof DatagramChannel)) {
                    ch.pipeline().fireExceptionCaught(new java.io.IOException("Too many open files"));
                    ch.pipeline().fireExceptionCaught(new NoClassDefFoundError("sun/util/calendar/ZoneInfoFile"));
                }
            }
            for (int i = 1; i <= 2; i++) {
                assertEquals(null, exchange(udp, v2("public", request(BerTags.GET, 0, 0,
                        Oid.parse("1.3.6.1.4.1.99999.7." + i + ".0"))), 500));
            }
            assertTrue(agent.statistics().internalErrors.sum() >= 4, agent.statistics().toString());
            Thread.sleep(300); // accepting resumes after its pause
            byte[] answer = exchange(udp, v2("public", request(BerTags.GET, 0, 0, DeviceVariation.SYS_NAME)), 3000);
            assertEquals(Variable.octetString("varbind-demo"), pduOf(answer).varBinds().get(0).value());
            try (Socket s = connect("127.0.0.1", agent.tcpEndpoints().get(0))) {
                assertEquals(ErrorStatus.NO_ERROR, tcpGet(s, DeviceVariation.SYS_NAME).errorStatus());
            }
        }
    }

    @Test
    void outOfMemoryIsNotSwallowedByTheDispatcher() {
        OidValueStore store = OidValueStore.builder().build();
        SubtreeHandler exhausted = new ScalarGroup("1.3.6.1.4.1.99999.8", Map.<Integer, Supplier<Variable>>of(
                1, () -> { throw new OutOfMemoryError("Java heap space"); }));
        MessageDispatcher d = new MessageDispatcher(new CommandResponder(new ManagedObjects(store,
                Map.of(Oid.parse("1.3.6.1.4.1.99999.8"), exhausted))), new CommunityTable(List.of("public"),
                List.of()), null, new AgentStatistics());
        byte[] req = v2("public", request(BerTags.GET, 0, 0, Oid.parse("1.3.6.1.4.1.99999.8.1.0")));
        assertThrows(OutOfMemoryError.class, () -> d.process(req, 0, req.length, new byte[65536], 65507));
    }

    /** 300 instances of 200 octets, served by code: more than a datagram's worth. */
    static SnmpAgent.Builder bigAgent() {
        byte[] value = new byte[200];
        Arrays.fill(value, (byte) 'x');
        return SnmpAgent.builder().community("public").handler(BIG.toString(), new SubtreeHandler() {
            @Override
            public Variable get(Oid instance) {
                return instance.size() == BIG.size() + 1 && instance.startsWith(BIG) && instance.arc(BIG.size()) >= 1
                        && instance.arc(BIG.size()) <= 300 ? Variable.octetString(value) : null;
            }

            @Override
            public VarBind next(Oid oid) {
                // anything under BIG.i sorts before BIG.(i+1)
                long next = oid.size() > BIG.size() ? oid.arc(BIG.size()) + 1 : 1;
                return next <= 300 ? new VarBind(BIG.append((int) next), Variable.octetString(value)) : null;
            }
        });
    }

    @Test
    void getBulkAndUnauthenticatedUdpAnswersAreBounded() throws Exception {
        try (SnmpAgent agent = bigAgent().listen("udp:127.0.0.1:0", "tcp:127.0.0.1:0").build()) {
            InetSocketAddress udp = agent.udpEndpoints().get(0);
            byte[] bulk = v2("public", request(BerTags.GETBULK, 0, Integer.MAX_VALUE, Oid.parse("1.3")));
            byte[] answer = exchange(udp, bulk, 3000);
            assertTrue(answer.length <= 1472, "answer of " + answer.length + " bytes to " + bulk.length);
            assertTrue(pduOf(answer).varBinds().size() >= 5, "shortened, not emptied");
            // ten repeaters of .1.3: 100 bindings at most however large max-repetitions is
            Oid[] ten = new Oid[10];
            Arrays.fill(ten, Oid.parse("1.3"));
            try (Socket s = connect("127.0.0.1", agent.tcpEndpoints().get(0))) {
                s.getOutputStream().write(v2("public", request(BerTags.GETBULK, 0, Integer.MAX_VALUE, ten)));
                Pdu viaTcp = readPdu(s);
                assertEquals(100, viaTcp.varBinds().size());
            }
            // a GET whose answer would not fit one unfragmented datagram: tooBig over UDP, answered over TCP
            Oid[] many = new Oid[10];
            for (int i = 0; i < many.length; i++) {
                many[i] = BIG.append(i + 1);
            }
            Pdu tooBig = pduOf(exchange(udp, v2("public", request(BerTags.GET, 0, 0, many)), 3000));
            assertEquals(ErrorStatus.TOO_BIG, tooBig.errorStatus());
            try (Socket s = connect("127.0.0.1", agent.tcpEndpoints().get(0))) {
                s.getOutputStream().write(v2("public", request(BerTags.GET, 0, 0, many)));
                assertEquals(10, readPdu(s).varBinds().size());
            }
        }
    }

    static Pdu readPdu(Socket s) throws IOException {
        s.setSoTimeout(5000);
        byte[] buf = new byte[70000];
        int n = 0;
        while (true) {
            int r = s.getInputStream().read(buf, n, buf.length - n);
            if (r < 0) {
                throw new IOException("closed");
            }
            n += r;
            try {
                return pduOf(Arrays.copyOf(buf, n));
            } catch (RuntimeException partial) {
                // more to come
            }
        }
    }

    static final UsmUser ADMIN = UsmUser.localized("admin", AuthProtocol.SHA1, "authpass1", PrivProtocol.AES128,
            "privpass1", HexFormat.of().parseHex(ENGINE));

    static byte[] v3(UsmUser user, int maxSize, boolean reportable, int timeOffset, Pdu pdu) {
        byte[] out = new byte[65536];
        EngineState engine = new EngineState(HexFormat.of().parseHex(ENGINE), 1, timeOffset);
        int n = UsmSecurityModel.encode(out, 0, 9, maxSize, reportable, user, engine,
                new ScopedPdu(HexFormat.of().parseHex(ENGINE), new byte[0], pdu));
        return Arrays.copyOf(out, n);
    }

    @Test
    void v3AnswersHonourMsgMaxSizeInBytes() throws Exception {
        try (SnmpAgent agent = bigAgent().listen("udp:127.0.0.1:0").engineId(ENGINE)
                .user("admin", "SHA", "authpass1", "AES", "privpass1").build()) {
            InetSocketAddress udp = agent.udpEndpoints().get(0);
            for (int maxSize : new int[] {484, 1000, 1500}) {
                byte[] get = exchange(udp, v3(ADMIN, maxSize, true, 0, request(BerTags.GET, 0, 0, many(20))), 3000);
                assertTrue(get.length <= maxSize, get.length + " bytes for msgMaxSize " + maxSize);
                Pdu p = UsmSecurityModel.decode(get, 0, get.length, ADMIN, null).scopedPdu().pdu();
                assertEquals(ErrorStatus.TOO_BIG, p.errorStatus());
                byte[] bulk = exchange(udp, v3(ADMIN, maxSize, true, 0,
                        request(BerTags.GETBULK, 0, 1000, BIG)), 3000);
                assertTrue(bulk.length <= maxSize, bulk.length + " bytes for msgMaxSize " + maxSize);
                Pdu b = UsmSecurityModel.decode(bulk, 0, bulk.length, ADMIN, null).scopedPdu().pdu();
                assertEquals(ErrorStatus.NO_ERROR, b.errorStatus());
                assertTrue(b.varBinds().size() >= 1);
            }
            // authenticated answers may be larger than an unauthenticated datagram when asked for
            byte[] large = exchange(udp, v3(ADMIN, 65000, true, 0, request(BerTags.GET, 0, 0, many(20))), 3000);
            assertTrue(large.length > 1472);
            assertEquals(ErrorStatus.NO_ERROR, UsmSecurityModel.decode(large, 0, large.length, ADMIN, null)
                    .scopedPdu().pdu().errorStatus());
        }
    }

    static Oid[] many(int n) {
        Oid[] out = new Oid[n];
        for (int i = 0; i < n; i++) {
            out[i] = BIG.append(i + 1);
        }
        return out;
    }

    @Test
    void v3FloodsAreCountedAndDroppedWhileOthersAreServed() throws Exception {
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").community("public").demoData()
                .engineId(ENGINE).user("admin", "SHA", "authpass1", "AES", "privpass1").build()) {
            InetSocketAddress udp = agent.udpEndpoints().get(0);
            AgentStatistics st = agent.statistics();
            UsmUser stranger = UsmUser.localized("mallory", AuthProtocol.SHA1, "whatever1", PrivProtocol.NONE, null,
                    HexFormat.of().parseHex(ENGINE));
            UsmUser wrongKey = UsmUser.localized("admin", AuthProtocol.SHA1, "not-the-pass", PrivProtocol.AES128,
                    "privpass1", HexFormat.of().parseHex(ENGINE));
            Pdu get = request(BerTags.GET, 0, 0, DeviceVariation.SYS_NAME);
            List<byte[]> flood = List.of(v3(stranger, 65000, false, 0, get), v3(wrongKey, 65000, false, 0, get),
                    v3(ADMIN, 65000, false, 100_000, get)); // far outside the 150 s window: a replay
            long outBefore = st.outPackets.sum();
            try (DatagramSocket s = new DatagramSocket()) {
                for (int i = 0; i < 3000; i++) {
                    byte[] m = flood.get(i % 3);
                    s.send(new DatagramPacket(m, m.length, udp));
                    if (i % 100 == 99) {
                        Thread.sleep(5); // not a test of the socket buffer
                    }
                }
            }
            // a legitimate manager is answered during and after the flood
            try (Session s = Session.builder().hostname("127.0.0.1:" + udp.getPort()).version(3)
                    .securityLevel("authPriv").securityUsername("admin").authProtocol("SHA").authPassword("authpass1")
                    .privacyProtocol("AES").privacyPassword("privpass1").timeout(2).retries(1).build()) {
                assertEquals("varbind-demo", s.get("sysName.0").value());
            }
            long unknown = st.usm(UsmStats.UNKNOWN_USER_NAMES).sum();
            long digests = st.usm(UsmStats.WRONG_DIGESTS).sum();
            long window = st.usm(UsmStats.NOT_IN_TIME_WINDOWS).sum();
            assertTrue(unknown >= 500 && digests >= 500 && window >= 500, st.usm(UsmStats.UNKNOWN_USER_NAMES)
                    + " " + digests + " " + window);
            // none of the flood was answered (not reportable), only the manager's discovery and GET
            assertTrue(st.outPackets.sum() - outBefore <= 4, "answers sent: " + (st.outPackets.sum() - outBefore));
            assertEquals(0, st.internalErrors.sum());
        }
    }

    @Test
    void statisticsAreServedOverSnmp() throws Exception {
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").community("public").demoData()
                .statisticsMib().engineId(ENGINE).engineBoots(9)
                .user("admin", "SHA", "authpass1", "AES", "privpass1").build()) {
            InetSocketAddress udp = agent.udpEndpoints().get(0);
            assertEquals(null, exchange(udp, v2("wrong", request(BerTags.GET, 0, 0, DeviceVariation.SYS_NAME)), 300));
            exchange(udp, new byte[] {0x30, 0x03, 0x02, 0x01}, 300);
            UsmUser stranger = UsmUser.localized("mallory", AuthProtocol.SHA1, "whatever1", PrivProtocol.NONE, null,
                    HexFormat.of().parseHex(ENGINE));
            exchange(udp, v3(stranger, 65000, false, 0, request(BerTags.GET, 0, 0, DeviceVariation.SYS_NAME)), 300);
            try (Session s = Session.builder().hostname("127.0.0.1:" + udp.getPort()).version(2).community("public")
                    .timeout(2).retries(0).useNumeric(true).build()) {
                assertTrue(Long.parseLong(s.get(".1.3.6.1.2.1.11.1.0").value()) >= 3, "snmpInPkts");
                assertEquals("1", s.get(".1.3.6.1.2.1.11.4.0").value(), "snmpInBadCommunityNames");
                assertEquals("1", s.get(".1.3.6.1.2.1.11.6.0").value(), "snmpInASNParseErrs");
                assertEquals("1", s.get(".1.3.6.1.6.3.15.1.1.3.0").value(), "usmStatsUnknownUserNames");
                assertEquals("9", s.get(".1.3.6.1.6.3.10.2.1.2.0").value(), "snmpEngineBoots");
                assertEquals("65507", s.get(".1.3.6.1.6.3.10.2.1.4.0").value(), "snmpEngineMaxMessageSize");
                assertEquals(ENGINE, HexFormat.of().formatHex(s.get(".1.3.6.1.6.3.10.2.1.1.0").valueBytes()));
                List<String> snmpGroup = s.walk(".1.3.6.1.2.1.11").stream().map(v -> v.oid() + "." + v.oidIndex())
                        .toList();
                assertEquals(10, snmpGroup.size(), snmpGroup.toString());
            }
        }
    }
}
