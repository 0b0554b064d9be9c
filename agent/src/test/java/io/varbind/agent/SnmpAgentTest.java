package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpException;
import io.varbind.SnmpVariable;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.testing.NetSnmpTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddable agent: static data and a handler's subtree walked together in OID order, SETs
 * through RFC 3416's test/commit/undo, and views answered as snmpd answers them, each checked
 * with Varbind's own {@link Session} and with Net-SNMP's tools.
 */
@Tag("agent")
class SnmpAgentTest {

    static final String E = "1.3.6.1.4.1.99999";
    static final String ROWS = E + ".2";

    /** Static data around and inside the handler's subtree (the one inside must stay hidden). */
    static final String DATA = String.join("\n",
            "." + E + ".1.1.0 = STRING: \"before\"",
            "." + E + ".1.2.0 = INTEGER: 7",
            "." + ROWS + ".1.1 = STRING: \"hidden by the handler\"",
            "." + E + ".3.1.0 = STRING: \"after\"",
            "");

    /**
     * Three rows: column 1 a Counter32 that moves on every read, column 2 a writable INTEGER that
     * must be 0..1000 (wrongValue otherwise) and whose commit fails for 666.
     */
    static final class Rows implements SubtreeHandler {
        final AtomicLong reads = new AtomicLong();
        final AtomicLongArray values = new AtomicLongArray(new long[] {0, 10, 20, 30});
        final List<String> journal = new ArrayList<>();
        final Oid root = Oid.parse(ROWS);

        private int row(Oid instance, int column) {
            if (instance.size() != root.size() + 2 || !instance.startsWith(root) || instance.arc(root.size()) != column) {
                return -1;
            }
            long r = instance.arc(root.size() + 1);
            return r >= 1 && r <= 3 ? (int) r : -1;
        }

        @Override
        public Variable get(Oid instance) {
            int c1 = row(instance, 1);
            if (c1 > 0) {
                return Variable.counter32(1000L * c1 + reads.incrementAndGet());
            }
            int c2 = row(instance, 2);
            return c2 > 0 ? Variable.integer((int) values.get(c2)) : null;
        }

        @Override
        public VarBind next(Oid oid) {
            for (int column = 1; column <= 2; column++) {
                for (int r = 1; r <= 3; r++) {
                    Oid candidate = root.append(column, r);
                    if (candidate.compareTo(oid) > 0) {
                        return new VarBind(candidate, get(candidate));
                    }
                }
            }
            return null;
        }

        @Override
        public int test(Oid instance, Variable value) {
            if (row(instance, 2) < 0) {
                return row(instance, 1) > 0 ? ErrorStatus.NOT_WRITABLE : ErrorStatus.NO_CREATION;
            }
            if (value.tag() != io.varbind.codec.BerTags.INTEGER) {
                return ErrorStatus.WRONG_TYPE;
            }
            return value.intValue() < 0 || value.intValue() > 1000 ? ErrorStatus.WRONG_VALUE : ErrorStatus.NO_ERROR;
        }

        @Override
        public synchronized void commit(Oid instance, Variable value) {
            if (value.intValue() == 666) {
                throw new IllegalStateException("the device refused");
            }
            journal.add("commit " + instance + "=" + value.intValue());
            values.set(row(instance, 2), value.intValue());
        }

        @Override
        public synchronized void undo(Oid instance, Variable previous) {
            journal.add("undo " + instance + "=" + previous.intValue());
            values.set(row(instance, 2), previous.intValue());
        }
    }

    @TempDir
    static Path dir;
    static Rows rows = new Rows();
    static SnmpAgent agent;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        NetSnmpTools.requireInstalled();
        Path data = dir.resolve("data.walk");
        Files.writeString(data, DATA, StandardCharsets.ISO_8859_1);
        agent = SnmpAgent.builder()
                .listen("udp:127.0.0.1:0", "tcp:127.0.0.1:0")
                .community("public").writeCommunity("private")
                .community("narrow", View.read(E + ".1"))
                .writeCommunity("rowsonly", View.read(E).write(ROWS))
                .user("admin", "SHA", "authpass1", "AES", "privpass1")
                .readOnlyUser("reader", "SHA", "authpass2", null, null)
                .user("nobody", "SHA", "authpass3", null, null, View.read())
                .engineId("80001f8804a1b2c3d4")
                .data(data)
                .handler(ROWS, rows)
                .build();
        port = agent.udpEndpoints().get(0).getPort();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    static Session v2(String community) {
        return Session.builder().hostname("127.0.0.1").remotePort(port).version(2).community(community)
                .useNumeric(true).timeout(2).retries(0).build();
    }

    static String full(SnmpVariable v) {
        return v.oidIndex().isEmpty() ? v.oid() : v.oid() + "." + v.oidIndex();
    }

    static NetSnmpTools.Result tool(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/" + args[0]);
        cmd.addAll(List.of(args).subList(1, args.length));
        return NetSnmpTools.run(dir, cmd);
    }

