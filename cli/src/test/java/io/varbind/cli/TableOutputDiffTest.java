package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./varbind table} against Net-SNMP's {@code snmptable} on the same snmpd with the same MIBs,
 * {@code -C} and {@code -O} flags: byte for byte for tables whose values stay put (string, IMPLIED
 * and OID indexes, sparse rows, several index objects), and cell by cell, with counters masked,
 * for tables whose values move while they are read.
 */
@Tag("agent")
class TableOutputDiffTest {
    private static SnmpdAgent agent;

    @BeforeAll
    static void start() {
        // extend fills the nsExtend tables (string indexes); the sinks fill the notification and
        // target tables (IMPLIED indexes); port 9 is discard, nobody listens
        agent = SnmpdAgent.startWith("extend hello /bin/echo hello world\n"
                + "extend two /bin/sh -c 'echo first; echo second'\n"
                + "extend \"with space\" /bin/echo spaced\n"
                + "trap2sink 127.0.0.1:9 public\n"
                + "informsink 127.0.0.1:9 public\n");
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private static String[] run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    private static String[] snmptable(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/snmptable");
        cmd.addAll(args);
        ProcessBuilder pb = agent.netSnmpTool(cmd);
        pb.environment().put("MIBDIRS", NetSnmpTools.mibDirs());
        pb.environment().put("MIBS", "+ALL"); // Net-SNMP's default modules first, then the rest, as varbind's tree
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        // snmptable exits 1 for its own errors and 2 for an error status; varbind 1 for both
        return new String[] {String.valueOf(Math.min(p.exitValue(), 1)), out};
    }

    private static List<String> args(String flags, String table) {
        List<String> a = new ArrayList<>();
        if (!flags.contains("-v")) {
            a.addAll(List.of("-v2c"));
        }
        a.addAll(List.of("-c", "public"));
        if (!flags.isEmpty()) {
            a.addAll(Arrays.asList(flags.split(" ")));
        }
        a.add("udp:" + agent.hostPort());
        a.add(table);
        return a;
    }

    /** Every combination of layout flags is tried on some table; each table gets several. */
    private static final List<String> FLAGS = List.of("", "-Ci", "-Cb", "-Ci -Cb -Os", "-Cl -Ci", "-Cf | -Ci",
            "-CH", "-Ch -Ci", "-Cw 80 -Ci", "-Cw 50 -Cl", "-CB", "-CB -Cr 2 -Ci", "-Cr 3", "-Of -Ci", "-Oe -Ci",
            "-Ox", "-OU -Ot -Cib", "-v 1 -Ci", "-v 1 -Cr 1", "-CH -Cf , -CB", "-On");

    /** Tables whose values do not move while the test reads them. */
    private static final List<String> STILL = List.of("nsExtendConfigTable", "nsExtendOutput1Table",
            "NET-SNMP-EXTEND-MIB::nsExtendOutput2Table", "snmpTargetAddrTable", "snmpNotifyTable",
            "snmpTargetParamsTable", "usmUserTable", "vacmAccessTable", "vacmSecurityToGroupTable",
            "vacmViewTreeFamilyTable", "sysORTable", "nsModuleTable", "ipAddrTable", ".1.3.6.1.2.1.31.1.2",
            "snmpCommunityTable", "hrSWInstalledTable");

    @Test
    void stillTablesAreByteForByteSnmptablesUnderEveryFlagSet() throws Exception {
        NetSnmpTools.requireInstalled();
        int k = 0;
        for (String table : STILL) {
            for (int i = 0; i < 3; i++, k++) {
                String flags = FLAGS.get(k % FLAGS.size());
                String[] theirs = snmptable(args(flags, table));
                List<String> ours = new ArrayList<>(List.of("table"));
                ours.addAll(args(flags, table));
                String[] r = run(ours);
                assertEquals(theirs[1], r[1], "table " + flags + " " + table + "\n" + r[2]);
                assertEquals(theirs[0], r[0], "exit status of table " + flags + " " + table + "\n" + r[2]);
            }
        }
    }

    /** Columns whose values move between two reads of the same table. */
    private static final Set<String> MOVING = Set.of("ifInOctets", "ifInUcastPkts", "ifInNUcastPkts", "ifOutOctets",
            "ifOutUcastPkts", "ifOutNUcastPkts", "ifInDiscards", "ifOutDiscards", "ifHCInOctets", "ifHCOutOctets",
            "ifHCInUcastPkts", "ifHCOutUcastPkts", "ifInMulticastPkts", "ifHCInMulticastPkts", "ifInBroadcastPkts",
            "ifHCInBroadcastPkts", "ifOutMulticastPkts", "ifHCOutMulticastPkts", "ifOutBroadcastPkts",
            "ifHCOutBroadcastPkts", "hrStorageUsed", "hrStorageSize");

    @Test
    void movingTablesMatchCellByCell() throws Exception {
        NetSnmpTools.requireInstalled();
        for (String table : List.of("ifTable", "IF-MIB::ifXTable", ".1.3.6.1.2.1.25.2.3")) {
            for (String flags : List.of("-Ci -Cf |", "-Ci -Cf | -CB -Cr 3", "-Cf | -Os -Cb", "-Cf | -v 1")) {
                String theirs = snmptable(args(flags, table))[1];
                List<String> cmd = new ArrayList<>(List.of("table"));
                cmd.addAll(args(flags, table));
                String[] r = run(cmd);
                assertEquals("0", r[0], r[2]);
                assertSameCells(theirs, r[1], table + " " + flags);
            }
        }
    }

    private static void assertSameCells(String theirs, String ours, String what) {
        String[] a = theirs.split("\n", -1);
        String[] b = ours.split("\n", -1);
        assertEquals(a.length, b.length, what + "\nours:\n" + ours + "\ntheirs:\n" + theirs);
        assertTrue(a.length > 4, what + ": " + theirs);
        String[] labels = a[2].split("\\|", -1);
        for (int i = 0; i < a.length; i++) {
            String[] x = a[i].split("\\|", -1);
            String[] y = b[i].split("\\|", -1);
            assertEquals(x.length, y.length, what + " line " + i);
            for (int c = 0; c < x.length; c++) {
                if (i <= 2 || c >= labels.length || !MOVING.contains(fullLabel(labels[c]))) {
                    assertEquals(x[c], y[c], what + " line " + i + " column " + c);
                }
            }
        }
    }

    /** Under -Cb the labels lose their common prefix; the moving set names the full ones. */
    private static String fullLabel(String label) {
        for (String m : MOVING) {
            if (!label.isEmpty() && m.endsWith(label)) {
                return m;
            }
        }
        return label;
    }

    @Test
    void jsonIsOneObjectPerRow() throws Exception {
        String[] r = run(List.of("table", "--json", "-v2c", "-c", "public", "udp:" + agent.hostPort(),
                "nsExtendOutput1Table"));
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertEquals(3, lines.size(), r[1]);
        // rows in index order: "two" (length 3) before "hello" (5) before "with space" (10)
        assertTrue(lines.get(0).startsWith("{\"table\":\"nsExtendOutput1Table\",\"index\":\"\\\"two\\\"\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"nsExtendOutput1Line\":{\"value\":\"hello world\",\"snmp_type\":\"OCTETSTR\"}"),
                lines.get(1));
        assertTrue(lines.get(2).contains("\"index_values\":[\"with space\"]"), lines.get(2));
    }
}
