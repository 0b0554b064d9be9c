package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpConnectionException;
import io.varbind.SnmpEngine;
import io.varbind.SnmpTimeoutException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmpdExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** v1/v2c operations of the engine against a real snmpd over udp, udp6 and tcp. */
@Tag("agent")
@ExtendWith(SnmpdExtension.class)
class EngineAgentTest {
    private static final Oid SYS_DESCR = Oid.parse("1.3.6.1.2.1.1.1.0");
    private static final Oid SYSTEM = Oid.parse("1.3.6.1.2.1.1");
    private static SnmpEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = SnmpEngine.create();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static Target target(SnmpdAgent agent, String transport, int version, String community) {
        String host = transport.endsWith("6") ? "::1" : "127.0.0.1";
        return new Target(new InetSocketAddress(host, agent.port()), transport, version,
                community.getBytes(StandardCharsets.US_ASCII), TimeUnit.SECONDS.toNanos(2), 1, 0, null);
    }

    /** The values snmpwalk -On -Oqn prints for a subtree (numeric OIDs only, for comparing names). */
    private static List<String> netSnmpWalkOids(SnmpdAgent agent, String transport, String root)
            throws IOException, InterruptedException {
        String host = transport.endsWith("6") ? "[::1]" : "127.0.0.1";
        Process p = agent.netSnmpTool(List.of("/usr/bin/snmpwalk", "-v2c", "-c", "public", "-On", "-Oq", "-t", "2",
                transport + ":" + host + ":" + agent.port(), root)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> oids = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(".")) {
                oids.add(line.substring(1, line.indexOf(' ')));
            }
        }
        return oids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "udp6", "tcp", "tcp6"})
    void getOverEveryTransport(String transport, SnmpdAgent agent) {
        if (transport.endsWith("6")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(agent.hasIpv6(), "no [::1] on this host");
        }
        for (int version : new int[] {0, 1}) {
            Response r = engine.request(target(agent, transport, version, "public"),
                    Pdu.request(BerTags.GET, List.of(SYS_DESCR))).join();
            assertEquals(BerTags.RESPONSE, r.pdu().type());
            assertEquals(SnmpdAgent.SYS_DESCR,
                    new String(r.pdu().varBinds().get(0).value().bytes(), StandardCharsets.US_ASCII));
            assertTrue(r.rttNanos() > 0);
            assertTrue(r.bytesSent() > 0 && r.bytesReceived() > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void walkAndBulkwalkMatchNetSnmp(String transport, SnmpdAgent agent) throws Exception {
        List<String> expected = netSnmpWalkOids(agent, transport, ".1.3.6.1.2.1.2");
        assertTrue(expected.size() > 5, "snmpwalk found " + expected);
        for (boolean bulk : new boolean[] {false, true}) {
            List<VarBind> got = engine.walk(target(agent, transport, 1, "public"), Oid.parse("1.3.6.1.2.1.2"), bulk,
                    0, 10).join();
            assertEquals(expected, got.stream().map(vb -> vb.oid().toString()).toList(), "bulk=" + bulk);
        }
        List<VarBind> v1 = engine.walk(target(agent, transport, 0, "public"), SYSTEM, false, 0, 0).join();
        assertEquals(netSnmpWalkOids(agent, transport, ".1.3.6.1.2.1.1"),
                v1.stream().map(vb -> vb.oid().toString()).toList());
    }

    @Test
    void getNextGetBulkAndSet(SnmpdAgent agent) {
        Target ro = target(agent, "udp", 1, "public");
        Response next = engine.request(ro, Pdu.request(BerTags.GETNEXT, List.of(SYSTEM))).join();
        assertEquals(SYS_DESCR, next.pdu().varBinds().get(0).oid());
        Response bulk = engine.request(ro, Pdu.getBulk(1, 3, List.of(Oid.parse("1.3.6.1.2.1.1.3"), SYSTEM))).join();
        assertEquals(1 + 3, bulk.pdu().varBinds().size());
        assertEquals(Oid.parse("1.3.6.1.2.1.1.3.0"), bulk.pdu().varBinds().get(0).oid());

        Target rw = target(agent, "udp", 1, "private");
        Oid location = Oid.parse("1.3.6.1.2.1.1.6.0");
        Pdu set = new Pdu(BerTags.SET, 0, 0, 0, List.of(new VarBind(location, Variable.octetString("rack 42"))));
        assertEquals(0, engine.request(rw, set).join().pdu().errorStatus());
        Response back = engine.request(ro, Pdu.request(BerTags.GET, List.of(location))).join();
        assertEquals("rack 42", new String(back.pdu().varBinds().get(0).value().bytes(), StandardCharsets.US_ASCII));
        // the read-only community may not set: an error-status, not an exception
        Response denied = engine.request(ro, set).join();
        assertTrue(denied.pdu().errorStatus() != 0);
    }

    @Test
    void wrongCommunityTimesOutWithATypedError(SnmpdAgent agent) {
        Target bad = new Target(new InetSocketAddress("127.0.0.1", agent.port()), "udp", 1,
                "nope".getBytes(StandardCharsets.US_ASCII), TimeUnit.MILLISECONDS.toNanos(200), 1, 0, null);
        CompletionException e = assertThrows(CompletionException.class,
                () -> engine.request(bad, Pdu.request(BerTags.GET, List.of(SYS_DESCR))).join());
        assertInstanceOf(SnmpTimeoutException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("after 2 tries"), e.getCause().getMessage());
    }

    @Test
    void aTakenLocalPortFailsTypedAndTheNextRequestBindsAgain(SnmpdAgent agent) throws Exception {
        java.net.DatagramSocket holder = new java.net.DatagramSocket(new InetSocketAddress("0.0.0.0", 0));
        int port = holder.getLocalPort();
        Target t = new Target(new InetSocketAddress("127.0.0.1", agent.port()), "udp", 1,
                "public".getBytes(StandardCharsets.US_ASCII), TimeUnit.SECONDS.toNanos(2), 0, port, null);
        Pdu get = Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")));
        try {
            CompletionException e = assertThrows(CompletionException.class, () -> engine.request(t, get).join());
            assertInstanceOf(SnmpConnectionException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("local port " + port), e.getCause().getMessage());
        } finally {
            holder.close();
        }
        // the failed bind is not remembered: with the port free, the same target works
        assertEquals(BerTags.RESPONSE, engine.request(t, get).join().pdu().type());
    }

    @Test
    void refusedTcpConnectionIsAConnectionError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Target t = new Target(new InetSocketAddress("127.0.0.1", port), "tcp", 1,
                "public".getBytes(StandardCharsets.US_ASCII), TimeUnit.SECONDS.toNanos(1), 0, 0, null);
        CompletionException e = assertThrows(CompletionException.class,
                () -> engine.request(t, Pdu.request(BerTags.GET, List.of(SYS_DESCR))).join());
        assertInstanceOf(SnmpConnectionException.class, e.getCause());
    }

    @Test
    void manyConcurrentRequestsThroughOneSocket(SnmpdAgent agent) {
        Target t = target(agent, "udp", 1, "public");
        List<CompletableFuture<Response>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(engine.request(t, Pdu.request(BerTags.GET, List.of(SYS_DESCR))));
        }
        for (CompletableFuture<Response> f : all) {
            assertEquals(SYS_DESCR, f.join().pdu().varBinds().get(0).oid());
        }
        assertEquals(0, engine.statistics().inFlight());
    }
}
