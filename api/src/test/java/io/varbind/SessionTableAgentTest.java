package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.SnmpdAgent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Session#table} against snmpd: the same cells as a walk of the table, rows in index order,
 * indexes as Net-SNMP's {@code snmpwalk -Os} prints them, INDEX values decoded (strings, IMPLIED,
 * OIDs, several objects, AUGMENTS), the same table over GETBULK, GETNEXT and SNMPv1.
 */
@Tag("agent")
class SessionTableAgentTest {
    private static SnmpdAgent agent;

    @BeforeAll
    static void start() {
        agent = SnmpdAgent.startWith("extend hello /bin/echo hello world\n"
                + "extend \"with space\" /bin/echo spaced\n"
                + "extend two /bin/echo second\n"
                + "trap2sink 127.0.0.1:9 public\n"
                + "informsink 127.0.0.1:9 public\n");
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private static Session session(int version) {
        return Session.builder().hostname(agent.hostPort()).version(version).community("public").timeout(2).retries(1)
                .build();
    }

    /** snmpwalk -Os of the table: each line's name split at the first dot into column and index. */
    private static Map<String, String> netSnmpWalk(String table) throws Exception {
        Process p = agent.netSnmpTool(List.of("/usr/bin/snmpwalk", "-v2c", "-c", "public", "-Os", "-OQ",
                "udp:" + agent.hostPort(), table)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Map<String, String> cells = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                cells.put(line.substring(0, eq), line.substring(eq + 3));
            }
        }
        return cells;
    }

    /** Tables and whether their values move between two reads. */
    private static final List<String> TABLES = List.of("nsExtendConfigTable", "nsExtendOutput1Table",
            "snmpNotifyTable", "snmpTargetAddrTable", "vacmAccessTable", "vacmViewTreeFamilyTable",
            "vacmSecurityToGroupTable", "usmUserTable", "sysORTable", "nsModuleTable", "ipAddrTable",
            "hrStorageTable", "ifTable", "IF-MIB::ifXTable", ".1.3.6.1.2.1.25.3.2");
    private static final Set<String> MOVING = Set.of("hrStorageTable", "ifTable", "IF-MIB::ifXTable");

    @Test
    void everyCellOfAWalkIsInTheTableUnderItsRowAndColumn() throws Exception {
        try (Session s = session(2)) {
            for (String table : TABLES) {
                SnmpTable t = s.table(table);
                Map<String, String> walk = netSnmpWalk(table);
                assertTrue(walk.size() > 0 || t.rows().isEmpty(), table);
                int cells = 0;
                List<String> rowOrder = new ArrayList<>();
                for (SnmpTable.Row r : t.rows()) {
                    rowOrder.add(r.indexOid());
                    for (String c : t.columns()) {
                        SnmpVariable v = r.get(c);
                        String key = c + "." + r.index();
                        if (v == null) {
                            if (!MOVING.contains(table)) {
                                assertNull(walk.get(key), table + " " + key + " is in the walk, not in the table");
                            }
                            continue;
                        }
                        cells++;
                        assertEquals(c, v.oid(), table);
                        assertTrue(walk.containsKey(key) || MOVING.contains(table),
                                table + ": the row's index should be snmpwalk's: " + key + " not in " + walk.keySet());
                    }
                }
                if (!MOVING.contains(table)) {
                    assertEquals(walk.size(), cells, table + " " + walk.keySet());
                }
                List<String> sorted = new ArrayList<>(rowOrder);
                sorted.sort((a, b) -> io.varbind.codec.Oid.parse(a).compareTo(io.varbind.codec.Oid.parse(b)));
                assertEquals(sorted, rowOrder, table + " rows in index order");
            }
        }
    }

