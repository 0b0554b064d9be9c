package io.varbind.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.PollResult;
import io.varbind.PollTarget;
import io.varbind.Poller;
import io.varbind.engine.HostileResponder;
import io.varbind.engine.HostileResponder.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector without a cluster: config checks, target sharding, records and their converters. */
class SnmpPollSourceConnectorTest {

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        m.put("topic", "snmp");
        m.put("snmp.targets", "udp:127.0.0.1:1161");
        m.put("snmp.oids", "sysDescr.0");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Every error message of a validation, key: message. */
    private static List<String> errors(Map<String, String> config) {
        List<String> out = new ArrayList<>();
        for (ConfigValue v : new SnmpPollSourceConnector().validate(config).configValues()) {
            for (String e : v.errorMessages()) {
                out.add(v.name() + ": " + e);
            }
        }
        return out;
    }

    private static void refused(String expectedKey, String expectedText, String... keyValues) {
        List<String> errors = errors(config(keyValues));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(expectedKey + ": "), errors.toString());
        assertTrue(errors.get(0).contains(expectedText), errors.toString());
        assertThrows(ConfigException.class, () -> new SnmpPollSourceConnector().start(config(keyValues)));
    }

    @Test
    void aGoodConfigHasNoErrors() {
        assertEquals(List.of(), errors(config()));
        assertEquals(List.of(), errors(config("snmp.version", "3", "snmp.security.name", "alice",
                "snmp.security.level", "authPriv", "snmp.auth.password", "authpass1", "snmp.priv.password", "privpass1",
                "snmp.walk", "ifTable", "snmp.targets", "a.example:161, tcp:b.example:1161 version=1 community=x")));
        assertEquals(List.of(), errors(config("snmp.oids", "", "snmp.tables", "ifTable, IF-MIB::ifXTable, ifEntry, "
                + ".1.3.6.1.2.1.25.3.2, .1.3.6.1.4.1.99999.1")));
    }

    @Test
    void badConfigsAreRefusedWithClearErrors() {
        List<String> noTopic = errors(Map.of("snmp.targets", "h", "snmp.oids", "sysDescr.0"));
        assertTrue(noTopic.toString().contains("topic: Missing required configuration"), noTopic.toString());
        refused("snmp.version", "String must be one of: 1, 2c, 2, 3", "snmp.version", "4");
        refused("snmp.security.level", "unknown security level", "snmp.security.level", "sometimes");
        refused("snmp.auth.protocol", "unknown authentication protocol", "snmp.auth.protocol", "MD6");
        refused("snmp.priv.protocol", "unknown privacy protocol", "snmp.priv.protocol", "ROT13");
        refused("snmp.interval.ms", "at least 10", "snmp.interval.ms", "0");
        refused("snmp.retries", "", "snmp.retries", "-1");
        refused("record.mode", "poll, variable", "record.mode", "table");
        refused("snmp.targets", "no targets", "snmp.targets", "");
        refused("snmp.oids", "nothing to read", "snmp.oids", "");
        refused("snmp.tables", "'sysDescr' is not a table: SNMPv2-MIB::sysDescr", "snmp.tables", "ifTable, sysDescr");
        refused("snmp.tables", "'system' is not a table", "snmp.tables", "system");
        refused("snmp.tables", "'NO-SUCH-MIB::fooTable' is not an OID or a name in the MIBs", "snmp.tables",
                "NO-SUCH-MIB::fooTable");
        refused("snmp.targets", "listed twice", "snmp.targets", "h1:161, h1:161");
        refused("snmp.targets", "'colour=red' is not one of", "snmp.targets", "h1:161 colour=red");
        refused("snmp.targets", "must start with the agent", "snmp.targets", "version=3");
        refused("snmp.targets", "target h1: version 5 is not", "snmp.targets", "h1 version=5");
        refused("snmp.targets", "has no user", "snmp.version", "3");
        refused("snmp.auth.password", "needs snmp.auth.password of at least 8", "snmp.version", "3",
                "snmp.security.name", "alice", "snmp.security.level", "authNoPriv", "snmp.auth.password", "short");
        refused("snmp.priv.password", "needs snmp.priv.password", "snmp.targets", "h2 version=3 security.name=bob "
                + "security.level=authPriv", "snmp.auth.password", "long enough");
        refused("snmp.targets", "target h3:99999: port 99999 in hostname h3:99999 is outside", "snmp.targets", "h3:99999");
        refused("snmp.targets.file", "cannot be read", "snmp.targets.file", "/no/such/file");
    }

    @Test
    void noSecretInAnError() {
        String secret = "s3cret-passphrase";
        List<String> errors = errors(config("snmp.version", "3", "snmp.security.name", "alice",
                "snmp.security.level", "authPriv", "snmp.auth.password", secret, "snmp.priv.password", "tiny"));
        assertEquals(1, errors.size());
        assertFalse(errors.get(0).contains(secret) || errors.get(0).contains("tiny"), errors.get(0));
        assertFalse(new SnmpPollConfig(config("snmp.auth.password", secret)).toString().contains(secret));
    }

    @Test
    void targetsFromTheListAndAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "# core\n10.0.0.1:161 version=1 community=old\n\n10.0.0.2   # edge\n",
                StandardCharsets.UTF_8);
        SnmpPollConfig c = new SnmpPollConfig(config("snmp.targets", "udp:127.0.0.1:1161", "snmp.targets.file",
                file.toString()));
        List<TargetSpec> targets = c.targets();
        assertEquals(List.of("udp:127.0.0.1:1161", "10.0.0.1:161", "10.0.0.2"),
                targets.stream().map(TargetSpec::address).toList());
        assertEquals(Map.of("version", "1", "community", "old"), targets.get(1).overrides());
        PollTarget t = c.pollTarget(targets.get(1));
        assertEquals(1, t.version());
        assertEquals("10.0.0.1", t.hostname());
        assertEquals(Duration.ofSeconds(60), t.interval());
    }

    @Test
    void rendezvousShardingMovesFewTargets() {
        List<TargetSpec> targets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            targets.add(TargetSpec.parse("10.1." + (i / 250) + "." + (i % 250) + ":161"));
        }
        Map<String, Integer> four = owners(targets, 4);
        for (int n : counts(four, 4)) {
            assertTrue(n > 400 && n < 600, "an uneven share of 2000 over 4: " + n);
        }
        Map<String, Integer> five = owners(targets, 5);
        int moved = 0;
        for (String t : four.keySet()) {
            if (!four.get(t).equals(five.get(t))) {
                moved++;
                assertEquals(4, five.get(t), "a target moved between two old tasks");
            }
        }
        assertTrue(moved > 300 && moved < 500, moved + " of 2000 moved from 4 to 5 tasks (about 400 expected)");
        List<TargetSpec> fewer = new ArrayList<>(targets.subList(0, 1500));
        fewer.add(TargetSpec.parse("new.example:161"));
        Map<String, Integer> changed = owners(fewer, 4);
        for (TargetSpec t : targets.subList(0, 1500)) {
            assertEquals(four.get(t.address()), changed.get(t.address()), "an unchanged target moved");
        }
    }

    private static Map<String, Integer> owners(List<TargetSpec> targets, int tasks) {
        Map<String, Integer> owner = new HashMap<>();
        List<List<TargetSpec>> shares = TargetAssignment.assign(targets, tasks);
        for (int i = 0; i < shares.size(); i++) {
            for (TargetSpec t : shares.get(i)) {
                assertNull(owner.put(t.address(), i), "a target in two tasks");
            }
        }
        assertEquals(targets.size(), owner.size());
        return owner;
    }

    private static int[] counts(Map<String, Integer> owners, int tasks) {
        int[] n = new int[tasks];
        owners.values().forEach(i -> n[i]++);
        return n;
    }

    @Test
    void taskConfigsCarryEachTargetOnce() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            list.append(i == 0 ? "" : ",").append("h").append(i).append(i % 2 == 0 ? "" : " community=odd");
        }
        SnmpPollSourceConnector c = new SnmpPollSourceConnector();
        c.start(config("snmp.targets", list.toString()));
        Set<String> seen = new HashSet<>();
        List<Map<String, String>> tasks = c.taskConfigs(3);
        assertEquals(3, tasks.size());
        for (Map<String, String> t : tasks) {
            assertEquals("snmp", t.get("topic"));
            for (TargetSpec s : new SnmpPollConfig(t).taskTargets()) {
                assertTrue(seen.add(s.line()), s.line());
            }
        }
        assertEquals(100, seen.size());
        assertTrue(seen.contains("h1 community=odd"));
        assertEquals(2, c.taskConfigs(2).size());
        SnmpPollSourceConnector one = new SnmpPollSourceConnector();
        one.start(config());
        assertEquals(1, one.taskConfigs(8).size(), "no task without targets");
        assertEquals(SnmpPollSourceTask.class, c.taskClass());
        assertTrue(SourceConnector.class.isAssignableFrom(
                java.util.ServiceLoader.load(SourceConnector.class).findFirst().orElseThrow().getClass()));
    }

    @Test
    void recordsOfAPollThroughJsonWithAndWithoutSchemas() throws Exception {
        PollResult ok;
        PollResult failed;
        try (HostileResponder good = new HostileResponder(Mode.GOOD, 1, 0);
                HostileResponder drop = new HostileResponder(Mode.DROP, 1, 0);
                Poller p = Poller.builder().build()) {
            p.add(PollTarget.builder("good").session(s -> s.hostname("127.0.0.1:" + good.address(0).getPort())
                    .version(2)).get("sysDescr.0", "1.3.6.1.9.1").walk("1.3.6.1.9").interval(Duration.ofMillis(100))
                    .build());
            p.add(PollTarget.builder("dead").session(s -> s.hostname("127.0.0.1:" + drop.address(0).getPort())
                    .version(2).timeout(0.05).retries(0)).get("sysDescr.0").interval(Duration.ofMillis(100)).build());
            PollResult a = null;
            PollResult b = null;
            while (a == null || b == null) {
                PollResult r = p.poll(Duration.ofSeconds(10));
                if ("good".equals(r.target())) {
                    a = r;
                } else {
                    b = r;
                }
            }
            ok = a;
            failed = b;
        }
        List<SourceRecord> out = new ArrayList<>();
        PollRecords perPoll = new PollRecords("snmp", false, false);
        perPoll.add(ok, out);
        perPoll.add(failed, out);
        assertEquals(2, out.size());
        SourceRecord rec = out.get(0);
        assertEquals("good", rec.key());
        assertEquals(ok.actualStart().toEpochMilli(), rec.timestamp());
        Struct v = (Struct) rec.value();
        assertNull(v.get("error"));
        List<?> vars = v.getArray("variables");
        assertEquals(7, vars.size());
        Struct first = (Struct) vars.get(0);
        assertEquals(".1.3.6.1.2.1.1.1.0", first.get("oid"));
        assertEquals("sysDescr", first.get("name"));
        assertEquals("0", first.get("index"));
        assertEquals("OCTETSTR", first.get("type"));
        assertEquals("ok", first.get("value"));
        assertEquals(".1.3.6.1.9.1", ((Struct) vars.get(1)).get("oid"));
        Struct dead = (Struct) out.get(1).value();
        assertTrue(dead.getString("error").startsWith("SnmpTimeoutException"), dead.getString("error"));
        assertTrue(dead.getArray("variables").isEmpty());

        JsonConverter withSchemas = new JsonConverter();
        withSchemas.configure(Map.of("schemas.enable", "true"), false);
        String json = new String(withSchemas.fromConnectData("snmp", rec.valueSchema(), rec.value()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"name\":\"io.varbind.kafka.Poll\""), json);
        assertTrue(json.contains("\"field\":\"duration.ms\""), json);
        Struct back = (Struct) withSchemas.toConnectData("snmp", json.getBytes(StandardCharsets.UTF_8)).value();
        assertEquals(v.getString("target"), back.getString("target"));
        assertEquals(7, back.getArray("variables").size());
        JsonConverter plain = new JsonConverter();
        plain.configure(Map.of("schemas.enable", "false"), false);
        String bare = new String(plain.fromConnectData("snmp", rec.valueSchema(), rec.value()), StandardCharsets.UTF_8);
        assertTrue(bare.startsWith("{\"target\":\"good\",\"timestamp\":" + rec.timestamp() + ",\"duration.ms\":"), bare);
        assertTrue(bare.contains("{\"oid\":\".1.3.6.1.2.1.1.1.0\",\"name\":\"sysDescr\",\"index\":\"0\","
                + "\"type\":\"OCTETSTR\",\"value\":\"ok\"}"), bare);

        List<SourceRecord> each = new ArrayList<>();
        PollRecords perVariable = new PollRecords("snmp", true, true);
        perVariable.add(ok, each);
        perVariable.add(failed, each);
        assertEquals(8, each.size());
        Struct one = (Struct) each.get(6).value();
        assertEquals("good", one.get("target"));
        assertEquals(".1.3.6.1.9.1", ((Struct) each.get(2).value()).getString("oid"));
        assertTrue(one.schema().field("duration_ms") != null && one.schema().field("duration.ms") == null);
        Struct err = (Struct) each.get(7).value();
        assertNull(err.get("oid"));
        assertTrue(err.getString("error").startsWith("SnmpTimeoutException"));
    }
}