    static final List<String> WALK_ORDER = List.of(
            "." + E + ".1.1.0", "." + E + ".1.2.0",
            "." + ROWS + ".1.1", "." + ROWS + ".1.2", "." + ROWS + ".1.3",
            "." + ROWS + ".2.1", "." + ROWS + ".2.2", "." + ROWS + ".2.3",
            "." + E + ".3.1.0");

    @Test
    void staticDataAndHandlerWalkTogetherInOidOrder() {
        try (Session s = v2("public")) {
            assertEquals(WALK_ORDER, s.walk(E).stream().map(SnmpAgentTest::full).toList());
            assertEquals(WALK_ORDER, s.bulkwalk(E, 0, 2).stream().map(SnmpAgentTest::full).toList());
            assertEquals(WALK_ORDER, s.bulkwalk(E, 0, 50).stream().map(SnmpAgentTest::full).toList());
        }
        for (String t : List.of("udp", "tcp")) {
            int p = t.equals("udp") ? port : agent.tcpEndpoints().get(0).getPort();
            for (String w : List.of("snmpwalk", "snmpbulkwalk")) {
                NetSnmpTools.Result r = w.equals("snmpwalk")
                        ? tool(w, "-v2c", "-c", "public", "-On", t + ":127.0.0.1:" + p, E)
                        : tool(w, "-v2c", "-c", "public", "-On", "-Cr3", t + ":127.0.0.1:" + p, E);
                assertEquals(0, r.exitCode(), r.err());
                // the data ends the tree, so the walk ends at the end of the view, as snmpwalk prints it
                List<String> oids = r.lines().stream().filter(l -> !l.contains("No more variables"))
                        .map(l -> l.substring(0, l.indexOf(' '))).toList();
                assertEquals(WALK_ORDER, oids, w + " over " + t + ": " + r.out());
            }
        }
    }

    @Test
    void handlerValuesAreComputedAtRequestTime() {
        try (Session s = v2("public")) {
            long a = Long.parseLong(s.get(ROWS + ".1.2").value());
            long b = Long.parseLong(s.get(ROWS + ".1.2").value());
            assertTrue(b > a, a + " then " + b);
            assertEquals("COUNTER", s.get(ROWS + ".1.2").snmpType());
            // an instance the handler does not have, beside ones it has: noSuchInstance
            assertEquals("NOSUCHINSTANCE", s.get(ROWS + ".1.9").snmpType());
            assertEquals("NOSUCHOBJECT", s.get(E + ".9.0").snmpType());
        }
    }

    @Test
    void setGoesThroughTestCommitAndUndo() {
        try (Session s = v2("private")) {
            assertTrue(s.set(ROWS + ".2.1", 11, "INTEGER"));
            assertEquals("11", s.get(ROWS + ".2.1").value());
            SnmpException wrong = assertThrows(SnmpException.class, () -> s.set(ROWS + ".2.1", 5000, "INTEGER"));
            assertTrue(wrong.getMessage().contains("wrongValue"), wrong.getMessage());
            rows.journal.clear();
            // the static binding and the first row commit, the third fails: both are taken back
            SnmpException failed = assertThrows(SnmpException.class, () -> s.setMultiple(List.of(
                    SnmpVariable.of(E + ".1.2.0", 8, "INTEGER"),
                    SnmpVariable.of(ROWS + ".2.2", 21, "INTEGER"),
                    SnmpVariable.of(ROWS + ".2.3", 666, "INTEGER"))));
            assertTrue(failed.getMessage().contains("commitFailed"), failed.getMessage());
            assertEquals(List.of("commit " + ROWS + ".2.2=21", "undo " + ROWS + ".2.2=20"), rows.journal);
            assertEquals("20", s.get(ROWS + ".2.2").value());
            assertEquals("7", s.get(E + ".1.2.0").value());
            assertEquals("NOSUCHINSTANCE", s.get(ROWS + ".2.9").snmpType());
        }
        NetSnmpTools.Result notWritable = tool("snmpset", "-v2c", "-c", "private", "-On",
                "udp:127.0.0.1:" + port, ROWS + ".1.1", "u", "5");
        assertTrue(notWritable.err().contains("notWritable"), notWritable.err());
        NetSnmpTools.Result ok = tool("snmpset", "-v2c", "-c", "private", "-On", "udp:127.0.0.1:" + port,
                ROWS + ".2.3", "i", "33");
        assertEquals("." + ROWS + ".2.3 = INTEGER: 33\n", ok.out(), ok.err());
    }

