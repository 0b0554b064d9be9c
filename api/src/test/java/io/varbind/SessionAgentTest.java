package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmpdExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** easysnmp's behaviour, written from its documentation, against a real snmpd, for v1 and v2c. */
@Tag("agent")
@ExtendWith(SnmpdExtension.class)
class SessionAgentTest {

    private static Session session(SnmpdAgent agent, int version, String community) {
        return Session.builder().hostname(agent.hostPort()).version(version).community(community).timeout(2)
                .retries(1).build();
    }

    private static List<String> netSnmpWalk(SnmpdAgent agent, String root) throws Exception {
        Process p = agent.netSnmpTool(List.of("/usr/bin/snmpwalk", "-v2c", "-c", "public", "-On", "-Oq",
                "udp:" + agent.hostPort(), root)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> oids = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(".")) {
                oids.add(line.substring(0, line.indexOf(' ')));
            }
        }
        return oids;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void getInEveryForm(int version, SnmpdAgent agent) {
        try (Session s = session(agent, version, "public")) {
            SnmpVariable d = s.get("sysDescr.0");
            assertEquals("sysDescr", d.oid());
            assertEquals("0", d.oidIndex());
            assertEquals(SnmpdAgent.SYS_DESCR, d.value());
            assertEquals("OCTETSTR", d.snmpType());
            assertEquals(d.value(), s.get("SNMPv2-MIB::sysDescr.0").value());
            assertEquals(d.value(), s.get(".1.3.6.1.2.1.1.1.0").value());
            assertEquals(d.value(), s.get("1.3.6.1.2.1.1.1.0").value());
            assertEquals(d.value(), s.get(".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0").value());
            assertEquals(d.value(), s.get("sysDescr", "0").value());
            SnmpVariable up = s.get("sysUpTime.0");
            assertEquals("sysUpTimeInstance", up.oid());
            assertEquals("", up.oidIndex());
            assertEquals("TICKS", up.snmpType());
            List<SnmpVariable> both = s.get(List.of("sysName.0", "sysContact.0"));
            assertEquals(SnmpdAgent.SYS_NAME, both.get(0).value());
            assertEquals(SnmpdAgent.SYS_CONTACT, both.get(1).value());
            SnmpVariable oid = s.get("sysObjectID.0");
            assertEquals("OBJECTID", oid.snmpType());
            assertTrue(oid.value().startsWith(".1.3.6.1.4.1."), oid.value());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void getNextAndDisplayFlags(int version, SnmpdAgent agent) {
        try (Session s = session(agent, version, "public")) {
            SnmpVariable n = s.getNext("sysDescr.0");
            assertEquals("sysObjectID", n.oid());
            assertEquals("0", n.oidIndex());
            s.setUseNumeric(true);
            SnmpVariable c = s.get("sysContact.0");
            assertEquals(".1.3.6.1.2.1.1.4", c.oid());
            assertEquals("0", c.oidIndex());
            s.setUseNumeric(false);
            s.setUseLongNames(true);
            assertEquals(".iso.org.dod.internet.mgmt.mib-2.system.sysContact", s.get("sysContact.0").oid());
            s.setUseLongNames(false);
            s.setUseEnums(true);
            assertEquals("up", s.get("ifAdminStatus.1").value());
            s.setUseEnums(false);
            assertEquals("1", s.get("ifAdminStatus.1").value());
            s.setUseSprintValue(true);
            assertTrue(s.get("sysUpTime.0").value().matches("\\d+:\\d+:\\d\\d:\\d\\d\\.\\d\\d"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void walksMatchNetSnmp(int version, SnmpdAgent agent) throws Exception {
        List<String> expected = netSnmpWalk(agent, ".1.3.6.1.2.1.1");
        try (Session s = session(agent, version, "public")) {
            s.setUseNumeric(true);
            List<String> got = s.walk("system").stream().map(v -> v.oid() + "." + v.oidIndex()).toList();
            assertEquals(expected, got);
            if (version == 1) {
                assertThrows(SnmpException.class, () -> s.bulkwalk("system"));
                assertThrows(SnmpException.class, () -> s.getBulk(List.of("system")));
            } else {
                assertEquals(expected, s.bulkwalk("system").stream().map(v -> v.oid() + "." + v.oidIndex()).toList());
                assertEquals(expected, s.bulkwalk("system", 0, 3).stream().map(v -> v.oid() + "." + v.oidIndex())
                        .toList());
                List<SnmpVariable> bulk = s.getBulk(List.of("sysUpTime", "system"), 1, 3);
                assertEquals(4, bulk.size());
            }
        }
    }

    @Test
    void walkOfTheWholeTreeStartsAtTheFirstObject(SnmpdAgent agent) {
        try (Session s = session(agent, 2, "sysonly")) {
            List<SnmpVariable> all = s.walk(".");
            assertEquals("sysDescr", all.get(0).oid());
            assertFalse(all.isEmpty());
            assertTrue(all.stream().allMatch(v -> v.snmpType() != null));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void setWithTypesFromTheMibAndExplicit(int version, SnmpdAgent agent) {
        try (Session rw = session(agent, version, "private"); Session ro = session(agent, version, "public")) {
            assertTrue(rw.set("sysLocation.0", "lab " + version));
            assertEquals("lab " + version, ro.get("sysLocation.0").value());
            assertTrue(rw.set("sysLocation.0", "typed", "s"));
            assertTrue(rw.set(SnmpVariable.of("sysLocation.0", "tuple")));
            assertEquals("tuple", ro.get("sysLocation.0").value());
            assertTrue(rw.setMultiple(List.of(new SnmpVariable("sysLocation", ".0", "multi", null))));
            assertEquals("multi", ro.get("sysLocation.0").value());
            if (version == 1) {
                assertThrows(SnmpNoSuchNameException.class, () -> ro.set("sysLocation.0", "x"));
            } else {
                SnmpException e = assertThrows(SnmpException.class, () -> ro.set("sysLocation.0", "x"));
                assertEquals("noAccess", e.getMessage());
            }
            assertThrows(IllegalArgumentException.class, () -> rw.set("ifAdminStatus.1", "sideways"));
            assertThrows(SnmpUndeterminedTypeException.class, () -> rw.set(".1.3.6.1.4.1.99999.1.0", "x"));
        }
    }

    @Test
    void v1NoSuchNameRaisesOrRetries(SnmpdAgent agent) {
        try (Session s = session(agent, 1, "public")) {
            assertThrows(SnmpNoSuchNameException.class, () -> s.get(List.of("sysDescr.0", "sysDescr.5")));
            s.setRetryNoSuch(true);
            List<SnmpVariable> r = s.get(List.of("sysDescr.0", "sysDescr.5", "sysContact.0"));
            assertEquals(3, r.size());
            assertEquals(SnmpdAgent.SYS_DESCR, r.get(0).value());
            assertEquals("NOSUCHNAME", r.get(1).snmpType());
            assertEquals(SnmpdAgent.SYS_CONTACT, r.get(2).value());
        }
    }

    @Test
    void v2ExceptionValuesAndAbortOnNonexistent(SnmpdAgent agent) {
        try (Session s = session(agent, 2, "public")) {
            SnmpVariable missing = s.get("sysDescr.5");
            assertEquals("NOSUCHINSTANCE", missing.snmpType());
            assertEquals("NOSUCHINSTANCE", missing.value());
            s.setAbortOnNonexistent(true);
            SnmpNoSuchInstanceException e = assertThrows(SnmpNoSuchInstanceException.class, () -> s.get("sysDescr.5"));
            assertEquals("no such instance sysDescr with index 5 could be found", e.getMessage());
        }
    }

    @Test
    void errorsAreTyped(SnmpdAgent agent) throws Exception {
        try (Session s = session(agent, 2, "public")) {
            SnmpUnknownObjectIdException u = assertThrows(SnmpUnknownObjectIdException.class,
                    () -> s.get("nonexistentThing.0"));
            assertEquals("unknown object id (nonexistentThing)", u.getMessage());
            assertThrows(SnmpUnknownObjectIdException.class, () -> s.get("NO-SUCH-MIB::sysDescr.0"));
        }
        int free;
        try (java.net.DatagramSocket d = new java.net.DatagramSocket(0)) {
            free = d.getLocalPort();
        }
        Session dead = Session.builder().hostname("127.0.0.1:" + free).version(2).timeout(0.2).retries(1).build();
        assertThrows(SnmpTimeoutException.class, () -> dead.get("sysDescr.0"));
        Session nowhere = Session.builder().hostname("no-such-host.invalid").version(2).build();
        assertThrows(SnmpConnectionException.class, () -> nowhere.get("sysDescr.0"));
    }

    @Test
    void updateSessionTakesEffectAtOnce(SnmpdAgent agent) {
        try (Session s = session(agent, 2, "public")) {
            assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
            s.updateSession(b -> b.community("wrong").timeout(0.2).retries(0));
            assertThrows(SnmpTimeoutException.class, () -> s.get("sysDescr.0"));
            s.updateSession(b -> b.community("public").timeout(2));
            assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
        }
    }

    @Test
    void oneSessionFromManyThreadsAndAsync(SnmpdAgent agent) throws Exception {
        try (Session s = session(agent, 2, "public")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> all = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    all.add(pool.submit(() -> s.get("sysName.0").value()));
                }
                for (Future<String> f : all) {
                    assertEquals(SnmpdAgent.SYS_NAME, f.get(30, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            List<CompletableFuture<List<SnmpVariable>>> walks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                walks.add(s.bulkwalkAsync("system"));
            }
            int n = walks.get(0).get(30, TimeUnit.SECONDS).size();
            for (CompletableFuture<List<SnmpVariable>> w : walks) {
                assertEquals(n, w.get(30, TimeUnit.SECONDS).size());
            }
        }
    }

    @Test
    void easyFunctions(SnmpdAgent agent) {
        String host = agent.hostPort();
        assertEquals(SnmpdAgent.SYS_DESCR, Easy.snmpGet("sysDescr.0", s -> s.hostname(host).version(2)).value());
        assertEquals("sysObjectID", Easy.snmpGetNext("sysDescr", "0", s -> s.hostname(host).version(2)).oid());
        assertFalse(Easy.snmpWalk("system", s -> s.hostname(host).version(1)).isEmpty());
        assertFalse(Easy.snmpBulkwalk("system", 0, 5, s -> s.hostname(host).version(2)).isEmpty());
        assertTrue(Easy.snmpSet("sysLocation.0", "easy", s -> s.hostname(host).version(2).community("private")));
    }
}
