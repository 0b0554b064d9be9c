package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.SnmpTimeoutException;
import io.varbind.SnmpVariable;
import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * NotificationReceiver against Net-SNMP's snmptrap and snmpinform (v1, v2c, and v3 for every
 * auth x priv user, UDP and TCP), against Varbind's own sender, and under hostile input.
 */
@Tag("agent")
class NotificationReceiverTest {
    private static final String SENDER = "80001f880473656e646572"; // "sender", as snmptrap -e
    /** The engine Varbind's own senders use here (their clock must not disturb snmptrap's on SENDER). */
    private static final String SENDER2 = "80001f880473656e6465723232";
    private static final String OWN = "80001f880476617262696e642d7263"; // this receiver's engine
    private static final LinkedBlockingQueue<Notification> RECEIVED = new LinkedBlockingQueue<>();
    private static NotificationReceiver receiver;
    private static int port;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        NetSnmpTools.requireInstalled();
        work = Files.createTempDirectory("varbind-receiver-test");
        port = SnmpdAgent.freePort();
        NotificationReceiver.Builder b = NotificationReceiver.builder()
                .listen("udp:127.0.0.1:" + port, "tcp:127.0.0.1:" + port)
                .community("public").engineId(OWN).onNotification(RECEIVED::add);
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            b.user(u.name(), u.auth(), u.authPassword(), u.priv(), u.privPassword(), SENDER);
            b.user(u.name(), u.auth(), u.authPassword(), u.priv(), u.privPassword());
            b.user(u.name(), u.auth(), u.authPassword(), u.priv(), u.privPassword(), SENDER2);
        }
        receiver = b.build();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static Notification next(String what) throws InterruptedException {
        Notification n = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertNotNull(n, what + ": nothing received; " + receiver.statistics());
        return n;
    }

    private static void tool(List<String> cmd) {
        NetSnmpTools.Result r = NetSnmpTools.run(work, cmd);
        assertEquals(0, r.exitCode(), cmd + ": " + r.err());
    }

    private static List<String> v3Options(SnmpdAgent.User u) {
        List<String> o = new ArrayList<>(List.of("-v3", "-l", u.level(), "-u", u.name()));
        if (u.auth() != null) {
            o.addAll(List.of("-a", u.auth(), "-A", u.authPassword()));
        }
        if (u.priv() != null) {
            o.addAll(List.of("-x", u.priv(), "-X", u.privPassword()));
        }
        return o;
    }

    private static void checkPayload(Notification n, String text) {
        SnmpVariable last = n.variables().get(n.variables().size() - 1);
        assertEquals(text, last.value(), n.toString());
        assertEquals("OCTETSTR", last.snmpType());
        assertEquals(".1.3.6.1.4.1.8072.9999.1", n.varBinds().get(n.varBinds().size() - 1).oid().toString()
                .replaceFirst("^", "."));
    }

    @Test
    void v1AndV2cFromNetSnmpOverUdpAndTcp() throws Exception {
        RECEIVED.clear();
        for (String t : List.of("udp", "tcp")) {
            String agent = t + ":127.0.0.1:" + port;
            tool(List.of("snmptrap", "-v1", "-c", "public", agent, ".1.3.6.1.4.1.8072.9999", "192.0.2.5", "6", "17",
                    "4321", ".1.3.6.1.4.1.8072.9999.1", "s", "v1 " + t));
            Notification n = next("v1 over " + t);
            assertEquals(Notification.Kind.TRAP_V1, n.kind());
            assertEquals(1, n.version());
            assertEquals("public", n.community());
            assertEquals(t, n.transport());
            assertEquals("127.0.0.1", n.source().getAddress().getHostAddress());
            assertTrue(n.source().getPort() > 0);
            assertEquals(new java.net.InetSocketAddress("127.0.0.1", port), n.destination());
            assertEquals("public", n.securityName()); // RFC 3584: the community as the securityName
            assertEquals("noAuthNoPriv", n.securityLevel());
            assertEquals("", n.context());
            assertEquals("", n.contextEngineId());
            assertEquals(".1.3.6.1.4.1.8072.9999.0.17", n.trapOid()); // RFC 3584 section 3.1
            assertEquals(4321, n.uptime());
            assertEquals("192.0.2.5", n.agentAddress());
            assertEquals(6, n.genericTrap());
            assertEquals(17, n.specificTrap());
            assertEquals(".1.3.6.1.4.1.8072.9999", n.enterprise());
            checkPayload(n, "v1 " + t);

            tool(List.of("snmptrap", "-v1", "-c", "public", agent, ".1.3.6.1.4.1.8072.9999", "192.0.2.5", "2", "0",
                    "1"));
            assertEquals(".1.3.6.1.6.3.1.1.5.3", next("v1 linkDown").trapOid()); // generic 2 = linkDown

            tool(List.of("snmptrap", "-v2c", "-c", "public", agent, "777", "IF-MIB::linkUp",
                    ".1.3.6.1.4.1.8072.9999.1", "s", "v2c " + t));
            n = next("v2c trap over " + t);
            assertEquals(Notification.Kind.TRAP, n.kind());
            assertEquals(2, n.version());
            assertEquals(".1.3.6.1.6.3.1.1.5.4", n.trapOid());
            assertEquals(777, n.uptime());
            assertEquals("sysUpTimeInstance", n.variables().get(0).oid());
            checkPayload(n, "v2c " + t);

            tool(List.of("snmpinform", "-v2c", "-c", "public", agent, "778", "IF-MIB::linkDown",
                    ".1.3.6.1.4.1.8072.9999.1", "s", "v2c inform " + t)); // exits 0 only when acknowledged
            n = next("v2c inform over " + t);
            assertEquals(Notification.Kind.INFORM, n.kind());
            checkPayload(n, "v2c inform " + t);
        }
    }

    @Test
    void v3TrapsAndInformsOfEveryUserFromNetSnmp() throws Exception {
        RECEIVED.clear();
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            String t = u.name().contains("aes") ? "udp" : "tcp";
            String agent = t + ":127.0.0.1:" + port;
            List<String> trap = new ArrayList<>(List.of("snmptrap"));
            trap.addAll(v3Options(u));
            trap.addAll(List.of("-e", SENDER, agent, "", "IF-MIB::linkUp", ".1.3.6.1.4.1.8072.9999.1", "s",
                    "v3 trap " + u.name()));
            tool(trap);
            Notification n = next("v3 trap of " + u.name());
            assertEquals(Notification.Kind.TRAP, n.kind());
            assertEquals(3, n.version());
            assertEquals(u.name(), n.securityName());
            assertEquals(u.level(), n.securityLevel());
            assertEquals(null, n.community());
            assertEquals(t, n.transport());
            assertEquals("", n.context());
            assertFalse(n.contextEngineId().isEmpty()); // snmptrap's own engine, not the -e one
            checkPayload(n, "v3 trap " + u.name());

            List<String> inform = new ArrayList<>(List.of("snmpinform"));
            inform.addAll(v3Options(u));
            inform.addAll(List.of(agent, "", "IF-MIB::linkDown", ".1.3.6.1.4.1.8072.9999.1", "s",
                    "v3 inform " + u.name()));
            tool(inform); // discovers this receiver's engine, exits 0 once acknowledged
            n = next("v3 inform of " + u.name());
            assertEquals(Notification.Kind.INFORM, n.kind());
            assertEquals(u.name(), n.securityName());
            assertEquals(u.level(), n.securityLevel()); // (its users are this engine's: discovery worked)
            checkPayload(n, "v3 inform " + u.name());
        }
        assertTrue(RECEIVED.isEmpty(), "a notification was delivered twice: " + RECEIVED);
    }

    private static Session.Builder session(Session.Builder b) {
        return b.hostname("127.0.0.1:" + port).timeout(1).retries(1);
    }

    /**
     * Bound to 0.0.0.0, each datagram's own destination address is the notification's destination
     * (as snmptrapd's {@code ->[dst]:port}), for every loopback address a sender picks, not the
     * wildcard the socket is bound to. Epoll only: NIO cannot tell (the bound address then).
     */
    @Test
    void aWildcardEndpointGivesEachDatagramsDestination() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.netty.channel.epoll.Epoll.isAvailable()
                && !Boolean.getBoolean("varbind.transport.nio"), "NIO cannot read a datagram's destination");
        int p = SnmpdAgent.freePort();
        LinkedBlockingQueue<Notification> got = new LinkedBlockingQueue<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:0.0.0.0:" + p).community("c")
                .onNotification(got::add).build()) {
            // three times over: after a few reads of one datagram each the socket reads one at a
            // time (recvmsg rather than recvmmsg), and the destination must come either way
            for (String to : List.of("127.0.0.1", "127.0.0.2", "127.0.0.53", "127.1.2.3", "127.0.0.1", "127.0.0.2",
                    "127.0.0.53", "127.1.2.3", "127.0.0.1", "127.0.0.2", "127.0.0.53", "127.1.2.3")) {
                try (Session s = Session.builder().hostname(to + ":" + p).version(2).community("c").build()) {
                    s.trap("IF-MIB::linkUp", List.of(SnmpVariable.of("ifIndex.1", "1")));
                }
                Notification n = got.poll(10, TimeUnit.SECONDS);
                assertNotNull(n, "a trap sent to " + to);
                assertEquals(new java.net.InetSocketAddress(to, p), n.destination());
            }
        }
    }

    @Test
    void anInformIsAcknowledgedOnlyAfterTheCallbackReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int p = SnmpdAgent.freePort();
        List<Notification> got = new ArrayList<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + p).community("c")
                .onNotification(n -> {
                    awaitQuietly(release);
                    got.add(n);
                }).build();
                Session s = Session.builder().hostname("127.0.0.1:" + p).version(2).community("c").timeout(5).retries(0)
                        .build()) {
            CompletableFuture<Void> f = s.informAsync("IF-MIB::linkUp", List.of(SnmpVariable.of("ifIndex.1", "1")));
            Thread.sleep(300);
            assertFalse(f.isDone(), "acknowledged before the callback returned");
            release.countDown();
            f.get(5, TimeUnit.SECONDS);
            assertEquals(1, got.size());
            assertEquals(1, r.statistics().acknowledged());
            assertEquals("ifIndex", got.get(0).variables().get(2).oid());
        }
    }

    @Test
    void aDeferredAcknowledgementAnswersAnInformWhenRunOnceAndATrapNever() throws Exception {
        int p = SnmpdAgent.freePort();
        java.util.concurrent.BlockingQueue<Runnable> acks = new java.util.concurrent.LinkedBlockingQueue<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + p).community("c")
                .onNotificationDeferringAck((n, ack) -> acks.add(ack)).build();
                Session s = Session.builder().hostname("127.0.0.1:" + p).version(2).community("c").timeout(5).retries(0)
                        .build()) {
            s.trap("IF-MIB::linkUp", List.of(SnmpVariable.of("ifIndex.1", "1")));
            acks.poll(5, TimeUnit.SECONDS).run();
            CompletableFuture<Void> f = s.informAsync("IF-MIB::linkUp", List.of(SnmpVariable.of("ifIndex.1", "1")));
            Runnable ack = acks.poll(5, TimeUnit.SECONDS);
            Thread.sleep(300); // the callback has returned: only the acknowledgement may answer now
            assertFalse(f.isDone(), "acknowledged before the acknowledgement ran");
            ack.run();
            f.get(5, TimeUnit.SECONDS);
            ack.run();
            assertEquals(1, r.statistics().acknowledged(), "the trap's run and the second run send nothing");
        }
    }

    private static void awaitQuietly(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFullQueueDropsAndCountsAndLeavesInformsUnacknowledged() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int p = SnmpdAgent.freePort();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + p).community("c")
                .queueCapacity(2).onNotification(n -> awaitQuietly(release)).build();
                Session s = Session.builder().hostname("127.0.0.1:" + p).version(2).community("c").timeout(0.3)
                        .retries(0).build()) {
            for (int i = 0; i < 10; i++) {
                s.trap("IF-MIB::linkUp", List.of());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (r.statistics().received() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(10, r.statistics().received());
            assertEquals(8, r.statistics().droppedQueueFull(), r.statistics().toString());
            assertTrue(r.queued() <= 2);
            assertThrows(SnmpTimeoutException.class, () -> s.inform("IF-MIB::linkUp", List.of()));
            release.countDown();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (r.statistics().delivered() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, r.statistics().delivered());
        }
    }

    @Test
    void varbindsOwnV3TrapsAndInformsAndWhatIsRefused() throws Exception {
        RECEIVED.clear();
        SnmpdAgent.User u = SnmpdAgent.user("sha512_aes256c");
        try (SnmpEngine e1 = SnmpEngine.create(); SnmpEngine e2 = SnmpEngine.create()) {
            try (Session s = Session.builder().engine(e1).hostname("127.0.0.1:" + port).version(3)
                    .securityUsername(u.name()).securityLevel("authPriv").authProtocol(u.auth())
                    .authPassword(u.authPassword()).privacyProtocol(u.priv()).privacyPassword(u.privPassword())
                    .securityEngineId(SENDER2).engineBoots(1_000_000).engineTime(1000).build()) {
                s.trap("IF-MIB::linkUp", List.of(SnmpVariable.of(".1.3.6.1.4.1.8072.9999.1", "mine", "s")));
                checkPayload(next("Varbind v3 trap"), "mine");
                s.inform("IF-MIB::linkUp", List.of(SnmpVariable.of(".1.3.6.1.4.1.8072.9999.1", "mine too", "s")));
                checkPayload(next("Varbind v3 inform"), "mine too");
            }
            // the same sender engine, 200 s back in time: outside the window, dropped and counted
            long before = receiver.statistics().notInTimeWindows();
            try (Session s = Session.builder().engine(e2).hostname("127.0.0.1:" + port).version(3)
                    .securityUsername(u.name()).securityLevel("authPriv").authProtocol(u.auth())
                    .authPassword(u.authPassword()).privacyProtocol(u.priv()).privacyPassword(u.privPassword())
                    .securityEngineId(SENDER2).engineBoots(1_000_000).engineTime(800).build()) {
                s.trap("IF-MIB::linkUp", List.of());
            }
            awaitCount(() -> receiver.statistics().notInTimeWindows(), before + 1);
            // wrong digest, unknown user, unknown engine, bad community: counted, never delivered
            long digests = receiver.statistics().wrongDigests();
            long users = receiver.statistics().unknownUserNames();
            long engines = receiver.statistics().unknownEngineIds();
            long communities = receiver.statistics().badCommunities();
            try (Session bad = Session.builder().engine(e1).hostname("127.0.0.1:" + port).version(3)
                    .securityUsername("sha_none").securityLevel("authNoPriv").authProtocol("SHA")
                    .authPassword("not_the_password").securityEngineId(SENDER2).build();
                    Session nobody = Session.builder().engine(e1).hostname("127.0.0.1:" + port).version(3)
                            .securityUsername("nobody").securityEngineId(SENDER2).build();
                    Session stranger = Session.builder().engine(e1).hostname("127.0.0.1:" + port).version(3)
                            .securityUsername("noauth").securityEngineId("80001f8804737472616e6765").build();
                    Session community = Session.builder().engine(e1).hostname("127.0.0.1:" + port).version(2)
                            .community("private").build()) {
                bad.trap("IF-MIB::linkUp", List.of());
                nobody.trap("IF-MIB::linkUp", List.of());
                stranger.trap("IF-MIB::linkUp", List.of());
                community.trap("IF-MIB::linkUp", List.of());
            }
            awaitCount(() -> receiver.statistics().wrongDigests(), digests + 1);
            awaitCount(() -> receiver.statistics().unknownUserNames(), users + 1);
            awaitCount(() -> receiver.statistics().unknownEngineIds(), engines + 1);
            awaitCount(() -> receiver.statistics().badCommunities(), communities + 1);
            Thread.sleep(200);
            assertTrue(RECEIVED.isEmpty(), "delivered what should be dropped: " + RECEIVED);
        }
    }

    private static void awaitCount(java.util.function.LongSupplier counter, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counter.getAsLong() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(counter.getAsLong() >= atLeast, "counter " + counter.getAsLong() + " < " + atLeast + ": "
                + receiver.statistics());
    }

    @Test
    void hostileInputIsCountedAndTheReceiverGoesOn() throws Exception {
        RECEIVED.clear();
        // a valid v2c trap to mutate: captured from Varbind's own sender into a socket of ours
        byte[] valid;
        try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                Session s = Session.builder().hostname("127.0.0.1:" + sink.getLocalPort()).version(2)
                        .community("public").build()) {
            sink.setSoTimeout(5000);
            s.trap("IF-MIB::linkUp", List.of(SnmpVariable.of(".1.3.6.1.4.1.8072.9999.1", "x", "s")));
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            sink.receive(p);
            valid = java.util.Arrays.copyOf(p.getData(), p.getLength());
        }
        Random random = new Random(17);
        long received = receiver.statistics().received();
        int sent = 0;
        try (DatagramSocket out = new DatagramSocket()) {
            InetAddress lo = InetAddress.getLoopbackAddress();
            List<byte[]> hostile = new ArrayList<>();
            hostile.add(new byte[0]);
            hostile.add(new byte[] {0x30});
            hostile.add(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            for (int i = 1; i < valid.length; i++) {
                hostile.add(java.util.Arrays.copyOf(valid, i)); // every truncation
            }
            for (int i = 0; i < 2000; i++) {
                byte[] m = valid.clone();
                for (int k = 0; k <= random.nextInt(4); k++) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
                hostile.add(m);
                byte[] g = new byte[random.nextInt(200)];
                random.nextBytes(g);
                hostile.add(g);
            }
            // a flood of unknown v3 users (a v3 header with a random user name, no auth)
            for (SnmpdAgent.User u : SnmpdAgent.USERS) {
                try (Session s = Session.builder().hostname("127.0.0.1:" + port).version(3)
                        .securityUsername(u.name() + "-unknown").securityEngineId(SENDER).build()) {
                    s.trap("IF-MIB::linkUp", List.of());
                    sent++;
                }
            }
            for (byte[] m : hostile) {
                out.send(new DatagramPacket(m, m.length, lo, port));
                sent++;
                if (sent % 200 == 0) {
                    Thread.sleep(5); // stay within the socket's receive buffer
                }
            }
        }
        int expected = sent;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receiver.statistics().received() - received < expected - 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // (the empty datagram may not count as a message) then a good trap still gets through
        RECEIVED.clear();
        try (Session s = Session.builder().hostname("127.0.0.1:" + port).version(2).community("public").build()) {
            s.trap("IF-MIB::linkUp", List.of(SnmpVariable.of(".1.3.6.1.4.1.8072.9999.1", "after", "s")));
        }
        Notification n;
        do {
            n = next("a trap after the hostile input");
        } while (!n.variables().get(n.variables().size() - 1).value().equals("after"));
        assertTrue(receiver.statistics().malformed() > 100, receiver.statistics().toString());
        assertTrue(receiver.statistics().unknownUserNames() >= SnmpdAgent.USERS.size(),
                receiver.statistics().toString());
    }
}
