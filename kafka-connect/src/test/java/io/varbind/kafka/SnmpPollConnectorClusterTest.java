package io.varbind.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The poll connector on a real Kafka: Kafka's own EmbeddedConnectCluster (one KRaft broker, two
 * Connect workers in this JVM, started once for the class) with the built-in agent simulating
 * the devices.
 */
@Tag("kafka")
class SnmpPollConnectorClusterTest {
    /** How long a dead worker's tasks wait before they are given to the others (Connect's default: 5 minutes). */
    private static final int REBALANCE_DELAY_MS = 1000;

    private static EmbeddedConnectCluster connect;
    private static final JsonConverter JSON = new JsonConverter();
    private static final Set<String> TOPICS = new HashSet<>();

    @BeforeAll
    static void startCluster() {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load"); // no classpath scan: seconds and gigabytes saved
        worker.put("scheduled.rebalance.max.delay.ms", String.valueOf(REBALANCE_DELAY_MS));
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("value.converter.schemas.enable", "true");
        worker.put("offset.flush.interval.ms", "1000");
        connect = new EmbeddedConnectCluster.Builder().name("varbind-connect").numBrokers(1).numWorkers(2)
                .workerProps(worker).build();
        connect.start();
        JSON.configure(Map.of("schemas.enable", "true"), false);
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    private static Map<String, String> connector(String topic, List<String> targets, long intervalMs, int tasks) {
        if (!TOPICS.contains(topic)) { // the embedded broker creates no topic on its own
            connect.kafka().createTopic(topic, 2);
            TOPICS.add(topic);
        }
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", SnmpPollSourceConnector.class.getName());
        c.put("tasks.max", String.valueOf(tasks));
        c.put("topic", topic);
        c.put("snmp.targets", String.join(",", targets));
        c.put("snmp.oids", "sysDescr.0,sysName.0,sysUpTime.0");
        c.put("snmp.interval.ms", String.valueOf(intervalMs));
        c.put("snmp.timeout.ms", "2000");
        c.put("snmp.retries", "1");
        return c;
    }

    /** A poll record as the topic holds it: key, and the value read back through the JSON converter. */
    private record Poll(String target, Struct value) {
        long timestamp() {
            return value.getInt64("timestamp");
        }
    }

    /** Reads the topic from the start until {@code done} holds for what was read, or fails after {@code timeout}. */
    private static List<Poll> readUntil(String topic, Duration timeout, Predicate<List<Poll>> done) {
        List<Poll> all = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID()), topic)) {
            while (!done.test(all)) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("timed out after " + timeout + " reading " + topic + " (" + all.size()
                            + " records, " + targetsOf(all).size() + " targets)");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Struct value = (Struct) JSON.toConnectData(topic, r.value()).value();
                    all.add(new Poll(new String(r.key(), StandardCharsets.UTF_8), value));
                }
            }
        }
        return all;
    }

    private static Set<String> targetsOf(List<Poll> polls) {
        Set<String> s = new HashSet<>();
        for (Poll p : polls) {
            s.add(p.target());
        }
        return s;
    }

    private static Set<String> targetsSince(List<Poll> polls, long sinceMillis) {
        Set<String> s = new HashSet<>();
        for (Poll p : polls) {
            if (p.timestamp() >= sinceMillis) {
                s.add(p.target());
            }
        }
        return s;
    }

    private static void awaitRunning(String name, int tasks) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                ConnectorStateInfo s = connect.connectorStatus(name);
                if ("RUNNING".equals(s.connector().state()) && s.tasks().size() == tasks
                        && s.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()))) {
                    return;
                }
            } catch (ConnectRestException notYet) {
                // the connector is still being created
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("connector " + name + " not running with " + tasks + " tasks");
            }
            Thread.sleep(200);
        }
    }

    @Test
    void recordsOfTheExpectedShapeForEveryTargetV2cAndV3() throws Exception {
        try (SimulatedDevices devices = new SimulatedDevices(20)) {
            List<String> targets = new ArrayList<>(devices.targets());
            // the first two devices once more as v3 targets (another spelling, so another target id)
            String v3a = devices.targets().get(0).replace("udp:", "") + " version=3";
            // (authNoPriv for this authPriv user: the built-in agent answers it encrypted, a bug of module agent)
            String v3b = devices.targets().get(1).replace("udp:", "") + " version=3 security.name="
                    + SimulatedDevices.V3_USER;
            targets.add(v3a);
            targets.add(v3b);
            Map<String, String> c = connector("snmp-every", targets, 1000, 2);
            c.put("snmp.walk", "ifTable");
            c.put("snmp.tables", "ifTable");
            c.put("snmp.security.name", SimulatedDevices.V3_USER);
            c.put("snmp.security.level", "authPriv");
            c.put("snmp.auth.protocol", "SHA");
            c.put("snmp.auth.password", SimulatedDevices.V3_AUTH_PASSWORD);
            c.put("snmp.priv.protocol", "AES");
            c.put("snmp.priv.password", SimulatedDevices.V3_PRIV_PASSWORD);
            connect.configureConnector("every", c);
            try {
                awaitRunning("every", 2);
                List<Poll> polls = readUntil("snmp-every", Duration.ofSeconds(90), all -> targetsOf(all).size() == 22);
                for (Poll p : polls) {
                    Struct v = p.value();
                    assertEquals(p.target(), v.getString("target"));
                    assertNull(v.get("error"), p.target() + ": " + v.get("error"));
                    assertTrue(v.getInt64("duration.ms") >= 0);
                    List<Object> vars = v.getArray("variables");
                    // 3 GETs, then ifTable: 22 columns of the demo's 4 interfaces
                    assertTrue(vars.size() > 3 + 4 * 20, p.target() + ": " + vars.size());
                    Struct descr = (Struct) vars.get(0);
                    assertEquals(".1.3.6.1.2.1.1.1.0", descr.getString("oid"));
                    assertEquals("sysDescr", descr.getString("name"));
                    assertEquals("0", descr.getString("index"));
                    assertEquals("OCTETSTR", descr.getString("type"));
                    assertTrue(descr.getString("value").startsWith("Varbind demo agent"), descr.getString("value"));
                    assertEquals("varbind-demo", ((Struct) vars.get(1)).getString("value"));
                    Struct firstColumn = (Struct) vars.get(3);
                    assertEquals("ifIndex", firstColumn.getString("name"));
                    assertEquals("1", firstColumn.getString("index"));
                    // then the same cells again from snmp.tables, row by row: ifIndex.1 is followed by the
                    // second column of row 1 (the walk's fifth cell: 4 interfaces), where the walk had ifIndex.2
                    assertEquals(0, (vars.size() - 3) % 2, p.target() + ": walk and table hold the same cells");
                    int table = 3 + (vars.size() - 3) / 2;
                    assertEquals("ifIndex", ((Struct) vars.get(4)).getString("name"));
                    assertEquals("2", ((Struct) vars.get(4)).getString("index"));
                    Struct tableFirst = (Struct) vars.get(table);
                    Struct tableSecond = (Struct) vars.get(table + 1);
                    assertEquals(List.of("ifIndex", "1"), List.of(tableFirst.getString("name"), tableFirst.getString("index")));
                    assertEquals("1", tableSecond.getString("index"));
                    assertEquals(((Struct) vars.get(3 + 4)).getString("name"), tableSecond.getString("name"));
                }
                assertTrue(targetsOf(polls).contains(v3a.substring(0, v3a.indexOf(' '))));
            } finally {
                connect.deleteConnector("every");
            }
        }
    }

    @Test
    void twoWorkersShare1000TargetsAndOneTakesOverWhenTheOtherStops() throws Exception {
        long interval = 3000;
        try (SimulatedDevices devices = new SimulatedDevices(1000)) {
            connect.configureConnector("thousand", connector("snmp-thousand", devices.targets(), interval, 2));
            try {
                awaitRunning("thousand", 2);
                ConnectorStateInfo status = connect.connectorStatus("thousand");
                assertNotEquals(status.tasks().get(0).workerId(), status.tasks().get(1).workerId(),
                        "both tasks on one worker");
                List<Poll> before = readUntil("snmp-thousand", Duration.ofSeconds(90),
                        all -> targetsOf(all).size() == 1000);
                for (Poll p : before) {
                    assertNull(p.value().get("error"), p.target());
                }
                connect.removeWorker();
                long stopped = System.currentTimeMillis();
                // the dead worker's tasks wait REBALANCE_DELAY_MS, then every target is polled within two intervals
                long budget = REBALANCE_DELAY_MS + 2 * interval;
                List<Poll> after = readUntil("snmp-thousand", Duration.ofSeconds(90),
                        all -> targetsSince(all, stopped).size() == 1000);
                long last = 0;
                Map<String, Long> firstAfter = new HashMap<>();
                for (Poll p : after) {
                    if (p.timestamp() >= stopped) {
                        firstAfter.merge(p.target(), p.timestamp(), Math::min);
                    }
                }
                for (long t : firstAfter.values()) {
                    last = Math.max(last, t);
                }
                System.out.println("takeover: all 1000 targets polled again " + (last - stopped)
                        + " ms after a worker stopped");
                assertTrue(last - stopped <= budget, "every target polled again " + (last - stopped)
                        + " ms after a worker stopped (budget " + budget + " ms)");
                awaitRunning("thousand", 2);
                assertEquals(1, connect.healthyWorkers().size());
            } finally {
                connect.deleteConnector("thousand");
                connect.addWorker();
            }
        }
    }

    @Test
    void aTargetListChangedAtRuntime() throws Exception {
        try (SimulatedDevices devices = new SimulatedDevices(8)) {
            List<String> all = devices.targets();
            List<String> first = all.subList(0, 5);
            List<String> second = all.subList(3, 8);
            connect.configureConnector("changing", connector("snmp-changing", first, 500, 2));
            try {
                readUntil("snmp-changing", Duration.ofSeconds(60), polls -> targetsOf(polls).containsAll(first));
                connect.configureConnector("changing", connector("snmp-changing", second, 500, 2));
                long changed = System.currentTimeMillis();
                List<Poll> polls = readUntil("snmp-changing", Duration.ofSeconds(60),
                        p -> targetsSince(p, changed).containsAll(second));
                long settled = System.currentTimeMillis();
                Thread.sleep(1500);
                List<Poll> later = readUntil("snmp-changing", Duration.ofSeconds(30),
                        p -> p.size() > polls.size() + 5);
                Set<String> polledLater = targetsSince(later, settled + 500);
                for (String gone : all.subList(0, 3)) {
                    assertTrue(!polledLater.contains(gone), gone + " polled after it was removed");
                }
                assertTrue(polledLater.containsAll(second), polledLater.toString());
            } finally {
                connect.deleteConnector("changing");
            }
        }
    }

    @Test
    void badConfigsAreRefusedWithClearErrors() {
        Map<String, String> noUser = connector("snmp-bad", List.of("udp:127.0.0.1:1161"), 1000, 1);
        noUser.put("snmp.version", "3");
        noUser.put("name", "bad");
        ConfigInfos infos = connect.validateConnectorConfig(SnmpPollSourceConnector.class.getName(), noUser);
        List<String> errors = new ArrayList<>();
        String message = null;
        for (ConfigInfo i : infos.configs()) {
            for (String e : i.configValue().errors()) {
                errors.add(i.configValue().name() + ": " + e);
                message = e;
            }
        }
        assertEquals(1, infos.errorCount(), errors.toString());
        assertTrue(errors.get(0).startsWith("snmp.targets: "), errors.toString());
        assertTrue(message.contains("is SNMPv3 but has no user"), message);

        Map<String, String> badLevel = connector("snmp-bad", List.of("udp:127.0.0.1:1161"), 1000, 1);
        badLevel.put("snmp.security.level", "whatever");
        ConnectRestException e = assertThrows(ConnectRestException.class,
                () -> connect.configureConnector("bad", badLevel));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("unknown security level"), e.getMessage());
        assertTrue(!connect.connectors().contains("bad"));
    }

    /**
     * The trap connector on the same cluster: a v1 trap, a v2c trap, a v2c inform and a v3 inform
     * (authPriv) each become one record; each inform returns to its sender only once answered, which
     * the task does after Kafka has the record, so the topic must already hold it then.
     */
    @Test
    void trapsAndInformsBecomeRecords() throws Exception {
        String topic = "snmp-traps";
        int port = io.varbind.testing.SnmpdAgent.freePort();
        Map<String, String> c = trapConnector(topic, port, "traps,other");
        c.put("tasks.max", "3"); // still one task
        c.put("snmp.security.name", "trapuser");
        c.put("snmp.auth.protocol", "SHA-256");
        c.put("snmp.auth.password", "trap-auth-pass");
        c.put("snmp.priv.protocol", "AES");
        c.put("snmp.priv.password", "trap-priv-pass");
        connect.configureConnector("traps", c);
        try {
            awaitRunning("traps", 1);
            List<io.varbind.SnmpVariable> vars = List.of(io.varbind.SnmpVariable.of("ifIndex.3", "3", "INTEGER"));
            try (io.varbind.Session v2 = io.varbind.Session.builder().hostname("127.0.0.1:" + port).version(2)
                    .community("traps").timeout(5).retries(2).build();
                    io.varbind.Session v1 = io.varbind.Session.builder().hostname("127.0.0.1:" + port).version(1)
                            .community("other").timeout(5).retries(0).build();
                    io.varbind.Session v3 = io.varbind.Session.builder().hostname("127.0.0.1:" + port).version(3)
                            .securityUsername("trapuser").securityLevel("authPriv").authProtocol("SHA-256")
                            .authPassword("trap-auth-pass").privacyProtocol("AES").privacyPassword("trap-priv-pass")
                            .timeout(5).retries(2).build()) {
                // the task may still be binding: resend until the first inform is answered
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try {
                        v2.inform("IF-MIB::linkDown", vars);
                        break;
                    } catch (io.varbind.SnmpException e) {
                        if (System.nanoTime() > end) {
                            throw e;
                        }
                    }
                }
                List<Poll> afterInform = readUntil(topic, Duration.ofSeconds(5), all -> !all.isEmpty());
                assertEquals("INFORM", afterInform.get(0).value().getString("kind"), "answered only once in Kafka");
                v2.trap("IF-MIB::linkUp", vars);
                v1.trapV1(".1.3.6.1.4.1.8072.9999", "127.0.0.1", 6, 42, vars);
                v3.inform("IF-MIB::linkUp", vars);
            }
            List<Poll> all = readUntil(topic, Duration.ofSeconds(30), r -> r.size() >= 4);
            Map<String, Struct> byKind = new HashMap<>();
            for (Poll p : all) {
                Struct v = p.value();
                assertTrue(p.target().startsWith("127.0.0.1:"), p.target());
                assertEquals(p.target(), v.getString("source"));
                assertEquals("udp", v.getString("transport"));
                byKind.put(v.getString("kind") + v.getInt32("version"), v);
                List<Object> vs = v.getArray("variables");
                Struct last = (Struct) vs.get(vs.size() - 1);
                assertEquals(List.of("ifIndex", "3", "3"), List.of(last.getString("name"), last.getString("index"),
                        last.getString("value")));
                assertEquals(".1.3.6.1.2.1.2.2.1.1.3", last.getString("oid"));
            }
            assertEquals(Set.of("INFORM2", "TRAP2", "TRAP_V11", "INFORM3"), byKind.keySet());
            assertEquals(".1.3.6.1.6.3.1.1.5.3", byKind.get("INFORM2").getString("trap_oid"));
            assertEquals("traps", byKind.get("TRAP2").getString("community"));
            assertEquals(".1.3.6.1.6.3.1.1.5.4", byKind.get("TRAP2").getString("trap_oid"));
            assertEquals(".1.3.6.1.4.1.8072.9999.0.42", byKind.get("TRAP_V11").getString("trap_oid"));
            assertEquals("other", byKind.get("TRAP_V11").getString("community"));
            Struct v3 = byKind.get("INFORM3");
            assertNull(v3.get("community"));
            assertEquals(List.of("trapuser", "authPriv"), List.of(v3.getString("security_name"),
                    v3.getString("security_level")));
            assertTrue(v3.getInt64("uptime") >= 0);
        } finally {
            connect.deleteConnector("traps");
        }
    }

    /**
     * At least once across a restart: informs sent every 100 ms by a Varbind session with retries,
     * before, while and after the worker running the trap task is stopped and the task moves to the
     * other worker (which binds the same endpoint: one host). Every inform is answered, and each
     * one's record is in the topic (once or more: a retry of one whose answer was lost repeats it);
     * at least one was answered only after the restart, so it did cross it.
     */
    @Test
    void anInformSentWhileTheTasksWorkerRestartsIsStillDelivered() throws Exception {
        String topic = "snmp-traps-restart";
        int port = io.varbind.testing.SnmpdAgent.freePort();
        connect.configureConnector("restart", trapConnector(topic, port, "restart"));
        boolean removed = false;
        java.util.concurrent.ScheduledExecutorService sender = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        try (io.varbind.Session s = io.varbind.Session.builder().hostname("127.0.0.1:" + port).version(2)
                .community("restart").timeout(1).retries(60).build()) {
            awaitRunning("restart", 1);
            String first = connect.connectorStatus("restart").tasks().get(0).workerId();
            org.apache.kafka.connect.util.clusters.WorkerHandle running = connect.workers().stream()
                    .filter(w -> first.equals(w.url().getHost() + ":" + w.url().getPort())).findFirst()
                    .orElseThrow(() -> new AssertionError("no worker " + first + " in " + connect.workers()));
            s.inform("IF-MIB::linkDown", List.of(io.varbind.SnmpVariable.of("ifIndex.1", "0", "INTEGER")));
            List<java.util.concurrent.CompletableFuture<Long>> informs =
                    java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(1);
            sender.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                long sent = System.nanoTime();
                informs.add(s.informAsync("IF-MIB::linkDown",
                        List.of(io.varbind.SnmpVariable.of("ifIndex.1", String.valueOf(i), "INTEGER")))
                        .thenApply(ok -> (System.nanoTime() - sent) / 1_000_000));
            }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
            Thread.sleep(500);
            connect.removeWorker(running);
            removed = true;
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) { // running again, on the other worker
                ConnectorStateInfo st = connect.connectorStatus("restart");
                if (st.tasks().size() == 1 && "RUNNING".equals(st.tasks().get(0).state())
                        && !first.equals(st.tasks().get(0).workerId())) {
                    break;
                }
                assertTrue(System.nanoTime() < end, "the trap task did not move to the other worker: " + st);
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            sender.shutdown();
            assertTrue(sender.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS));
            long slowest = 0;
            List<java.util.concurrent.CompletableFuture<Long>> all;
            synchronized (informs) {
                all = new ArrayList<>(informs);
            }
            for (java.util.concurrent.CompletableFuture<Long> f : all) {
                slowest = Math.max(slowest, f.get(90, java.util.concurrent.TimeUnit.SECONDS));
            }
            int sent = all.size();
            System.out.println("restart: " + sent + " informs answered, the slowest after " + slowest + " ms");
            assertTrue(slowest > 1000, "no inform crossed the restart (slowest answered after " + slowest + " ms)");
            List<Poll> records = readUntil(topic, Duration.ofSeconds(30), r -> valuesOf(r).size() == sent + 1);
            assertEquals(sent + 1, valuesOf(records).size());
            for (Poll p : records) {
                assertEquals("INFORM", p.value().getString("kind"));
            }
        } finally {
            sender.shutdownNow();
            connect.deleteConnector("restart");
            if (removed) {
                connect.addWorker();
            }
        }
    }

    /** A trap connector's config on {@code udp:127.0.0.1:port} into {@code topic}, which it creates. */
    private static Map<String, String> trapConnector(String topic, int port, String communities) {
        connect.kafka().createTopic(topic, 1);
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", SnmpTrapSourceConnector.class.getName());
        c.put("topic", topic);
        c.put("snmp.listen", "udp:127.0.0.1:" + port);
        c.put("snmp.community", communities);
        return c;
    }

    /** The distinct values of the last variable of each notification record (the test's inform numbers). */
    private static Set<String> valuesOf(List<Poll> records) {
        Set<String> values = new HashSet<>();
        for (Poll p : records) {
            List<Object> vs = p.value().getArray("variables");
            values.add(((Struct) vs.get(vs.size() - 1)).getString("value"));
        }
        return values;
    }

    @Test
    void badTrapConfigsAreRefusedWithClearErrors() {
        Map<String, String> base = Map.of("connector.class", SnmpTrapSourceConnector.class.getName(), "topic", "t");
        assertEquals(List.of(), trapErrors(base));
        assertTrapRefused(base, "snmp.listen", "'udp:127.0.0.1:99999'", "snmp.listen", "udp:127.0.0.1:99999");
        assertTrapRefused(base, "snmp.auth.protocol", "unknown authentication protocol", "snmp.security.name", "u",
                "snmp.auth.protocol", "MD6");
        assertTrapRefused(base, "snmp.auth.password", "at least 8", "snmp.security.name", "u",
                "snmp.auth.protocol", "SHA", "snmp.auth.password", "short");
        assertTrapRefused(base, "snmp.priv.protocol", "privacy needs authentication", "snmp.security.name", "u",
                "snmp.priv.protocol", "AES", "snmp.priv.password", "long enough");
        assertTrapRefused(base, "snmp.sender.engine.id", "5 to 32 octets", "snmp.security.name", "u",
                "snmp.sender.engine.id", "8000");
    }

    private static List<String> trapErrors(Map<String, String> config) {
        List<String> errors = new ArrayList<>();
        for (org.apache.kafka.common.config.ConfigValue v : new SnmpTrapSourceConnector().validate(config).configValues()) {
            for (String m : v.errorMessages()) {
                errors.add(v.name() + ": " + m);
            }
        }
        return errors;
    }

    private static void assertTrapRefused(Map<String, String> base, String key, String text, String... keyValues) {
        Map<String, String> c = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put(keyValues[i], keyValues[i + 1]);
        }
        List<String> errors = trapErrors(c);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(key + ": ") && errors.get(0).contains(text), errors.toString());
        assertThrows(org.apache.kafka.common.config.ConfigException.class, () -> new SnmpTrapSourceConnector().start(c));
    }
}
