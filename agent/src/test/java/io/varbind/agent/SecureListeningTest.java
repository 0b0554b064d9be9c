package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpException;
import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.TlsAgent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agent listening on {@code tls:} and {@code dtls:} (RFC 6353 server side, TSM): Varbind's
 * Session and Net-SNMP's tools reach it with a trusted, mapped client certificate; an untrusted
 * certificate and a certificate no rule maps are refused and counted; a DTLS flood of garbage and
 * cookieless ClientHellos leaves no state behind and does not stop answers. One agent per class:
 * handshakes are slow-ish.
 */
@Tag("agent")
class SecureListeningTest {
    private static Path work;
    private static Path certs;
    private static SnmpAgent agent;
    /** Trusts the CA but maps only the manager's certificate. */
    private static SnmpAgent managerOnly;
    private static String agentFp;
    private static NotificationReceiver receiver;
    private static final java.util.concurrent.LinkedBlockingQueue<Notification> RECEIVED =
            new java.util.concurrent.LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        work = Files.createTempDirectory("varbind-secure-");
        certs = TlsAgent.certificateCopy(work.resolve("netsnmp-client")); // also the Net-SNMP tools' SNMPCONFPATH
        agentFp = TlsAgent.fingerprintOf(cert("agent"));
        String managerFp = TlsAgent.fingerprintOf(cert("manager"));
        String caFp = TlsAgent.fingerprintOf(certs.resolve("tls/ca-certs/ca.crt"));
        agent = SnmpAgent.builder().listen("tls:127.0.0.1:0", "dtls:127.0.0.1:0").demoData()
                .localCert(cert("agent").toString()).trustCert(certs.resolve("tls/ca-certs/ca.crt").toString())
                .certSecName("10 --sha256 " + managerFp + " --sn tlsmanager")
                .certSecName("20 " + caFp + " --cn") // reader, through its issuer: CN=tlsreader
                .tsmUser("tlsmanager").readOnlyTsmUser("tlsreader").build();
        managerOnly = SnmpAgent.builder().listen("tls:127.0.0.1:0", "dtls:127.0.0.1:0").demoData()
                .localCert(cert("agent").toString()).trustCert(certs.resolve("tls/ca-certs/ca.crt").toString())
                .certSecName("10 " + managerFp + " --sn tlsmanager").tsmUser("tlsmanager").build();
        receiver = NotificationReceiver.builder().listen("tls:127.0.0.1:0", "dtls:127.0.0.1:0")
                .localCert(cert("agent").toString()).trustCert(certs.resolve("tls/ca-certs/ca.crt").toString())
                .certSecName("10 " + managerFp + " --sn tlsmanager").certSecName("20 " + caFp + " --cn")
                .tsmUser("tlsmanager").onNotification(RECEIVED::add).build();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        if (managerOnly != null) {
            managerOnly.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static Path cert(String name) {
        return certs.resolve("tls/certs/" + name + ".crt");
    }

    private static InetSocketAddress tlsOf(SnmpAgent a) {
        return a.tcpEndpoints().get(0);
    }

    private static InetSocketAddress dtlsOf(SnmpAgent a) {
        return a.udpEndpoints().get(0);
    }

    private static Session session(String transport, InetSocketAddress at, String client) {
        return Session.builder().hostname(transport + ":127.0.0.1:" + at.getPort()).version(3).timeout(10).retries(0)
                .ourIdentity(cert(client).toString()).theirIdentity(agentFp).build();
    }

    @Test
    void sessionGetsWalksAndSetsOverTlsAndDtlsAsTheMappedName() {
        for (String transport : List.of("tls", "dtls")) {
            InetSocketAddress at = transport.equals("tls") ? tlsOf(agent) : dtlsOf(agent);
            try (Session s = session(transport, at, "manager")) {
                assertEquals(transport, s.transport());
                assertFalse(s.get("sysDescr.0").value().isEmpty());
                assertTrue(s.walk("system").size() >= 7, transport);
                assertTrue(s.bulkwalk("ifTable").size() >= 1, transport);
                assertTrue(s.set("sysContact.0", "set over " + transport), transport);
                assertEquals("set over " + transport, s.get("sysContact.0").value());
            }
            // the reader maps through the CA rule to its CN, tlsreader: reads, never writes
            try (Session s = session(transport, at, "reader")) {
                assertFalse(s.get("sysName.0").value().isEmpty());
                assertThrows(SnmpException.class, () -> s.set("sysContact.0", "reader"));
            }
        }
    }

    @Test
    void untrustedClientCertificateIsRefusedAndCounted() {
        for (String transport : List.of("tls", "dtls")) {
            long before = agent.statistics().tlsSessionsRefused.sum();
            long answered = agent.statistics().outPackets.sum();
            InetSocketAddress at = transport.equals("tls") ? tlsOf(agent) : dtlsOf(agent);
            assertThrows(SnmpException.class, () -> {
                try (Session s = session(transport, at, "rogue")) {
                    s.get("sysDescr.0");
                }
            });
            awaitAbove(agent.statistics().tlsSessionsRefused, before);
            assertEquals(answered, agent.statistics().outPackets.sum(), "nothing answered to " + transport);
        }
    }

    @Test
    void trustedCertificateMappedToNoNameIsRefused() {
        for (String transport : List.of("tls", "dtls")) {
            long before = managerOnly.statistics().tlsSessionsRefused.sum();
            InetSocketAddress at = transport.equals("tls") ? tlsOf(managerOnly) : dtlsOf(managerOnly);
            assertThrows(SnmpException.class, () -> {
                try (Session s = session(transport, at, "reader")) {
                    s.get("sysDescr.0");
                }
            });
            awaitAbove(managerOnly.statistics().tlsSessionsRefused, before);
            try (Session s = session(transport, at, "manager")) {
                assertFalse(s.get("sysDescr.0").value().isEmpty());
            }
        }
    }

    @Test
    void netSnmpToolsReachTheAgentOverTlsAndDtls() {
        NetSnmpTools.requireInstalled();
        String dtls = "dtlsudp:127.0.0.1:" + dtlsOf(agent).getPort();
        String tls = "tlstcp:127.0.0.1:" + tlsOf(agent).getPort();
        // Net-SNMP 5.9.3's tlstcp client speaks TLS 1.0 only, with OpenSSL's security level lowered
        String legacy = "--tlsAlgorithms=DEFAULT:@SECLEVEL=0";
        for (String target : List.of(dtls, tls)) {
            List<String> base = new ArrayList<>(List.of("-v3", "-r", "1", "-t", "5"));
            if (target.startsWith("tlstcp")) {
                base.add(legacy);
            }
            base.addAll(List.of("-T", "our_identity=manager", "-T", "their_identity=" + agentFp));
            NetSnmpTools.Result get = NetSnmpTools.run(work, cmd("snmpget", base, "-On", target, "1.3.6.1.2.1.1.5.0"));
            assertEquals(0, get.exitCode(), target + ": " + get.err());
            assertTrue(get.out().startsWith(".1.3.6.1.2.1.1.5.0 = STRING:"), get.out());
            NetSnmpTools.Result walk = NetSnmpTools.run(work, cmd("snmpwalk", base, "-On", target, "1.3.6.1.2.1.1"));
            assertEquals(0, walk.exitCode(), target + ": " + walk.err());
            assertTrue(walk.lines().size() >= 7, walk.out());
            // the reader's CN mapping gives read-only access: a SET is refused
            List<String> reader = new ArrayList<>(base);
            reader.set(reader.indexOf("our_identity=manager"), "our_identity=reader");
            NetSnmpTools.Result set = NetSnmpTools.run(work, cmd("snmpset", reader, "", target,
                    "1.3.6.1.2.1.1.4.0", "s", "x"));
            assertTrue((set.out() + set.err()).contains("noAccess") || (set.out() + set.err()).contains("notWritable")
                    || (set.out() + set.err()).contains("authorizationError"), set.out() + set.err());
        }
    }

    @Test
    void netSnmpWithAnUntrustedCertificateGetsNoAnswer() {
        NetSnmpTools.requireInstalled();
        long answered = agent.statistics().outPackets.sum();
        NetSnmpTools.Result get = NetSnmpTools.run(work, cmd("snmpget", List.of("-v3", "-r", "0", "-t", "2",
                "-T", "our_identity=rogue", "-T", "their_identity=" + agentFp), "",
                "dtlsudp:127.0.0.1:" + dtlsOf(agent).getPort(), "1.3.6.1.2.1.1.5.0"));
        assertTrue(get.exitCode() != 0, get.out());
        assertEquals(answered, agent.statistics().outPackets.sum());
    }

    /**
     * A hostile DTLS flood: garbage datagrams and ClientHellos without a cookie, from many source
     * ports. Each ClientHello gets a stateless HelloVerifyRequest, no session is made for any of
     * them, and an authorized client is answered throughout.
     */
    @Test
    void dtlsFloodOfGarbageAndCookielessHellosLeavesNoStateAndAnswersOthers() throws Exception {
        InetSocketAddress at = dtlsOf(agent);
        long dropped = agent.statistics().dtlsDropped.sum();
        java.util.Random random = new java.util.Random(7);
        List<java.net.DatagramSocket> sockets = new ArrayList<>();
        try (Session s = session("dtls", at, "manager")) {
            for (int i = 0; i < 200; i++) {
                sockets.add(new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress()));
            }
            for (int round = 0; round < 10; round++) {
                for (java.net.DatagramSocket d : sockets) {
                    byte[] garbage = new byte[1 + random.nextInt(1400)];
                    random.nextBytes(garbage);
                    d.send(new java.net.DatagramPacket(garbage, garbage.length, at));
                    byte[] hello = clientHelloWithoutCookie(random);
                    d.send(new java.net.DatagramPacket(hello, hello.length, at));
                }
                assertFalse(s.get("sysDescr.0").value().isEmpty(), "answered during round " + round);
            }
            // a cookieless hello is answered with a HelloVerifyRequest (type 3), statelessly
            java.net.DatagramSocket d = sockets.get(0);
            d.setSoTimeout(5000);
            byte[] buf = new byte[2048];
            java.net.DatagramPacket reply;
            do {
                reply = new java.net.DatagramPacket(buf, buf.length);
                d.receive(reply);
            } while (reply.getLength() < 14 || buf[0] != 22);
            assertEquals(3, buf[13], "HelloVerifyRequest");
        } finally {
            sockets.forEach(java.net.DatagramSocket::close);
        }
        assertTrue(agent.statistics().dtlsDropped.sum() >= dropped + 2000, "garbage counted");
        // only the manager's session (closed by now or about to be) ever held state
        assertTrue(agent.secureSessions() <= 1, "sessions: " + agent.secureSessions());
    }