    @Test
    void viewsAnswerAsSnmpdDoes() {
        String udp = "udp:127.0.0.1:" + port;
        try (Session s = v2("narrow")) {
            assertEquals(List.of("." + E + ".1.1.0", "." + E + ".1.2.0"),
                    s.walk(E).stream().map(SnmpAgentTest::full).toList());
            assertEquals("NOSUCHOBJECT", s.get(E + ".3.1.0").snmpType());
            assertEquals("NOSUCHOBJECT", s.get(ROWS + ".1.1").snmpType());
        }
        // snmpd's answers for a read view of .1 only (checked against snmpd 5.9 with "view ... included")
        NetSnmpTools.Result get = tool("snmpget", "-v2c", "-c", "narrow", "-On", udp, E + ".3.1.0");
        assertEquals("." + E + ".3.1.0 = No Such Object available on this agent at this OID\n", get.out());
        NetSnmpTools.Result next = tool("snmpgetnext", "-v2c", "-c", "narrow", "-On", udp, E + ".1.2.0");
        assertTrue(next.out().contains("No more variables left in this MIB View"), next.out());
        NetSnmpTools.Result v1 = tool("snmpget", "-v1", "-c", "narrow", "-On", udp, E + ".3.1.0");
        assertTrue(v1.err().contains("noSuchName"), v1.err());
        // read-only community, and a write view that does not cover the object: noAccess
        NetSnmpTools.Result ro = tool("snmpset", "-v2c", "-c", "public", "-On", udp, E + ".1.2.0", "i", "1");
        assertTrue(ro.err().contains("noAccess"), ro.err());
        NetSnmpTools.Result outside = tool("snmpset", "-v2c", "-c", "rowsonly", "-On", udp, E + ".1.2.0", "i", "1");
        assertTrue(outside.err().contains("noAccess"), outside.err());
        NetSnmpTools.Result inside = tool("snmpset", "-v2c", "-c", "rowsonly", "-On", udp, ROWS + ".2.1", "i", "12");
        assertEquals("." + ROWS + ".2.1 = INTEGER: 12\n", inside.out(), inside.err());
        // v3: a read-only user may not SET; a user with no view at all gets authorizationError
        NetSnmpTools.Result reader = tool("snmpset", "-v3", "-l", "authNoPriv", "-u", "reader", "-a", "SHA",
                "-A", "authpass2", "-On", udp, ROWS + ".2.1", "i", "13");
        assertTrue(reader.err().contains("noAccess"), reader.err());
        NetSnmpTools.Result nobody = tool("snmpget", "-v3", "-l", "authNoPriv", "-u", "nobody", "-a", "SHA",
                "-A", "authpass3", "-On", udp, E + ".1.1.0");
        assertTrue(nobody.err().contains("authorizationError"), nobody.err());
        // and the read-write user reads and writes everything, over v3 with privacy
        NetSnmpTools.Result admin = tool("snmpset", "-v3", "-l", "authPriv", "-u", "admin", "-a", "SHA",
                "-A", "authpass1", "-x", "AES", "-X", "privpass1", "-On", udp, E + ".1.1.0", "s", "changed");
        assertEquals("." + E + ".1.1.0 = STRING: \"changed\"\n", admin.out(), admin.err());
    }

    @Test
    void aUserWithPrivacyIsAnsweredAtTheLevelItAskedAt() {
        // RFC 3412 section 7.1 step 3: the response goes at the request's securityLevel; a user
        // configured with privacy may ask at authNoPriv (snmpd answers it so), and gets no
        // encrypted answer its manager cannot read
        String udp = "udp:127.0.0.1:" + port;
        NetSnmpTools.Result plain = tool("snmpget", "-v3", "-l", "authNoPriv", "-u", "admin", "-a", "SHA",
                "-A", "authpass1", "-On", udp, E + ".1.2.0");
        assertTrue(plain.out().startsWith("." + E + ".1.2.0 = "), plain.out() + plain.err());
        for (String level : List.of("authNoPriv", "authPriv")) {
            try (Session s = Session.builder().hostname("127.0.0.1").remotePort(port).version(3)
                    .securityLevel(level).securityUsername("admin").authProtocol("SHA").authPassword("authpass1")
                    .privacyProtocol("AES").privacyPassword("privpass1").useNumeric(true).timeout(2).retries(0)
                    .build()) {
                assertEquals("." + E + ".1.2.0", "." + full(s.get(E + ".1.2.0")).replaceFirst("^\\.", ""), level);
            }
        }
    }

    @Test
    void builderRefusesWhatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> SnmpAgent.builder().build());
        assertThrows(IllegalArgumentException.class, () -> SnmpAgent.builder().listen("udp:127.0.0.1:x"));
        assertThrows(IllegalArgumentException.class, () -> SnmpAgent.builder().engineId("abc"));
        assertThrows(IllegalArgumentException.class, () -> SnmpAgent.builder().user("u", "SHA-3", "p", null, null));
        assertThrows(IllegalArgumentException.class, () -> SnmpAgent.builder()
                .handler(E, rows).handler(ROWS, rows));
        assertNotEquals("", agent.engineId());
        assertEquals("80001f8804a1b2c3d4", agent.engineId());
    }
}
