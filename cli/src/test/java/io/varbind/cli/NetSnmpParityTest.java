package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.cli.ToolRuns.Run;
import io.varbind.testing.SnmpdAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The command line beside Net-SNMP's tools, byte for byte, on one snmpd: stdout and exit status of
 * the same command line (and stderr where Net-SNMP prints fixed text) for every {@code -O} letter
 * and pairs of them, toggles included, a vendor MIB from the corpus under {@code -m} and {@code -M}
 * in their forms, walk options and the errors snmpget/snmpset report. Only objects that do not
 * move between two reads are asked for, so every line must be identical.
 */
@Tag("agent")
class NetSnmpParityTest {
    private static SnmpdAgent agent;
    private static String host;

    /** A vendor module of the corpus (2N's TEL2N-MIB) whose objects the agent serves through override. */
    private static final String VENDOR = "TEL2N-MIB";
    private static final String VENDOR_ROOT = ".1.3.6.1.4.1.6530";

    @BeforeAll
    static void start() {
        agent = SnmpdAgent.startWith("extend hello /bin/echo hello world\n"
                + "extend two /bin/printf \"a\\nb\\n\"\n"
                + "override .1.3.6.1.4.1.6530.11.1.0 octet_str \"Helios IP Verso\"\n"
                + "override .1.3.6.1.4.1.6530.11.3.0 octet_str \"54-0123-4567-89\"\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.1.1 integer 1\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.1.2 integer 2\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.2.1 octet_str \"1001\"\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.2.2 octet_str \"1002\"\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.3.1 integer 2\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.3.2 integer 0\n"
                + "override .1.3.6.1.4.1.6530.11.6.1.5.1 timeticks 360000\n");
        host = "udp:" + agent.hostPort();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    /** Our command and Net-SNMP's tool on the same arguments: the same stdout and exit status. */
    private static Run theirs(String tool, List<String> args) throws Exception {
        return ToolRuns.theirs(agent, tool, args);
    }

    private static Run same(String command, String tool, List<String> args) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(args);
        Run o = ToolRuns.ours(line);
        Run t = theirs(tool, args);
        String what = command + " " + String.join(" ", args) + "\nstderr ours: " + o.err() + "\nstderr theirs: " + t.err();
        assertEquals(t.out(), o.out(), what);
        assertEquals(expectedCode(t), o.code(), what);
        return o;
    }

    /**
     * Net-SNMP's exit status as CLI.md has ours: its tools exit 2 after an agent's error status
     * ("Error in packet"), CLI.md fixes 1 for every SNMP error.
     */
    static int expectedCode(Run theirs) {
        return theirs.code() == 2 && theirs.err().contains("Error in packet") ? Main.EXIT_PACKET_ERROR : theirs.code();
    }

