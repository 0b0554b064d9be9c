package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.mib.MibTree;
import io.varbind.testing.EchoResponder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session's life cycle and the settings each call runs with: after close() nothing is rebuilt
 * and every operation fails; a call never mixes the settings, display flags and target of before
 * and after a concurrent updateSession or flag change.
 */
class SessionStateTest {
    private static SnmpEngine engine;
    private static EchoResponder agent;

    @BeforeAll
    static void start() throws Exception {
        engine = SnmpEngine.create();
        agent = new EchoResponder();
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        engine.close();
    }

    private static Session.Builder v2c(String community) {
        return Session.builder().hostname(agent.hostname()).version(2).community(community).timeout(2).retries(1)
                .engine(engine).mibs(MibTree.builtIn());
    }

    @Test
    void aClosedSessionSendsNothingAndFailsEveryOperation() throws Exception {
        Session s = v2c("public").build();
        assertEquals("public", s.get("sysDescr.0").value());
        s.close();
        assertTrue(s.isClosed());
        long before = agent.requests();
        assertThrows(SnmpException.class, () -> s.get("sysDescr.0"));
        assertThrows(SnmpException.class, () -> s.get(List.of("sysDescr.0", "sysName.0")));
        assertThrows(SnmpException.class, () -> s.getNext("sysDescr.0"));
        assertThrows(SnmpException.class, () -> s.getBulk(List.of("system")));
        assertThrows(SnmpException.class, () -> s.walk("system"));
        assertThrows(SnmpException.class, () -> s.bulkwalk("system"));
        assertThrows(SnmpException.class, () -> s.set("sysLocation.0", "here"));
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> s.getAsync("sysDescr.0").get(5, TimeUnit.SECONDS));
        assertTrue(async.getCause() instanceof SnmpException, async.getCause().toString());
        assertThrows(SnmpException.class, () -> s.updateSession(b -> b.community("other")));
        assertEquals("public", s.community(), "a refused update changes nothing");
        s.close(); // again: nothing happens
        Thread.sleep(50);
        assertEquals(before, agent.requests(), "a closed session sent requests");
    }

    @Test
    void aSessionClosedBeforeItsFirstCallNeverResolvesItsTarget() {
        Session s = Session.builder().hostname("no-such-host.invalid").version(2).engine(engine)
                .mibs(MibTree.builtIn()).build();
        s.close();
        SnmpException e = assertThrows(SnmpException.class, () -> s.get("sysDescr.0"));
        assertFalse(e instanceof SnmpConnectionException, "the closed session looked up its host: " + e);
    }

    /**
     * Two settings, each with its own community and display flag: community "numeric" goes with
     * useNumeric, community "names" with names. The agent echoes the community each request went
     * out with, so every answer must be named as its request's settings say, whatever the
     * updates running beside it.
     */
    @Test
    void everyCallRunsWithOneSettingsSnapshot() throws Exception {
        Session s = v2c("names").build();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread flipper = new Thread(() -> {
            boolean numeric = false;
            while (running.get()) {
                numeric = !numeric;
                boolean n = numeric;
                s.updateSession(b -> b.community(n ? "numeric" : "names").useNumeric(n));
            }
        }, "flipper");
        flipper.start();
        List<String> mixed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int checked = 0;
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end && mixed.size() + errors.size() < 5) {
                List<CompletableFuture<SnmpVariable>> batch = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    batch.add(s.getAsync(".1.3.6.1.2.1.1.5.0"));
                }
                for (CompletableFuture<SnmpVariable> f : batch) {
                    SnmpVariable v;
                    try {
                        v = f.get(5, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        errors.add(String.valueOf(e.getCause()));
                        continue;
                    }
                    checked++;
                    boolean numericName = v.oid().startsWith(".1.3.6");
                    boolean numericCommunity = v.value().equals("numeric");
                    if (numericName != numericCommunity) {
                        mixed.add(v.toString());
                    }
                }
            }
        } finally {
            running.set(false);
            flipper.join();
            s.close();
        }
        assertEquals(List.of(), mixed, "answers named with another call's flags (of " + checked + ")");
        assertEquals(List.of(), errors, "calls failed beside updateSession");
        assertTrue(checked > 100, "too few answers to judge: " + checked);
    }

    @Test
    void aSessionOnTheSharedEngineOutlivesItsClose() {
        try (Session s = Session.builder().hostname(agent.hostname()).version(2).timeout(2).retries(1)
                .mibs(MibTree.builtIn()).build()) {
            assertEquals("public", s.get("sysDescr.0").value());
            SnmpEngine.shared().close(); // SnmpEngine.shared() makes a new one; the session follows
            assertEquals("public", s.get("sysDescr.0").value());
        }
    }

    @Test
    void flagsApplyFromTheNextCall() throws Exception {
        try (Session s = v2c("public").build()) {
            s.setUseNumeric(true);
            SnmpVariable a = s.get("sysName.0");
            s.setUseNumeric(false);
            SnmpVariable b = s.get("sysName.0");
            assertEquals(".1.3.6.1.2.1.1.5", a.oid());
            assertEquals("sysName", b.oid());
            assertFalse(s.useNumeric());
        }
    }
}