    /**
     * {@code dtlsLimits}: with one session allowed, a second client's handshake is dropped and
     * counted while the first session lives; with a one-second idle timeout a session that falls
     * silent is closed.
     */
    @Test
    void dtlsLimitsCapSessionsAndCloseIdleOnes() throws Exception {
        try (SnmpAgent one = dtlsAgent(1, 1, java.time.Duration.ofSeconds(60));
                Session first = session("dtls", dtlsOf(one), "manager")) {
            assertFalse(first.get("sysDescr.0").value().isEmpty());
            long dropped = one.statistics().dtlsDropped.sum();
            try (Session second = Session.builder().hostname("dtls:127.0.0.1:" + dtlsOf(one).getPort()).version(3)
                    .timeout(2).retries(0).ourIdentity(cert("manager").toString()).theirIdentity(agentFp).build()) {
                assertThrows(SnmpException.class, () -> second.get("sysDescr.0"));
            }
            assertTrue(one.statistics().dtlsDropped.sum() > dropped, "the second client's hello counted");
            assertEquals(1, one.secureSessions());
            assertFalse(first.get("sysName.0").value().isEmpty(), "the first session goes on");
        }
        try (SnmpAgent idle = dtlsAgent(256, 16, java.time.Duration.ofSeconds(1));
                Session s = session("dtls", dtlsOf(idle), "manager")) {
            assertFalse(s.get("sysDescr.0").value().isEmpty());
            assertEquals(1, idle.secureSessions());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (idle.secureSessions() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, idle.secureSessions(), "an idle session is closed");
        }
        assertThrows(IllegalArgumentException.class, () -> SnmpAgent.builder().dtlsLimits(0, 1,
                java.time.Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> NotificationReceiver.builder().dtlsLimits(1, 1,
                java.time.Duration.ZERO));
    }

    private static SnmpAgent dtlsAgent(int sessions, int handshakes, java.time.Duration idle) throws IOException {
        return SnmpAgent.builder().listen("dtls:127.0.0.1:0").demoData()
                .localCert(cert("agent").toString()).trustCert(certs.resolve("tls/ca-certs/ca.crt").toString())
                .certSecName("10 " + TlsAgent.fingerprintOf(cert("manager")) + " --sn tlsmanager")
                .tsmUser("tlsmanager").dtlsLimits(sessions, handshakes, idle).build();
    }

    /** A DTLS 1.2 ClientHello record with an empty cookie (RFC 6347 section 4.2.1's first flight). */
    static byte[] clientHelloWithoutCookie(java.util.Random random) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(0xFE);
        body.write(0xFD); // DTLS 1.2
        byte[] rnd = new byte[32];
        random.nextBytes(rnd);
        body.writeBytes(rnd);
        body.write(0); // session id
        body.write(0); // cookie: none
        body.writeBytes(new byte[] {0, 2, (byte) 0xC0, 0x2F}); // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        body.writeBytes(new byte[] {1, 0}); // null compression
        byte[] b = body.toByteArray();
        java.nio.ByteBuffer m = java.nio.ByteBuffer.allocate(13 + 12 + b.length);
        m.put((byte) 22).put((byte) 0xFE).put((byte) 0xFD).putShort((short) 0).putShort((short) 0).putInt(0)
                .putShort((short) (12 + b.length));
        m.put((byte) 1).put((byte) 0).putShort((short) b.length).putShort((short) 0) // type, length, message_seq
                .put((byte) 0).putShort((short) 0).put((byte) 0).putShort((short) b.length) // offset 0, fragment length
                .put(b);
        return m.array();
    }

