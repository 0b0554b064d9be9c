package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./varbind get/getnext/bulkget/walk/bulkwalk/set} against Net-SNMP's own tools on the same
 * snmpd with the same MIBs and -O flags: identical output, except values that move between two
 * reads (Timeticks, counters, gauges), whose names must still match.
 */
@Tag("agent")
class NetSnmpOutputDiffTest {
    private static SnmpdAgent agent;

    @BeforeAll
    static void start() {
        agent = SnmpdAgent.start();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private static String[] run(String... args) {
        ToolRuns.Run r = ToolRuns.ours(List.of(args));
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    private static String netSnmp(String tool, List<String> args) throws Exception {
        return ToolRuns.theirs(agent, tool, args).out();
    }

    private static boolean moving(String line) {
        // quick-print (-Oq, -Ov) drops the type names, so moving objects are also known by their names
        return line.contains("Timeticks:") || line.contains("Counter32:") || line.contains("Counter64:")
                || line.contains("Gauge32:") || line.contains("snmpEngineTime") || line.contains("sysUpTime")
                // the same two under -On: snmpEngineTime.0 and sysUpTime.0
                || line.startsWith(".1.3.6.1.6.3.10.2.1.3.0 ") || line.startsWith(".1.3.6.1.2.1.1.3.0 ")
                || line.matches("^\\d+:\\d+:\\d\\d:\\d\\d\\.\\d\\d$");
    }

    /** The name part of an output line: before " = ", or before the first space under quick-print. */
    private static String name(String line) {
        int cut = line.indexOf(" = ");
        if (cut < 0) {
            cut = line.indexOf(' ');
        }
        if (cut < 0 || line.matches("^\\d+:\\d+:\\d\\d:\\d\\d\\.\\d\\d$")) {
            return ""; // -Ov: a bare moving value has no name to compare
        }
        return line.substring(0, cut);
    }

    private static void assertSameOutput(String ours, String theirs, String what) {
        List<String> a = Arrays.asList(ours.split("\n"));
        List<String> b = Arrays.asList(theirs.split("\n"));
        assertEquals(b.size(), a.size(), what + "\nours:\n" + ours + "\ntheirs:\n" + theirs);
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (moving(x) || moving(y)) {
                assertEquals(name(y), name(x), what + " line " + i);
            } else {
                assertEquals(y, x, what + " line " + i);
            }
        }
    }

    @Test
    void getAndGetNextMatchSnmpgetForEveryOutputFlag() throws Exception {
        NetSnmpTools.requireInstalled();
        String host = "udp:" + agent.hostPort();
        List<String> oids = List.of("sysDescr.0", "sysObjectID.0", "sysContact.0", "ifDescr.1", "ifAdminStatus.1",
                "ifPhysAddress.1", "ifType.1", "snmpEngineID.0", "sysORID.1", "sysDescr.7");
        for (String flags : List.of("", "-On", "-Of", "-Os", "-Oq", "-Ov", "-Oqv", "-Oe", "-Ox", "-OQ", "-OU")) {
            List<String> args = new ArrayList<>();
            if (!flags.isEmpty()) {
                args.add(flags);
            }
            args.addAll(List.of("-v2c", "-c", "public", host));
            args.addAll(oids);
            List<String> ours = new ArrayList<>(List.of("get"));
            ours.addAll(args);
            String[] r = run(ours.toArray(String[]::new));
            assertEquals("0", r[0], r[2]);
            assertSameOutput(r[1], netSnmp("snmpget", args), "get " + flags);
            List<String> next = new ArrayList<>(List.of("getnext"));
            next.addAll(args);
            String[] n = run(next.toArray(String[]::new));
            assertSameOutput(n[1], netSnmp("snmpgetnext", args), "getnext " + flags);
        }
    }

    private static final List<String> OUTPUT_FLAGS = List.of("", "-On", "-Of", "-Os", "-Oq", "-Ov", "-Oqv", "-Oe", "-Ox",
            "-OQ", "-OU");

    /** Net-SNMP's tool with every MIB loaded in its -m ALL order. */
    private static String netSnmpAll(String tool, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-m", "ALL"));
        all.addAll(args);
        return netSnmp(tool, all);
    }

    /**
     * Ours against two runs of Net-SNMP's, one before and one after: a line that differs between
     * Net-SNMP's two runs holds a moving value (a counter or time), whose name must still match;
     * every other line must be identical. Flag sets that print no type (-Oq, -Ov) leave no other
     * way to tell a counter from a number.
     */
    private static void assertSameAsBracketingRuns(String ours, String before, String after, String what) {
        List<String> a = Arrays.asList(ours.split("\n"));
        List<String> b = Arrays.asList(before.split("\n"));
        List<String> c = Arrays.asList(after.split("\n"));
        assertEquals(b.size(), c.size(), what + ": the agent's tables changed size between Net-SNMP's runs");
        assertEquals(b.size(), a.size(), what + "\nours:\n" + ours + "\ntheirs:\n" + before);
        for (int i = 0; i < a.size(); i++) {
            if (b.get(i).equals(c.get(i)) && !moving(b.get(i))) {
                assertEquals(b.get(i), a.get(i), what + " line " + i);
            } else {
                assertEquals(name(b.get(i)), name(a.get(i)), what + " line " + i);
            }
        }
    }

    @Test
    void minusMAllWalksMatchSnmpwalkForEveryOutputFlag() throws Exception {
        NetSnmpTools.requireInstalled();
        String host = "udp:" + agent.hostPort();
        for (String flags : OUTPUT_FLAGS) {
            List<String> args = new ArrayList<>();
            if (!flags.isEmpty()) {
                args.add(flags);
            }
            args.addAll(List.of("-v2c", "-c", "public", host));
            // the ip group: nodes RFC1213-MIB names first (ipForwarding ...), InetAddress indexes of
            // ipAddressTable, ipAddressPrefixTable, inetCidrRouteTable, ipNetToPhysicalTable
            List<String> walk = new ArrayList<>(args);
            walk.add("ip");
            List<String> ours = new ArrayList<>(List.of("walk", "-m", "ALL"));
            ours.addAll(walk);
            String before = netSnmpAll("snmpwalk", walk);
            String[] w = run(ours.toArray(String[]::new));
            String after = netSnmpAll("snmpwalk", walk);
            assertEquals("0", w[0], w[2]);
            assertSameAsBracketingRuns(w[1], before, after, "walk -m ALL " + flags);
            // sysUpTimeInstance (DISMAN-EXPRESSION-MIB first) and an SMIv1 NetworkAddress value
            List<String> next = new ArrayList<>(args);
            next.addAll(List.of("sysUpTime", "atNetAddress", "ipForwarding", "sysORID.7"));
            List<String> ourNext = new ArrayList<>(List.of("getnext", "-m", "ALL"));
            ourNext.addAll(next);
            String[] n = run(ourNext.toArray(String[]::new));
            assertEquals("0", n[0], n[2]);
            assertSameOutput(n[1], netSnmpAll("snmpgetnext", next), "getnext -m ALL " + flags);
        }
    }

    @Test
    void walksAndBulkgetMatchNetSnmp() throws Exception {
        NetSnmpTools.requireInstalled();
        String host = "udp:" + agent.hostPort();
        // .1.3.6.1.6.3 runs to the end of snmpd's view: snmpwalk prints the endOfMibView binding too
        for (String root : List.of("system", "ifTable", "ipAddrTable", "snmpEngine", ".1.3.6.1.6.3")) {
            String[] w = run("walk", "-v2c", "-c", "public", host, root);
            assertEquals("0", w[0], w[2]);
            assertSameOutput(w[1], netSnmp("snmpwalk", List.of("-v2c", "-c", "public", host, root)), "walk " + root);
            String[] b = run("bulkwalk", "-On", "-v2c", "-c", "public", "-Cr7", host, root);
            assertEquals("0", b[0], b[2]);
            assertSameOutput(b[1], netSnmp("snmpbulkwalk", List.of("-On", "-v2c", "-c", "public", "-Cr7", host,
                    root)), "bulkwalk " + root);
        }
        String[] v1 = run("walk", "-v1", "-c", "public", host, "system");
        assertSameOutput(v1[1], netSnmp("snmpwalk", List.of("-v1", "-c", "public", host, "system")), "walk v1");
        String[] v1end = run("walk", "-v1", "-c", "public", host, ".1.3.6.1.6.3.16"); // ends with noSuchName
        assertSameOutput(v1end[1], netSnmp("snmpwalk", List.of("-v1", "-c", "public", host, ".1.3.6.1.6.3.16")),
                "walk v1 to the end of the view");
        assertTrue(v1end[1].endsWith("End of MIB\n"), v1end[1]);
        String[] g = run("bulkget", "-v2c", "-c", "public", "-Cn", "1", "-Cr", "4", host, "sysUpTime", "ifTable");
        assertSameOutput(g[1], netSnmp("snmpbulkget", List.of("-v2c", "-c", "public", "-Cn1", "-Cr4", host,
                "sysUpTime", "ifTable")), "bulkget");
    }

    @Test
    void setEchoesAsSnmpsetAndV3Works() throws Exception {
        NetSnmpTools.requireInstalled();
        String host = "udp:" + agent.hostPort();
        String[] s = run("set", "-v2c", "-c", "private", host, "sysLocation.0", "s", "cli set");
        assertEquals("0", s[0], s[2]);
        assertEquals(netSnmp("snmpget", List.of("-v2c", "-c", "public", host, "sysLocation.0")), s[1]);
        SnmpdAgent.User u = SnmpdAgent.user("sha256_aes");
        List<String> v3 = List.of("-v3", "-l", "authPriv", "-u", u.name(), "-a", u.auth(), "-A", u.authPassword(),
                "-x", u.priv(), "-X", u.privPassword(), host, "sysDescr.0", "sysName.0");
        List<String> args = new ArrayList<>(List.of("get"));
        args.addAll(v3);
        String[] r = run(args.toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        assertSameOutput(r[1], netSnmp("snmpget", v3), "v3 get");
    }

    @Test
    void errorsAreOneLineAndExitCodes() throws Exception {
        String host = "udp:" + agent.hostPort();
        String[] unknown = run("get", "-v2c", "-c", "public", host, "noSuchThing.0");
        assertEquals("1", unknown[0]);
        assertEquals("noSuchThing.0: Unknown Object Identifier (Sub-id not found: (top) -> noSuchThing)\n",
                unknown[2]); // snmpget's line
        String[] usage = run("get", "-v", "7", host, "sysDescr.0");
        assertEquals("2", usage[0]);
        int free;
        try (java.net.DatagramSocket d = new java.net.DatagramSocket(0)) {
            free = d.getLocalPort();
        }
        String[] timeout = run("get", "-v2c", "-t", "0.2", "-r", "0", "udp:127.0.0.1:" + free, "sysDescr.0");
        assertEquals("1", timeout[0]);
        assertEquals("Timeout: No Response from udp:127.0.0.1:" + free + ".\n", timeout[2]); // snmpget's line
        assertEquals(1, timeout[2].split("\n").length);
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        String[] digest = run("get", "-v3", "-l", "authNoPriv", "-u", u.name(), "-a", "SHA", "-A", "wrong password",
                host, "sysDescr.0");
        assertEquals("1", digest[0]);
        assertTrue(digest[2].contains("usmStatsWrongDigests"), digest[2]);
        String[] json = run("get", "--json", "-v2c", "-c", "public", host, "sysDescr.0");
        assertEquals("{\"oid\":\"sysDescr\",\"oid_index\":\"0\",\"value\":\"" + SnmpdAgent.SYS_DESCR
                + "\",\"snmp_type\":\"OCTETSTR\"}\n", json[1]);
    }
}