    @Test
    void indexValuesAreDecodedByTheirMibTypes() {
        try (Session s = session(2)) {
            SnmpTable ext = s.table("NET-SNMP-EXTEND-MIB::nsExtendConfigTable");
            assertEquals("nsExtendConfigTable", ext.name());
            assertEquals("1.3.6.1.4.1.8072.1.3.2.2", ext.oid());
            assertEquals(List.of("\"two\"", "\"hello\"", "\"with space\""),
                    ext.rows().stream().map(SnmpTable.Row::index).toList());
            assertEquals(List.of(List.of("two"), List.of("hello"), List.of("with space")),
                    ext.rows().stream().map(SnmpTable.Row::indexValues).toList());
            assertEquals("/bin/echo", ext.rows().get(1).get("nsExtendCommand").value());
            assertEquals("nsExtendCommand", ext.columns().get(0));

            SnmpTable notify = s.table("snmpNotifyTable"); // INDEX { IMPLIED snmpNotifyName }
            assertEquals("'internal0'", notify.rows().get(0).index());
            assertEquals(List.of("internal0"), notify.rows().get(0).indexValues());
            assertEquals("105.110.116.101.114.110.97.108.48", notify.rows().get(0).indexOid());

            SnmpTable x = s.table("ifXTable"); // AUGMENTS ifEntry
            assertEquals("1", x.rows().get(0).index());
            assertEquals(List.of(1L), x.rows().get(0).indexValues());

            SnmpTable views = s.table("vacmViewTreeFamilyTable"); // a string, then an OID
            SnmpTable.Row v = views.rows().get(0);
            assertEquals(2, v.indexValues().size());
            assertTrue(v.indexValues().get(0) instanceof String);
            assertTrue(((String) v.indexValues().get(1)).matches("\\d+(\\.\\d+)*"), v.indexValues().toString());

            SnmpTable access = s.table("vacmAccessTable"); // two strings and two integers
            List<Object> a = access.rows().get(0).indexValues();
            assertEquals(4, a.size());
            assertTrue(a.get(2) instanceof Long && a.get(3) instanceof Long, a.toString());

            SnmpTable ip = s.table("ipAddrTable"); // IpAddress
            assertTrue(ip.rows().stream().anyMatch(r -> r.indexValues().equals(List.of("127.0.0.1"))));
            assertTrue(ip.rows().stream().anyMatch(r -> r.index().equals("127.0.0.1")));
        }
    }

    @Test
    void getBulkGetNextAndVersionOneReadTheSameTable() throws Exception {
        for (String table : List.of("nsExtendConfigTable", "vacmAccessTable", "sysORTable", "nsModuleTable")) {
            SnmpTable bulk;
            SnmpTable next;
            SnmpTable v1;
            try (Session s = session(2)) {
                bulk = s.tableAsync(table).get(30, TimeUnit.SECONDS);
                next = s.table(table, false, 1);
                assertEquals(rows(bulk), rows(s.table(table, true, 1)), table + " one repetition");
            }
            try (Session s = session(1)) {
                v1 = s.table(table);
            }
            assertEquals(rows(bulk), rows(next), table);
            assertEquals(rows(bulk), rows(v1), table);
            assertTrue(bulk.rows().size() > 0, table);
        }
        try (Session s = session(2)) {
            assertEquals(rows(s.table("sysORTable")),
                    rows(Easy.snmpTable("sysORTable", b -> b.hostname(agent.hostPort()).version(2))));
        }
    }

    private static List<String> rows(SnmpTable t) {
        List<String> out = new ArrayList<>();
        for (SnmpTable.Row r : t.rows()) {
            StringBuilder sb = new StringBuilder(r.index());
            for (String c : t.columns()) {
                sb.append(" | ").append(r.get(c));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void displayFlagsApplyToTheCellsAndBadNamesAreTypedErrors() {
        try (Session s = Session.builder().hostname(agent.hostPort()).version(2).useNumeric(true).build()) {
            SnmpVariable v = s.table("sysORTable").rows().get(0).get("sysORID");
            assertNotNull(v);
            assertEquals(".1.3.6.1.2.1.1.9.1.2", v.oid());
            assertThrows(SnmpUnknownObjectIdException.class, () -> s.table("NO-SUCH-MIB::noTable"));
            SnmpException e = assertThrows(SnmpException.class, () -> s.table("sysDescr"));
            assertTrue(e.getMessage().contains("not a table"), e.getMessage());
        }
    }
}
