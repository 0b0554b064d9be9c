package io.varbind.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import io.varbind.testing.SnmpdAgent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The trap task without a cluster: an inform is answered when Connect commits its record, not before. */
class SnmpTrapSourceTaskTest {

    @Test
    void anInformIsAnsweredOnlyWhenItsRecordIsCommitted() throws Exception {
        int port = SnmpdAgent.freePort();
        SnmpTrapSourceTask task = new SnmpTrapSourceTask();
        task.start(Map.of("topic", "t", "snmp.listen", "udp:127.0.0.1:" + port, "snmp.community", "c"));
        try (Session s = Session.builder().hostname("127.0.0.1:" + port).version(2).community("c").timeout(10)
                .retries(0).build()) {
            CompletableFuture<Void> f = s.informAsync("IF-MIB::linkDown", List.of(SnmpVariable.of("ifIndex.1", "1")));
            List<SourceRecord> records = null;
            for (int i = 0; i < 10 && records == null; i++) {
                records = task.poll();
            }
            assertNotNull(records);
            assertEquals(1, records.size());
            SourceRecord r = records.get(0);
            assertEquals("INFORM", ((Struct) r.value()).getString("kind"));
            Thread.sleep(300);
            assertFalse(f.isDone(), "answered before Kafka had the record");
            task.commitRecord(r, null);
            f.get(5, TimeUnit.SECONDS);
        } finally {
            task.stop();
        }
    }

    /**
     * Several v3 users on one task (the single-user keys and {@code snmp.users}): informs of users of
     * the receiver's engine at each level, and traps of users of two sender engines, each becomes a
     * record with its user's name; a user not configured, or a right name with the wrong key, does not.
     */
    @Test
    void severalV3UsersOnOneTask() throws Exception {
        int port = SnmpdAgent.freePort();
        String senderA = "8000000001aabbccdd";
        String senderB = "8000000001eeff0011";
        SnmpTrapSourceTask task = new SnmpTrapSourceTask();
        task.start(Map.of("topic", "t", "snmp.listen", "udp:127.0.0.1:" + port, "snmp.community", "",
                "snmp.security.name", "single", "snmp.auth.protocol", "SHA", "snmp.auth.password", "single-auth",
                "snmp.users", "informer SHA-256 informer-auth AES informer-priv; plain;"
                        + "-e " + senderA + " trapper MD5 trapper-auth DES; -e " + senderB + " trapper SHA-512 other-auth"));
        List<String> expected = List.of("single/authNoPriv", "informer/authPriv", "plain/noAuthNoPriv",
                "trapper/authPriv", "trapper/authNoPriv");
        try (Session single = v3(port, "single", "authNoPriv", "SHA", "single-auth", null, null, null);
                Session informer = v3(port, "informer", "authPriv", "SHA-256", "informer-auth", "AES", "informer-priv",
                        null);
                Session plain = v3(port, "plain", "noAuthNoPriv", null, null, null, null, null);
                Session trapperA = v3(port, "trapper", "authPriv", "MD5", "trapper-auth", "DES", "trapper-auth",
                        senderA);
                Session trapperB = v3(port, "trapper", "authNoPriv", "SHA-512", "other-auth", null, null, senderB);
                Session wrongKey = v3(port, "trapper", "authNoPriv", "SHA-512", "wrong-pass", null, null, senderB);
                Session unknown = v3(port, "nobody", "noAuthNoPriv", null, null, null, null, senderA)) {
            List<SnmpVariable> vars = List.of(SnmpVariable.of("ifIndex.1", "1"));
            List<CompletableFuture<Void>> informs = List.of(single.informAsync("IF-MIB::linkDown", vars),
                    informer.informAsync("IF-MIB::linkDown", vars), plain.informAsync("IF-MIB::linkDown", vars));
            wrongKey.trap("IF-MIB::linkUp", vars);
            unknown.trap("IF-MIB::linkUp", vars);
            trapperA.trap("IF-MIB::linkUp", vars);
            trapperB.trap("IF-MIB::linkUp", vars);
            List<String> seen = new java.util.ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen.size() < expected.size() && System.nanoTime() < end) {
                List<SourceRecord> records = task.poll();
                for (SourceRecord r : records == null ? List.<SourceRecord>of() : records) {
                    Struct v = (Struct) r.value();
                    seen.add(v.getString("security_name") + "/" + v.getString("security_level"));
                    task.commitRecord(r, null);
                }
            }
            for (CompletableFuture<Void> f : informs) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(seen), seen.toString());
            assertEquals(expected.size(), seen.size(), "a trap of an unknown user or with a wrong key came through: "
                    + seen);
            Thread.sleep(300);
            List<SourceRecord> more = task.poll();
            assertEquals(null, more, "a trap of an unknown user or with a wrong key came through");
        } finally {
            task.stop();
        }
    }

    private static Session v3(int port, String user, String level, String auth, String authPass, String priv,
            String privPass, String senderEngineId) {
        Session.Builder b = Session.builder().hostname("127.0.0.1:" + port).version(3).securityUsername(user)
                .securityLevel(level).timeout(5).retries(1);
        if (auth != null) {
            b.authProtocol(auth).authPassword(authPass);
        }
        if (priv != null) {
            b.privacyProtocol(priv).privacyPassword(privPass);
        }
        if (senderEngineId != null) {
            b.securityEngineId(senderEngineId);
        }
        return b.build();
    }
}