    private static List<String> args(String... words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Whether to run the whole matrix ({@code -Dvarbind.parity.full=true}, about twice the default's
     * time: each Net-SNMP tool run loads every MIB): every letter alone and 32 pairs, seven flag sets
     * per MIB set. By default every letter alone and the pairs that interact most.
     */
    private static final boolean FULL = Boolean.getBoolean("varbind.parity.full");

    /** Every letter the commands take, alone, and pairs that interact (toggled twice, the later of a/x, styles with b/E/X). */
    private static final List<String> FLAGS = FULL ? List.of("", "-Oa", "-Ob", "-Oe", "-OE", "-Of", "-On", "-Oq", "-OQ",
            "-Os", "-OS", "-Ot", "-OT", "-Ou", "-OU", "-Ov", "-Ox", "-Oqq", "-OqQ", "-OQq", "-Oee", "-Ovv", "-Obb",
            "-Oax", "-Oxa", "-OxT", "-OaT", "-OqT", "-Obn", "-Obf", "-Obs", "-Obu", "-OEb", "-OEs", "-Ouq", "-Oqv",
            "-OQv", "-Oteq", "-OUx", "-Ofs", "-Osf", "-OX", "-OXs", "-OXf", "-OXq", "-OXb", "-OXE", "-OXu", "-OXX")
            : List.of("", "-Oa", "-Ob", "-Oe", "-OE", "-Of", "-On", "-Oq", "-OQ", "-Os", "-OS", "-Ot", "-OT", "-Ou",
            "-OU", "-Ov", "-Ox", "-OX", "-OqQ", "-Oqq", "-Oxa", "-OaT", "-OEb", "-OXb", "-OXq", "-OXf");

    /** The flag sets each MIB set is read with. */
    private static final List<String> MIB_SET_FLAGS = FULL ? List.of("", "-Of", "-Os", "-On", "-Oqe", "-Ob", "-OvQ")
            : List.of("", "-Of", "-Oqe");

    @Test
    void everyOutputLetterAndPairMatchesForGetNextWalkAndTable() throws Exception {
        NetSnmpTools.requireInstalled();
        for (String flags : FLAGS) {
            // a hex string, an OID value, enums, string indexes (quotes inside), a missing instance
            same("get", "snmpget", args(flags, "-v2c", "-c", "public", host, "sysDescr.0", "sysObjectID.0",
                    "ifType.1", "sysORID.1", "snmpEngineID.0", "nsExtendOutput1Line.\"hello\"",
                    "nsExtendArgs.\"two\"", "sysDescr.9"));
            same("getnext", "snmpgetnext", args(flags, "-v2c", "-c", "public", host, "sysORID", "nsExtendCommand",
                    "snmpEngineID"));
            same("walk", "snmpwalk", args(flags, "-v2c", "-c", "public", host, "nsExtendObjects"));
            same("bulkwalk", "snmpbulkwalk", args(flags, "-v2c", "-c", "public", "-Cr5", host, "sysORTable"));
            same("table", "snmptable", args(flags, "-v2c", "-c", "public", host, "sysORTable"));
            same("table", "snmptable", args(flags, "-Ci", "-v2c", "-c", "public", host, "nsExtendConfigTable"));
            same("table", "snmptable", args(flags, "-Ci", "-v2c", "-c", "public", host, "vacmAccessTable"));
        }
    }

    @Test
    void tableLayoutOptionsMatch() throws Exception {
        NetSnmpTools.requireInstalled();
        // snmptable takes numbers and separators as the next argument (-Cw60 is a usage error there)
        for (String c : List.of("-Cb", "-Ci", "-Cib", "-CB", "-Cl", "-CH", "-Ch", "-Cf ,", "-Cif ;", "-Cw 60",
                "-Cr 1", "-CB -Cr 1", "-CB -Cr 2 -Ci", "-Cc 12", "-Cc 9 -Cl", "-Cc 16 -Cb", "-Cc 10 -CH")) {
            List<String> a = args(c.split(" "));
            a.addAll(List.of("-v2c", "-c", "public", host, "nsExtendOutput1Table"));
            same("table", "snmptable", a);
            List<String> b = args(c.split(" "));
            b.addAll(List.of("-v2c", "-c", "public", host, "sysORTable"));
            same("table", "snmptable", b);
        }
    }

    private static String corpusDir() {
        String env = System.getenv("VARBIND_MIB_CORPUS");
        String root = System.getenv("VARBIND_REPO_ROOT");
        Path corpus = env != null && !env.isEmpty() ? Path.of(env)
                : Path.of(root == null ? "." : root).resolve("../shared/mibs-corpus");
        Path dir = corpus.resolve("2n").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(dir.resolve(VENDOR)), "the MIB corpus holds " + VENDOR + " under " + dir);
        return dir.toString();
    }

    @Test
    void vendorMibUnderEveryMibSetForm() throws Exception {
        NetSnmpTools.requireInstalled();
        String vendor = corpusDir();
        String mibs = NetSnmpTools.mibDirs();
        // -m LIST loads those modules and their imports alone (sysDescr unnamed under -m TEL2N-MIB);
        // +LIST adds them; ALL; -M +DIR appends a folder, -M DIRS replaces the path
        List<List<String>> sets = List.of(
                List.of("-m", VENDOR, "-M", "+" + vendor),
                List.of("-m", "+" + VENDOR, "-M", "+" + vendor),
                List.of("-m", "ALL", "-M", "+" + vendor),
                List.of("-m", VENDOR + ":IF-MIB", "-M", mibs + ":" + vendor),
                List.of("-M", vendor + ":" + mibs, "-m", "ALL"),
                List.of("-m", "IF-MIB"),
                List.of("-m", "SNMPv2-MIB"));
        for (List<String> set : sets) {
            for (String flags : MIB_SET_FLAGS) {
                List<String> common = args(flags, "-v2c", "-c", "public");
                common.addAll(0, set);
                List<String> walk = new ArrayList<>(common);
                walk.addAll(List.of(host, VENDOR_ROOT));
                same("walk", "snmpwalk", walk);
                List<String> system = new ArrayList<>(common);
                system.addAll(List.of(host, ".1.3.6.1.2.1.1.9.1.3"));
                same("bulkwalk", "snmpbulkwalk", system);
                List<String> get = new ArrayList<>(common);
                get.addAll(List.of(host, VENDOR_ROOT + ".11.1.0", VENDOR_ROOT + ".11.6.1.3.1", ".1.3.6.1.2.1.1.1.0",
                        ".1.3.6.1.2.1.2.2.1.3.1"));
                same("get", "snmpget", get);
                List<String> table = new ArrayList<>(common);
                table.addAll(List.of(host, VENDOR_ROOT + ".11.6"));
                same("table", "snmptable", table);
            }
            // names only the set knows: found, or the same failure
            List<String> named = new ArrayList<>(set);
            named.addAll(List.of("-v2c", "-c", "public", host, "hipState.1", "TEL2N-MIB::hipProductName.0"));
            same("get", "snmpget", named);
        }
        for (String style : List.of("", "-On", "-Of", "-Os")) {
            // snmptranslate looks plain names up with -IR only (varbind always does), and numbers without it
            for (String name : List.of("-IR hipState", "TEL2N-MIB::hipSipTable", VENDOR_ROOT + ".11.6.1.3.7",
                    "-IR hipRegistrationTime.4", ".1.3.6.1.2.1.1.1.0")) {
                List<String> a = args("-m", VENDOR, "-M", mibs + ":" + vendor, style);
                a.addAll(List.of(name.split(" ")));
                same("translate", "snmptranslate", a);
            }
        }
    }