    private static int receiverPort(String transport) {
        for (String e : receiver.endpoints()) {
            if (e.startsWith(transport + ":")) {
                return Integer.parseInt(e.substring(e.lastIndexOf(':') + 1));
            }
        }
        throw new IllegalStateException("no " + transport + " endpoint in " + receiver.endpoints());
    }

    private static Notification next(String what) throws InterruptedException {
        Notification n = RECEIVED.poll(20, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(n != null, "no notification: " + what);
        return n;
    }

    @Test
    void sessionTrapsAndInformsReachTheReceiverOverTlsAndDtls() throws Exception {
        for (String transport : List.of("tls", "dtls")) {
            RECEIVED.clear();
            try (Session s = Session.builder().hostname(transport + ":127.0.0.1:" + receiverPort(transport)).version(3)
                    .timeout(10).retries(0).ourIdentity(cert("manager").toString()).theirIdentity(agentFp).build()) {
                s.trap("1.3.6.1.6.3.1.1.5.1", List.of(io.varbind.SnmpVariable.of("1.3.6.1.4.1.8072.9999.1",
                        "trap over " + transport, "s")));
                Notification n = next("trap over " + transport);
                assertEquals(transport, n.transport());
                assertEquals("tlsmanager", n.securityName());
                assertEquals(Notification.Kind.TRAP, n.kind());
                assertEquals("authPriv", n.securityLevel());
                assertEquals(3, n.version());
                assertEquals(null, n.community());
                assertEquals("127.0.0.1", n.source().getAddress().getHostAddress());
                assertEquals(receiverPort(transport), n.destination().getPort());
                assertEquals("", n.context());
                assertEquals("trap over " + transport, n.variables().get(n.variables().size() - 1).value());
                // an inform returns only once acknowledged over the same session
                s.inform("1.3.6.1.6.3.1.1.5.2", List.of(io.varbind.SnmpVariable.of("1.3.6.1.4.1.8072.9999.1",
                        "inform over " + transport, "s")));
                assertEquals(Notification.Kind.INFORM, next("inform over " + transport).kind());
            }
        }
        // the reader maps to tlsreader, which the receiver does not accept: counted, not delivered
        long unknown = receiver.statistics().unknownTsmNames();
        try (Session s = Session.builder().hostname("tls:127.0.0.1:" + receiverPort("tls")).version(3).timeout(10)
                .retries(0).ourIdentity(cert("reader").toString()).theirIdentity(agentFp).build()) {
            s.trap("1.3.6.1.6.3.1.1.5.1", List.of());
        }
        awaitAbove(receiver.statistics()::unknownTsmNames, unknown);
    }

    /**
     * snmptrap over dtlsudp sends its trap while closing: it reads at most six datagrams 50 ms apart
     * for the whole handshake, so a trap over DTLS is lossy by design (snmptrap exits 0 either way).
     * It never got through before the receiver sent each flight as one datagram (Bouncy Castle
     * writes one per handshake message: the HelloVerifyRequest and the five of the server's flight
     * took all six reads) and warmed its DTLS code up before the first client ({@code FlightBuffer},
     * {@code DtlsWarmUp}). Under heavy CPU load a handshake can still miss the window, so each
     * snmptrap over dtlsudp may be sent up to three times; every other send must arrive at once.
     */
    @Test
    void netSnmpTrapAndInformReachTheReceiverOverTlsAndDtls() throws Exception {
        NetSnmpTools.requireInstalled();
        for (String target : List.of("dtlsudp:127.0.0.1:" + receiverPort("dtls"), "tlstcp:127.0.0.1:" + receiverPort("tls"))) {
            for (String tool : List.of("snmpinform", "snmptrap", "snmptrap")) {
                RECEIVED.clear();
                List<String> base = new ArrayList<>(List.of("-v3", "-r", "1", "-t", "5"));
                if (target.startsWith("tlstcp")) {
                    base.add("--tlsAlgorithms=DEFAULT:@SECLEVEL=0");
                }
                base.addAll(List.of("-T", "our_identity=manager", "-T", "their_identity=" + agentFp));
                boolean lossy = tool.equals("snmptrap") && target.startsWith("dtlsudp");
                Notification n = null;
                String what = tool + " over " + target;
                for (int attempt = 1; n == null && attempt <= (lossy ? 3 : 1); attempt++) {
                    NetSnmpTools.Result r = NetSnmpTools.run(work, cmd(tool, base, "", target, "",
                            "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.4.1.8072.9999.1", "s", tool + " payload"));
                    assertEquals(0, r.exitCode(), what + ": " + r.err());
                    what += " (" + receiver.statistics() + " " + r.out() + r.err() + ")";
                    n = RECEIVED.poll(lossy ? 5 : 20, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertTrue(n != null, "no notification: " + what);
                assertEquals("tlsmanager", n.securityName());
                assertEquals(tool + " payload", n.variables().get(n.variables().size() - 1).value());
                assertEquals(tool.equals("snmpinform") ? Notification.Kind.INFORM : Notification.Kind.TRAP, n.kind());
            }
        }
    }

    /** Varbind's Session sends traps and informs over tls: and dtls: to snmptrapd (TLS 1.0 there: allowTls10). */
    @Test
    void sessionTrapsAndInformsReachSnmptrapdOverTlsAndDtls() throws Exception {
        NetSnmpTools.requireInstalled();
        try (io.varbind.testing.SnmptrapdReceiver snmptrapd = io.varbind.testing.SnmptrapdReceiver.startSecure(
                List.of("-On"))) {
            int n = 0;
            for (String transport : List.of("dtls", "tls")) {
                try (Session s = Session.builder().hostname(transport + ":127.0.0.1:" + snmptrapd.port()).version(3)
                        .timeout(10).retries(0).allowTls10(true).ourIdentity(cert("manager").toString())
                        .theirIdentity(agentFp).build()) {
                    for (String kind : List.of("trap", "inform")) {
                        List<io.varbind.SnmpVariable> vars = List.of(io.varbind.SnmpVariable.of("1.3.6.1.4.1.8072.9999.1",
                                kind + " over " + transport, "s"));
                        if (kind.equals("trap")) {
                            s.trap("1.3.6.1.6.3.1.1.5.4", vars);
                        } else {
                            s.inform("1.3.6.1.6.3.1.1.5.4", vars); // returns once snmptrapd acknowledged it
                        }
                        n++;
                        String what = kind + " over " + transport;
                        long deadline = System.nanoTime() + 20_000_000_000L;
                        while (!snmptrapd.log().contains("\"" + what + "\"") && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        String log = snmptrapd.log();
                        assertTrue(log.contains("\"" + what + "\""), log);
                        assertTrue(log.contains(transport.equals("dtls") ? "DTLSUDP: unknown [DTLSUDP: unknown]:"
                                : "TLSTCP: 127.0.0.1:" + snmptrapd.port() + " [TLSTCP: 127.0.0.1:"), log);
                    }
                }
            }
            assertEquals(n, snmptrapd.log().lines().filter(l -> l.contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: "
                    + ".1.3.6.1.6.3.1.1.5.4")).count(), snmptrapd.log());
        }
    }

    @Test
    void receiverRefusesAnUntrustedSender() {
        long before = receiver.statistics().tlsSessionsRefused();
        assertThrows(SnmpException.class, () -> {
            try (Session s = Session.builder().hostname("dtls:127.0.0.1:" + receiverPort("dtls")).version(3).timeout(10)
                    .retries(0).ourIdentity(cert("rogue").toString()).theirIdentity(agentFp).build()) {
                s.inform("1.3.6.1.6.3.1.1.5.1", List.of());
            }
        });
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (receiver.statistics().tlsSessionsRefused() <= before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(receiver.statistics().tlsSessionsRefused() > before);
    }

    private static List<String> cmd(String tool, List<String> options, String flag, String target, String... rest) {
        List<String> c = new ArrayList<>();
        c.add(tool);
        c.addAll(options);
        if (!flag.isEmpty()) {
            c.add(flag);
        }
        c.add(target);
        c.addAll(List.of(rest));
        return c;
    }

    static void awaitAbove(java.util.concurrent.atomic.LongAdder counter, long before) {
        awaitAbove(counter::sum, before);
    }

    static void awaitAbove(java.util.function.LongSupplier counter, long before) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (counter.getAsLong() <= before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(counter.getAsLong() > before, "counter did not move");
    }
}