    @Test
    void walkOptionsMatch() throws Exception {
        NetSnmpTools.requireInstalled();
        for (String opts : List.of("-Cp", "-Ci", "-CI", "-Ci -Cp", "")) {
            for (String root : List.of("sysORTable", "sysDescr.0", "sysDescr.9", "nsExtendArgs")) {
                List<String> a = args(opts.split(" "));
                a.addAll(List.of("-v2c", "-c", "public", host, root));
                same("walk", "snmpwalk", a);
                if (!opts.contains("I")) {
                    same("bulkwalk", "snmpbulkwalk", a);
                }
                List<String> v1 = args(opts.split(" "));
                v1.addAll(List.of("-v1", "-c", "public", host, root));
                same("walk", "snmpwalk", v1);
            }
        }
    }

    @Test
    void errorsAsSnmpgetAndSnmpsetReportThem() throws Exception {
        NetSnmpTools.requireInstalled();
        // v1 noSuchName: reported, then asked again without the failed object (not with -Cf)
        for (String fix : List.of("", "-Cf")) {
            Run r = same("get", "snmpget", args(fix, "-v1", "-c", "public", host, "sysDescr.0", "sysDescr.9",
                    "sysName.0"));
            assertEquals(theirs("snmpget", args(fix, "-v1", "-c", "public", host, "sysDescr.0", "sysDescr.9",
                    "sysName.0")).err(), r.err());
            assertTrue(r.err().startsWith("Error in packet\nReason: (noSuchName)"), r.err());
        }
        Run next = same("getnext", "snmpgetnext", args("-v1", "-c", "public", "-On", host, "sysDescr.0",
                ".1.3.6.1.6.3.16.9"));
        assertEquals(theirs("snmpgetnext", args("-v1", "-c", "public", "-On", host, "sysDescr.0",
                ".1.3.6.1.6.3.16.9")).err(), next.err());
        // error statuses of a SET: noAccess (read-only community), notWritable
        for (List<String> set : List.of(args("-v2c", "-c", "public", host, "sysLocation.0", "s", "x"),
                args("-v2c", "-c", "private", host, "sysDescr.0", "s", "x"),
                args("-v1", "-c", "private", host, "sysDescr.0", "s", "x"))) {
            Run r = same("set", "snmpset", set);
            assertEquals(theirs("snmpset", set).err(), r.err());
        }
        // a SET that works prints the agent's answer
        same("set", "snmpset", args("-v2c", "-c", "private", host, "sysLocation.0", "s", "rack 7"));
        // a timeout (a community snmpd ignores) is snmpget's line
        List<String> silent = args("-v2c", "-c", "nobody", "-t", "0.3", "-r", "0", host, "sysDescr.0");
        Run t = same("get", "snmpget", silent);
        assertEquals(theirs("snmpget", silent).err(), t.err());
        Run w = same("walk", "snmpwalk", silent);
        assertEquals("Timeout: No Response from " + host + ".\n", w.err());
        // names that cannot be read: snmpget's line
        for (String bad : List.of("bogus.1", "IF-MIB::bogus", "BOGUS-MIB::x")) {
            List<String> a = args("-v2c", "-c", "public", host, "sysDescr.0", bad);
            Run u = same("get", "snmpget", a);
            assertEquals(bad + ": Unknown Object Identifier", u.err().split("\n")[0].replaceFirst(" \\(.*", ""));
            if (bad.equals("bogus.1")) { // elsewhere Net-SNMP's detail is what its parser last failed on
                assertEquals(theirs("snmpget", a).err(), u.err());
            }
        }
        // snmpbulkget's own check of non-repeaters
        Run b = same("bulkget", "snmpbulkget", args("-v2c", "-c", "public", "-Cn3", host, "sysDescr", "sysName"));
        assertTrue(b.err().endsWith("need more objects than <nonrep>\n"), b.err());
    }
}
