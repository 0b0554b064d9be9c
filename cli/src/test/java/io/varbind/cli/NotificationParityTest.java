package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.cli.ToolRuns.Run;
import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmptrapdReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Notifications both ways beside Net-SNMP 5.9 (issue 17), each case run both ways and compared:
 * <ul>
 * <li>receiving: snmptrap/snmpinform send the same notification to {@code snmptrapd -f -Lo} and to
 * {@code ./varbind trapd} (in this JVM) started with the same {@code -O}, {@code -m} and {@code -M};
 * everything after the time stamp must be identical (the senders' ports masked): every {@code -O}
 * letter and interacting pairs, MIB sets ({@code -m ''}, {@code -m ALL}, lists, a corpus vendor
 * folder with its TRAP-TYPE), every value type letter, v1 generic and specific codes, v2c, v3 users
 * of every auth and priv protocol, contexts, UDP, TCP and IPv6;</li>
 * <li>sending: {@code ./varbind trap}/{@code inform} and snmptrap/snmpinform with the same arguments
 * into one snmptrapd: the same entry (the source port masked) and exit status;</li>
 * <li>{@code trapd --json}: each field against snmptrapd's entry for the same notification;</li>
 * <li>errors: snmptrap's exit status family for bad arguments.</li>
 * </ul>
 * One snmptrapd per flag set (snmptrapd reads its flags once); {@code -Dvarbind.parity.full=true}
 * sweeps every letter pair of {@link NetSnmpParityTest} too.
 */
@Tag("agent")
class NotificationParityTest {
    private static final boolean FULL = Boolean.getBoolean("varbind.parity.full");
    private static final String ENTERPRISE = ".1.3.6.1.4.1.8072.9999";
    private static final String A = "udp:127.0.0.1:PORT";
    /** snmptrap's and varbind's v3 traps come from different engines: snmptrapd keeps one clock per engine. */
    private static final String THEIR_ENGINE = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(0);
    private static final String OUR_ENGINE = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(1);
    /** Users covering each auth (MD5, SHA-1/224/256/384/512) and priv (DES, AES-128/192/256, both key extensions). */
    private static final List<String> USERS = List.of("noauth", "md5_none", "md5_des", "sha_aes", "sha224_aes192",
            "sha256_aes256", "sha384_aes192c", "sha512_aes256c", "md5_aes256c", "sha_des");

    /** Every snmptrap value type letter, with edge values: empty, non-printable, UTF-8, long, quotes, hex. */
    private static final List<String[]> TYPES = List.of(new String[] {"i", "-5"}, new String[] {"i", "2147483647"},
            new String[] {"u", "4294967295"}, new String[] {"c", "7"}, new String[] {"t", "12345"},
            new String[] {"a", "10.1.2.3"}, new String[] {"o", "IF-MIB::ifTable"}, new String[] {"o", ".1.3.6.1.2.1.1"},
            new String[] {"s", "hello"}, new String[] {"s", ""}, new String[] {"s", "caf\u00e9 \u2603"},
            new String[] {"s", "tab\there\nnewline"}, new String[] {"s", "x".repeat(300)},
            new String[] {"s", "quote \" back\\"}, new String[] {"s", "\u0001\u0002\tbin\n"}, new String[] {"x", "00 01 ff"},
            new String[] {"x", ""}, new String[] {"x", "41 42 43"}, new String[] {"d", "1.2.3"},
            new String[] {"d", "65 66"}, new String[] {"n", ""}, new String[] {"b", "1 3 9"},
            new String[] {"U", "18446744073709551615"}, new String[] {"I", "-9223372036854775808"},
            new String[] {"F", "1.5"}, new String[] {"D", "-2.25"});

    private static List<String> payload(List<String[]> types) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            p.addAll(List.of(ENTERPRISE + "." + i, types.get(i)[0], types.get(i)[1]));
        }
        return p;
    }

    private static List<String> cmd(String... words) {
        return new ArrayList<>(List.of(words));
    }

    private static <T> List<T> with(List<T> c, List<? extends T> more) {
        List<T> out = new ArrayList<>(c);
        out.addAll(more);
        return out;
    }

    /** {@code -v3} and the security options of an interop user. */
    private static List<String> v3(String name) {
        SnmpdAgent.User u = SnmpdAgent.user(name);
        if (u.auth() == null) {
            return cmd("-v3", "-l", "noAuthNoPriv", "-u", name);
        }
        if (u.priv() == null) {
            return cmd("-v3", "-l", "authNoPriv", "-u", name, "-a", u.auth(), "-A", u.authPassword());
        }
        return cmd("-v3", "-l", "authPriv", "-u", name, "-a", u.auth(), "-A", u.authPassword(), "-x", u.priv(), "-X",
                u.privPassword());
    }

    private static List<String> tool(String tool, List<String> options, String agent, String... fields) {
        List<String> c = cmd(tool);
        c.addAll(options);
        c.add(agent);
        c.addAll(List.of(fields));
        return c;
    }

    private static final List<String> V2C = List.of("-v2c", "-c", "public");
    private static final List<String> V1 = List.of("-v1", "-c", "public");

    // ---------------------------------------------------------------- receiving

    /** One snmptrapd and one trapd (in this JVM, on a thread) started with the same flags. */
    private static final class Receivers implements AutoCloseable {
        final SnmptrapdReceiver netSnmp;
        final int port = SnmpdAgent.freePort();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Thread trapd;
        final Path dir;

        Receivers(List<String> flags) throws Exception {
            this(flags, List.of());
        }

        /** With {@code trapdOnly}, options given to trapd alone ({@code --json}). */
        Receivers(List<String> flags, List<String> trapdOnly) throws Exception {
            dir = Files.createTempDirectory("varbind-notification-parity");
            // the same MIB folders on both sides, unless the flags name theirs
            netSnmp = SnmptrapdReceiver.startDefaultFormatWithIpv6(flags.contains("-M") ? flags
                    : with(flags, List.of("-M", NetSnmpTools.mibDirs())));
            List<String> args = cmd("trapd", "--listen", "udp:127.0.0.1:" + port + ",tcp:127.0.0.1:" + port
                    + ",udp6:[::1]:" + port + ",tcp6:[::1]:" + port, "-c", "public", "--engine-id",
                    SnmptrapdReceiver.ENGINE_ID_HEX);
            if (!flags.contains("-M")) {
                args.addAll(List.of("-M", NetSnmpTools.mibDirs()));
            }
            for (String name : USERS) {
                SnmpdAgent.User u = SnmpdAgent.user(name);
                String keys = u.auth() == null ? "" : ":" + u.auth() + ":" + u.authPassword()
                        + (u.priv() == null ? "" : ":" + u.priv() + ":" + u.privPassword());
                args.addAll(List.of("--user", THEIR_ENGINE + "@" + name + keys, "--user", name + keys));
            }
            args.addAll(flags);
            args.addAll(trapdOnly);
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            trapd = new Thread(() -> Main.run(args.toArray(String[]::new), o, e), "trapd " + flags);
            trapd.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!err().contains("listening") && System.nanoTime() < deadline) {
                assertTrue(trapd.isAlive(), err());
                Thread.sleep(20);
            }
            assertTrue(err().contains("listening"), err());
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            trapd.interrupt();
            trapd.join(20_000);
            netSnmp.close();
        }
    }

    /** What a receiver printed after its start-up lines, time stamps cut and the senders' ports masked. */
    static String normalized(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("NET-SNMP version") || line.startsWith("Created directory")
                    || line.contains("NET-SNMP version")) {
                continue;
            }
            String l = line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*") ? line.substring(20) : line;
            sb.append(l).append('\n');
        }
        return sb.toString().replaceAll("\\]:\\d+->", "]:SPORT->").replaceAll("(IPv6: \\[[0-9a-f:.]+\\]):\\d+", "$1:SPORT")
                .strip();
    }

    /** Waits until {@code text} grows past {@code before} and stays so for a moment; returns it. */
    private static String awaitGrowth(Supplier<String> text, int before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String s = text.get();
        while (s.length() <= before && System.nanoTime() < deadline) {
            Thread.sleep(10);
            s = text.get();
        }
        Thread.sleep(30);
        return text.get();
    }

    private static void send(Path dir, List<String> c, int port) {
        List<String> line = new ArrayList<>(c);
        line.replaceAll(w -> w.replace("PORT", String.valueOf(port)));
        NetSnmpTools.Result r = NetSnmpTools.run(dir, line);
        assertEquals(0, r.exitCode(), line + ": " + r.err());
    }

    /** Sends each case to snmptrapd, then to trapd, and compares everything they printed. */
    private static void receiveBoth(List<String> flags, List<List<String>> cases) throws Exception {
        NetSnmpTools.requireInstalled();
        try (Receivers r = new Receivers(flags)) {
            StringBuilder trail = new StringBuilder();
            for (List<String> c : cases) {
                int theirs = r.netSnmp.log().length();
                send(r.dir, c, r.netSnmp.port());
                awaitGrowth(r.netSnmp::log, theirs);
                int ours = r.out().length();
                send(r.dir, c, r.port);
                awaitGrowth(r::out, ours);
                trail.append(String.join(" ", c)).append('\n');
                String expected = normalized(r.netSnmp.log()).replace(":" + r.netSnmp.port(), ":LPORT");
                String actual = normalized(r.out()).replace(":" + r.port, ":LPORT");
                if (!expected.equals(actual)) {
                    // the first case that differs, named
                    assertEquals(expected, actual, "flags " + flags + ", after:\n" + trail);
                }
            }
        }
    }

    /** A v2c trap with every value type, a v1 trap with MIB-named variables, an inform with MIB types. */
    private static List<List<String>> flagCases() {
        return List.of(
                with(tool("snmptrap", V2C, A, "100", "IF-MIB::linkUp"), payload(TYPES)),
                with(tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.5", "6", "17", "4321"), payload(TYPES.subList(0, 9))),
                tool("snmptrap", V1, A, "SNMPv2-MIB::snmpTraps", "192.0.2.6", "2", "0", "77", "ifIndex.2", "i", "2",
                        "ifAdminStatus.2", "i", "1", "ifDescr.2", "s", "eth1"),
                tool("snmpinform", V2C, A, "100", "IF-MIB::linkUp", "ifIndex.3", "i", "3", "ifAdminStatus.3", "=", "up",
                        "ifDescr.3", "=", "eth0", "ifPhysAddress.3", "x", "00 11 22 33 44 55", "ifSpeed.3", "=",
                        "100000000", "sysLocation.0", "s", "a \"b\""));
    }

    private static final List<String> FLAGS = FULL
            ? List.of("", "-Oa", "-Ob", "-Oe", "-OE", "-Of", "-On", "-Oq", "-OQ", "-Os", "-OS", "-Ot", "-OT", "-Ou",
                    "-OU", "-Ov", "-Ox", "-OX", "-Oqq", "-OqQ", "-Ovq", "-OvQ", "-Otq", "-Oqv", "-Oxa", "-Oax", "-OxT",
                    "-OaT", "-OEb", "-OXb", "-OXq", "-OXf", "-Oteq", "-Obn", "-Ovv", "-Ofs", "-Oen", "-OQv", "-OUx")
            : List.of("-Oa", "-Of", "-On", "-Oq", "-OQ", "-Ot", "-Ov", "-OX", "-OxT", "-Oteq");

    @Test
    void everyOutputLetterAndInteractingPairsPrintAsSnmptrapd() throws Exception {
        for (String f : FLAGS) {
            receiveBoth(f.isEmpty() ? List.of() : List.of(f), flagCases());
        }
    }

    /** The vendor folders of the corpus: akcp (an SMIv1 TRAP-TYPE) and allied (an SMIv2 NOTIFICATION-TYPE). */
    private static String corpus(String vendor, String module) {
        String env = System.getenv("VARBIND_MIB_CORPUS");
        String root = System.getenv("VARBIND_REPO_ROOT");
        Path corpus = env != null && !env.isEmpty() ? Path.of(env)
                : Path.of(root == null ? "." : root).resolve("../shared/mibs-corpus");
        Path dir = corpus.resolve(vendor).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(dir) && dir.toFile().list((d, n) -> n.startsWith(module)).length > 0,
                "the MIB corpus holds " + module + " under " + dir);
        return dir.toString();
    }

    @Test
    void mibSetsVendorTrapsAndUnknownOidsPrintAsSnmptrapd() throws Exception {
        String akcp = corpus("akcp", "HHMSAGENT-MIB");
        String allied = corpus("allied", "AT-LINKTRAP-MIB");
        String mibs = NetSnmpTools.mibDirs();
        String e = ".1.3.6.1.4.1.3854.1"; // HHMSAGENT-MIB::hhmsagent
        List<List<String>> cases = List.of(
                tool("snmptrap", V1, A, e, "192.0.2.5", "6", "3", "5", e + ".1.2.0", "i", "4", e + ".1.1.0", "s", "rack 9",
                        "ifIndex.2", "i", "2"),
                tool("snmptrap", V1, A, e, "192.0.2.5", "6", "77", "5"),
                tool("snmptrap", V2C, A, "5", e + ".0.3", e + ".1.2.0", "i", "4", "ifAdminStatus.2", "i", "2"),
                tool("snmptrap", V2C, A, "5", ".1.3.6.1.4.1.207.8.4.4.3.25.1", "ifDescr.2", "s", "eth2",
                        "ifOperStatus.2", "i", "2"),
                tool("snmptrap", V2C, A, "5", ".1.3.6.1.4.1.8072.4.0.2", ".1.3.6.1.4.1.99999.1.2.3", "i", "2",
                        ".1.3.6.1.2.1.1.5.0", "s", "h"),
                tool("snmptrap", V1, A, ".1.3.6.1.4.1.99999", "192.0.2.5", "2", "0", "5", ".1.3.6.1.4.1.99999.1", "s", "x"),
                tool("snmptrap", V1, A, ".1.3.6.1.4.1.8072.4", "192.0.2.5", "6", "2", "5"));
        List<List<String>> sets = new ArrayList<>(List.of(List.of("-m", ""), List.of("-m", "", "-Of"),
                List.of("-m", "ALL", "-M", akcp + ":" + allied + ":" + mibs),
                List.of("-m", "ALL", "-M", akcp + ":" + mibs, "-Of"),
                List.of("-m", "SNMPv2-MIB:IF-MIB", "-Oe"),
                List.of("-M", akcp + ":" + allied + ":" + mibs, "-m", "HHMSAGENT-MIB:AT-LINKTRAP-MIB"),
                List.of("-M", allied + ":" + mibs, "-m", "+AT-LINKTRAP-MIB", "-Ou")));
        if (FULL) {
            sets.addAll(List.of(List.of("-m", "", "-Os", "-Oe"), List.of("-m", "", "-On"), List.of("-m", "IF-MIB"),
                    List.of("-m", "ALL", "-M", akcp + ":" + mibs, "-Os"),
                    List.of("-m", "ALL", "-M", akcp + ":" + mibs, "-Ob"), List.of("-m", "IF-MIB", "-Of")));
        }
        for (List<String> set : sets) {
            receiveBoth(set, cases);
        }
    }

    @Test
    void typesVersionsUsersAndTransportsPrintAsSnmptrapd() throws Exception {
        List<List<String>> cases = new ArrayList<>();
        // each value type alone (the flag sweep sends them all in one trap)
        for (String[] t : FULL ? TYPES : List.<String[]>of()) {
            cases.add(tool("snmptrap", V2C, A, "100", "IF-MIB::linkUp", ENTERPRISE + ".1", t[0], t[1]));
        }
        for (int g = 0; g <= 6; g++) {
            cases.add(tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.5", String.valueOf(g), "0", "5"));
        }
        for (String[] es : new String[][] {{".1.3.6.1.4.1.8072.3.2.10", "99"}, {"NET-SNMP-MIB::netSnmpAgentOIDs.10", "0"},
            {"SNMPv2-MIB::snmpTraps", "1"}, {".1.3.6.1.4.1.99999.1.2", "2147483647"}, {"", "5"}, {".1.3", "-1"},
            {ENTERPRISE, "4294967295"}, {"IF-MIB::ifMIB", "7"}}) {
            cases.add(tool("snmptrap", V1, A, es[0], "192.0.2.5", "6", es[1], "5", "ifIndex.1", "i", "1"));
        }
        for (String[] gs : new String[][] {{"7", "0"}, {"-1", "0"}, {"255", "1"}}) {
            cases.add(tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.5", gs[0], gs[1], "5"));
        }
        for (String agentAddr : List.of("", "0.0.0.0", "10.20.30.40")) {
            cases.add(tool("snmptrap", V1, A, ENTERPRISE, agentAddr, "6", "1", "5"));
        }
        for (String up : List.of("4294967295", "0", "8640000")) {
            cases.add(tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.5", "0", "0", up));
            cases.add(tool("snmptrap", V2C, A, up, "IF-MIB::linkUp"));
        }
        for (String agent : List.of("tcp:127.0.0.1:PORT", "udp6:[::1]:PORT", "tcp6:[::1]:PORT")) {
            cases.add(tool("snmptrap", V2C, agent, "100", "IF-MIB::linkUp", "ifIndex.1", "i", "1"));
            cases.add(tool("snmpinform", V2C, agent, "100", "IF-MIB::linkUp", "ifIndex.1", "i", "1"));
            cases.add(tool("snmptrap", V1, agent, ENTERPRISE, "192.0.2.9", "2", "0", "10", "ifIndex.1", "i", "1"));
        }
        cases.add(tool("snmptrap", with(List.of("-Ci"), V2C), A, "5", "IF-MIB::linkDown", "ifIndex.1", "i", "1"));
        cases.add(tool("snmpinform", with(List.of("-r", "2", "-t", "1"), V2C), A, "5", "IF-MIB::linkDown"));
        cases.add(tool("snmptrap", V2C, A, "5", ".1.3.6.1.4.1.99999.0.7"));
        cases.add(tool("snmptrap", V2C, A, "5", "NET-SNMP-AGENT-MIB::nsNotifyShutdown", "sysUpTime.0", "t", "5"));
        for (String user : USERS) {
            cases.add(tool("snmptrap", with(v3(user), List.of("-e", THEIR_ENGINE)), A, "5", "IF-MIB::linkUp", "ifIndex.1",
                    "i", "1"));
            cases.add(tool("snmpinform", v3(user), A, "6", "IF-MIB::linkDown", "ifIndex.1", "i", "1"));
        }
        cases.add(tool("snmptrap", with(v3("sha_aes"), List.of("-e", "0x" + THEIR_ENGINE, "-n", "ctxA")),
                "tcp:127.0.0.1:PORT", "5", "IF-MIB::linkUp"));
        cases.add(tool("snmpinform", with(v3("sha256_aes256"), List.of("-n", "ctx B")), "udp6:[::1]:PORT", "5",
                "IF-MIB::linkUp"));
        cases.add(tool("snmptrap", with(List.of("-Ci"), v3("md5_des")), A, "5", "IF-MIB::linkUp"));
        receiveBoth(List.of(), cases);
        // -n: no name lookups, the sender shown by its transport (IPv4 and IPv6, UDP and TCP, v1 and v2c)
        List<List<String>> numeric = new ArrayList<>();
        for (String agent : List.of(A, "tcp:127.0.0.1:PORT", "udp6:[::1]:PORT", "tcp6:[::1]:PORT")) {
            numeric.add(tool("snmptrap", V2C, agent, "1", "IF-MIB::linkUp", "ifIndex.1", "i", "1"));
            numeric.add(tool("snmptrap", V1, agent, ENTERPRISE, "192.0.2.1", "6", "1", "1"));
        }
        numeric.add(tool("snmpinform", V2C, A, "1", "IF-MIB::linkUp"));
        receiveBoth(List.of("-n"), numeric);
    }

    // ---------------------------------------------------------------- sending

    /** The uptime snmptrapd printed first in an entry (a v2 sysUpTime.0 or a v1 Uptime). */
    private static final Pattern UPTIME = Pattern.compile("Timeticks: \\((\\d+)\\) [^\\t\\n]*|Uptime: [^\\n]*");

    @Test
    void trapAndInformSendWhatSnmptrapAndSnmpinformSend() throws Exception {
        NetSnmpTools.requireInstalled();
        List<List<String>> cases = new ArrayList<>();
        cases.add(with(tool("snmptrap", V2C, A, "100", "IF-MIB::linkUp"), payload(TYPES)));
        for (String[] t : FULL ? TYPES : TYPES.subList(20, 26)) {
            cases.add(tool("snmptrap", V2C, A, "100", "IF-MIB::linkUp", ENTERPRISE + ".1", t[0], t[1]));
        }
        // MIB types (=), a DISPLAY-HINT read back (PhysAddress 1x:), enumeration labels, named OID values
        cases.add(tool("snmptrap", V2C, A, "100", "IF-MIB::linkUp", "ifIndex.3", "i", "3", "ifAdminStatus.3", "=", "up",
                "ifDescr.3", "=", "eth0", "sysLocation.0", "=", "room", "ifPhysAddress.3", "=", "00:11:22:33:44:55",
                "ifSpeed.3", "=", "100000000", "sysObjectID.0", "=", "IF-MIB::ifTable", "ifLastChange.3", "=", "500"));
        cases.add(tool("snmpinform", V2C, A, "7", ".1.3.6.1.6.3.1.1.5.4", "ifIndex.3", "i", "3"));
        cases.add(tool("snmptrap", with(List.of("-Ci"), V2C), A, "7", ".1.3.6.1.6.3.1.1.5.4", "ifIndex.3", "i", "3"));
        cases.add(tool("snmpinform", with(List.of("-r", "1", "-t", "2"), V2C), A, "7", "SNMPv2-MIB::coldStart"));
        for (int g = 0; g <= 6; g++) {
            cases.add(tool("snmptrap", List.of("-v", "1", "-c", "public"), A, ENTERPRISE, "192.0.2.7", String.valueOf(g),
                    "0", "55"));
        }
        cases.add(tool("snmptrap", V1, A, ENTERPRISE, "", "6", "99", "55", "ifIndex.1", "i", "1"));
        cases.add(tool("snmptrap", V1, A, "NET-SNMP-MIB::netSnmpNotificationPrefix", "10.0.0.1", "6", "2", "55"));
        cases.add(tool("snmptrap", V1, A, "", "10.0.0.1", "6", "2", "55"));
        cases.add(tool("snmptrap", V2C, A, "", "IF-MIB::linkDown"));
        // no MIBs: numeric names only
        cases.add(tool("snmptrap", with(List.of("-m", ""), V2C), A, "5", ".1.3.6.1.6.3.1.1.5.4", ".1.3.6.1.2.1.2.2.1.1.1",
                "i", "5", ENTERPRISE + ".1", "s", "no MIBs"));
        cases.add(tool("snmptrap", with(List.of("-m", ""), V1), A, ENTERPRISE, "192.0.2.3", "6", "4", "9",
                ".1.3.6.1.2.1.2.2.1.1.1", "i", "5"));
        cases.add(tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.1", "6", "1", ""));
        for (String agent : List.of("tcp:127.0.0.1:PORT", "udp6:[::1]:PORT", "tcp6:[::1]:PORT")) {
            cases.add(tool("snmptrap", V2C, agent, "100", "IF-MIB::linkUp", "ifIndex.1", "i", "1"));
            cases.add(tool("snmpinform", V2C, agent, "100", "IF-MIB::linkUp", "ifIndex.1", "i", "1"));
            cases.add(tool("snmptrap", V1, agent, ENTERPRISE, "10.0.0.1", "6", "2", "55"));
        }
        for (String user : USERS) {
            cases.add(tool("snmptrap", with(v3(user), List.of("-e", THEIR_ENGINE)), A, "5", "IF-MIB::linkUp", "ifIndex.1",
                    "i", "1"));
            cases.add(tool("snmpinform", v3(user), A, "6", "IF-MIB::linkDown", "ifIndex.1", "i", "1"));
        }
        cases.add(tool("snmptrap", with(v3("sha_aes"), List.of("-e", THEIR_ENGINE, "-n", "ctxA")), "tcp:127.0.0.1:PORT",
                "5", "IF-MIB::linkUp"));
        cases.add(tool("snmpinform", with(v3("sha_aes"), List.of("-n", "ctx B")), "udp6:[::1]:PORT", "5",
                "IF-MIB::linkUp"));
        cases.add(tool("snmptrap", with(List.of("-Ci"), v3("md5_des")), A, "5", "IF-MIB::linkUp"));

        try (SnmptrapdReceiver netSnmp = SnmptrapdReceiver.startDefaultFormatWithIpv6(List.of())) {
            Path dir = Files.createTempDirectory("varbind-notification-send");
            for (List<String> c : cases) {
                List<String> theirs = new ArrayList<>(c);
                theirs.replaceAll(w -> w.replace("PORT", String.valueOf(netSnmp.port())));
                int before = netSnmp.log().length();
                NetSnmpTools.Result t = NetSnmpTools.run(dir, theirs);
                String expected = lastEntry(awaitGrowth(netSnmp::log, before), netSnmp.port());
                List<String> ours = new ArrayList<>(theirs.subList(1, theirs.size()));
                ours.replaceAll(w -> w.equals(THEIR_ENGINE) ? OUR_ENGINE : w);
                ours.add(0, c.get(0).equals("snmptrap") ? "trap" : "inform");
                ours.addAll(1, List.of("-M", NetSnmpTools.mibDirs()));
                before = netSnmp.log().length();
                Run o = ToolRuns.ours(ours);
                String actual = lastEntry(awaitGrowth(netSnmp::log, before), netSnmp.port());
                String what = String.join(" ", ours) + "\nstderr: " + o.err();
                assertEquals(t.exitCode(), o.code(), what);
                if (c.contains("")) {
                    // an empty UPTIME is now: the host's uptime, read a moment apart
                    long e = ticks(expected);
                    long a = ticks(actual);
                    assertTrue(a >= e && a - e < 3000, what + ": " + expected + "\n" + actual);
                    expected = UPTIME.matcher(expected).replaceFirst("UPTIME");
                    actual = UPTIME.matcher(actual).replaceFirst("UPTIME");
                }
                assertEquals(expected, actual, what);
            }
        }
    }

    private static long ticks(String entry) {
        Matcher m = Pattern.compile("Timeticks: \\((\\d+)\\)").matcher(entry);
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        Matcher up = Pattern.compile("Uptime: (?:(\\d+) days?, )?(\\d+):(\\d\\d):(\\d\\d)\\.(\\d\\d)").matcher(entry);
        assertTrue(up.find(), entry);
        long days = up.group(1) == null ? 0 : Long.parseLong(up.group(1));
        return (((days * 24 + Long.parseLong(up.group(2))) * 60 + Long.parseLong(up.group(3))) * 60
                + Long.parseLong(up.group(4))) * 100 + Long.parseLong(up.group(5));
    }

    /** The last entry of a snmptrapd output, normalized (its listening port too). */
    private static String lastEntry(String log, int port) {
        String n = normalized(log).replace(":" + port, ":LPORT");
        int last = -1;
        for (String start : List.of("\nlocalhost [", "\n<UNKNOWN> [")) {
            last = Math.max(last, n.lastIndexOf(start));
        }
        Matcher v1 = Pattern.compile("\n[0-9.]+ \\[[0-9.]+\\] \\(via ").matcher(n);
        while (v1.find()) {
            last = Math.max(last, v1.start());
        }
        return last < 0 ? n : n.substring(last + 1);
    }

    // ---------------------------------------------------------------- errors

    /**
     * Bad command lines: snmptrap's first stderr line, and its exit status in CLI.md's families (its
     * usage errors and a missing TYPE/VALUE are bad usage, 2; the others 1).
     */
    @Test
    void badArgumentsFailAsSnmptrapDoes() throws Exception {
        NetSnmpTools.requireInstalled();
        String agent = "udp:127.0.0.1:" + SnmpdAgent.freePort();
        List<List<String>> cases = List.of(List.of(), List.of("0"), List.of("0", "linkUp", "ifIndex.1"),
                List.of("0", "linkUp", "ifIndex.1", "i"), List.of("0", "linkUp", "ifIndex.1", "z", "1"),
                List.of("0", "linkUp", "ifIndex.1", "INTEGER", "1"), List.of("0", "bogusTrap"),
                List.of("0", "linkUp", "bogus.1", "i", "1"), List.of("0", "linkUp", "ifIndex.1", "i", "abc"),
                List.of("0", "linkUp", "ifAdminStatus.1", "=", "sideways"), List.of("0", "linkUp", "ifIndex.1", "a", "1.2.3"),
                List.of("0", "linkUp", "sysDescr.0", "i", "1"), List.of("0", "linkUp", "sysObjectID.0", "s", "x"),
                List.of("0", "linkUp", "ifSpeed.1", "i", "1"), List.of("0", "linkUp", "ifInOctets.1", "u", "1"),
                List.of("0", "linkUp", "ifLastChange.1", "i", "1"), List.of("0", "linkUp", "ifHCInOctets.1", "i", "1"),
                List.of("0", "linkUp", "ifIndex.1", "b", "x"), List.of("0", "linkUp", "sysLocation.0", "x", "zz"),
                List.of("0", "linkUp", "sysLocation.0", "d", "1.2.x"), List.of("0", "linkUp", "sysObjectID.0", "o", "bogus"),
                List.of("0", "linkUp", ENTERPRISE, "t", "abc"), List.of("0", "linkUp", ENTERPRISE, "F", "abc"),
                List.of("0", "linkUp", ENTERPRISE, "x", "zz"), List.of("0", "linkUp", ENTERPRISE, "d", "300"),
                List.of("0", "linkUp", ENTERPRISE, "b", "x"), List.of("0", "linkUp", ENTERPRISE, "i", "abc"),
                List.of("0", "linkUp", ENTERPRISE, "=", "1"), List.of("0", "linkUp", "ifIndex.1", "=", "1"),
                List.of("0", "linkUp", "ifIndex.1", "abc", "1"), List.of("abc", "linkUp"),
                // the MIB's ranges and sizes
                List.of("0", "linkUp", "ifIndex.1", "i", "0"), List.of("0", "linkUp", "ifIndex.1", "i", "2147483647"),
                List.of("0", "linkUp", "ifDescr.1", "s", "x".repeat(256)), List.of("0", "linkUp", "ifDescr.1", "s",
                "x".repeat(255)), List.of("0", "linkUp", "sysLocation.0", "x", "41".repeat(256)),
                List.of("0", "linkUp", "ifAdminStatus.1", "i", "7"));
        List<List<String>> v1 = List.of(List.of(ENTERPRISE), List.of(ENTERPRISE, "1.2.3.4"),
                List.of(ENTERPRISE, "1.2.3.4", "6"), List.of(ENTERPRISE, "1.2.3.4", "6", "1"),
                List.of("bogusEnt", "1.2.3.4", "6", "1", "0"), List.of(ENTERPRISE, "1.2.3.4", "6", "1", "0", "ifIndex.1"));
        Path dir = Files.createTempDirectory("varbind-notification-errors");
        List<List<String>> all = with(cases, v1.stream().map(f -> with(List.of("-v1"), f)).toList());
        // an inform cannot be SNMPv1: snmpinform -v1, snmptrap -v1 -Ci
        all = with(all, List.of(List.of("-v1", "-Ci", ENTERPRISE, "1.2.3.4", "6", "1", "0"),
                List.of("INFORM", "0", "linkUp")));
        for (List<String> fields : all) {
            boolean inform = !fields.isEmpty() && fields.get(0).equals("INFORM");
            if (inform) {
                fields = with(List.of("-v1"), fields.subList(1, fields.size()));
            }
            // leading options (-v1, -Ci) before the community and the agent
            int o1 = 0;
            while (o1 < fields.size() && fields.get(o1).startsWith("-v1") || o1 < fields.size() && fields.get(o1).equals("-Ci")) {
                o1++;
            }
            List<String> args = with(with(fields.subList(0, o1), List.of("-c", "public", agent)),
                    fields.subList(o1, fields.size()));
            if (!fields.contains("-v1")) {
                args.add(0, "-v2c");
            }
            NetSnmpTools.Result t = NetSnmpTools.run(dir, with(List.of(inform ? "snmpinform" : "snmptrap"), args));
            Run o = ToolRuns.ours(with(List.of(inform ? "inform" : "trap", "-M", NetSnmpTools.mibDirs()), args));
            String theirLine = t.err().lines().filter(l -> !l.startsWith("Created directory")).findFirst().orElse("");
            String what = String.join(" ", args) + "\ntheirs: " + t.err() + "\nours: " + o.err();
            assertEquals(theirLine, o.err().lines().findFirst().orElse(""), what);
            boolean usage = theirLine.startsWith("Missing ") || theirLine.startsWith("No enterprise")
                    || theirLine.endsWith("Missing type/value for variable");
            assertEquals(t.exitCode() == 0 ? 0 : usage ? Main.EXIT_USAGE : Main.EXIT_ERROR, o.code(), what);
        }
    }

    // ---------------------------------------------------------------- --json

    /** snmptrapd's -On type labels as easysnmp's snmp_type names ({@code trapd --json}). */
    private static String easyType(String label) {
        return switch (label) {
            case "INTEGER" -> "INTEGER";
            case "STRING", "Hex-STRING", "\"\"" -> "OCTETSTR";
            case "Gauge32" -> "GAUGE";
            case "Counter32" -> "COUNTER";
            case "Counter64" -> "COUNTER64";
            case "Timeticks" -> "TICKS";
            case "IpAddress" -> "IPADDR";
            case "OID" -> "OBJECTID";
            case "NULL" -> "NULL";
            default -> "OPAQUE";
        };
    }

    /**
     * {@code trapd --json} beside {@code snmptrapd -On}: for the same notifications each JSON field
     * agrees with what snmptrapd printed: version, kind, community, the v1 fields, the uptime, the
     * trap OID (for v1 traps RFC 3584 section 3.1's translation of what snmptrapd shows), and each
     * variable's OID, type and (for numbers and OIDs) value, in order.
     */
    @Test
    void jsonFieldsAgreeWithWhatSnmptrapdPrinted() throws Exception {
        NetSnmpTools.requireInstalled();
        List<List<String>> cases = List.of(
                tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.5", "6", "17", "4321", "ifIndex.2", "i", "2",
                        ENTERPRISE + ".1", "o", ".1.3.6.1.2.1.1", ENTERPRISE + ".2", "s", "text"),
                tool("snmptrap", V1, A, ENTERPRISE, "192.0.2.6", "2", "0", "77", "ifIndex.2", "i", "2"),
                tool("snmptrap", V1, A, "SNMPv2-MIB::snmpTraps", "192.0.2.6", "0", "0", "1"),
                with(tool("snmptrap", V2C, A, "100", "IF-MIB::linkUp"), payload(TYPES.subList(0, 9))),
                tool("snmpinform", V2C, A, "200", ".1.3.6.1.4.1.99999.0.7", "ifAdminStatus.3", "=", "up", ENTERPRISE + ".9",
                        "u", "9"),
                tool("snmptrap", with(v3("sha_aes"), List.of("-e", THEIR_ENGINE, "-n", "ctxA")), A, "300",
                        "IF-MIB::linkDown", "ifIndex.4", "i", "4"));
        Pattern v1Header = Pattern.compile("^([0-9.]+) \\[.*TRAP, SNMP v1, community (\\S+)\n\t(\\S+) .* Trap \\((\\d+)\\)"
                + " Uptime: .*$", Pattern.MULTILINE);
        Pattern variable = Pattern.compile("(\\.[0-9.]+) = (?:([A-Za-z0-9-]+): )?(.*)");
        try (Receivers r = new Receivers(List.of("-On"), List.of("--json"))) {
            for (List<String> c : cases) {
                int theirs = r.netSnmp.log().length();
                send(r.dir, c, r.netSnmp.port());
                String entry = normalized(awaitGrowth(r.netSnmp::log, theirs).substring(theirs));
                int ours = r.out().length();
                send(r.dir, c, r.port);
                String json = awaitGrowth(r::out, ours).substring(ours).strip();
                String what = String.join(" ", c) + "\n" + entry + "\n" + json;
                boolean v1 = c.contains("-v1");
                String version = v1 ? "1" : c.contains("-v3") ? "3" : "2c";
                assertTrue(json.contains("\"version\":\"" + version + "\""), what);
                assertTrue(json.contains("\"kind\":\"" + (v1 ? "trap1" : c.get(0).equals("snmpinform") ? "inform" : "trap")
                        + "\""), what);
                String body = entry;
                if (v1) {
                    Matcher h = v1Header.matcher(entry);
                    assertTrue(h.find(), what);
                    int generic = Integer.parseInt(c.get(c.indexOf(A) + 3));
                    assertTrue(json.contains("\"community\":\"" + h.group(2) + "\""), what);
                    assertTrue(json.contains("\"enterprise\":\"" + h.group(3) + "\",\"agent_address\":\"" + h.group(1)
                            + "\",\"generic_trap\":" + generic + ",\"specific_trap\":" + h.group(4) + ","), what);
                    // RFC 3584 3.1: enterprise.0.specific for generic 6, else snmpTraps.(generic + 1)
                    String trapOid = generic == 6 ? h.group(3) + ".0." + h.group(4) : ".1.3.6.1.6.3.1.1.5." + (generic + 1);
                    assertTrue(json.contains("\"trap_oid\":\"" + trapOid + "\""), what);
                    assertTrue(json.contains("\"uptime\":" + c.get(c.indexOf(A) + 5) + ","), what);
                    int end = entry.indexOf('\n', entry.indexOf("Uptime:"));
                    body = end < 0 ? "" : entry.substring(end + 1).strip();
                } else {
                    Matcher up = Pattern.compile("\\.1\\.3\\.6\\.1\\.2\\.1\\.1\\.3\\.0 = Timeticks: \\((\\d+)\\)").matcher(entry);
                    Matcher oid = Pattern.compile("\\.1\\.3\\.6\\.1\\.6\\.3\\.1\\.1\\.4\\.1\\.0 = OID: (\\S+)").matcher(entry);
                    assertTrue(up.find() && oid.find(), what);
                    assertTrue(json.contains("\"uptime\":" + up.group(1) + ","), what);
                    assertTrue(json.contains("\"trap_oid\":\"" + oid.group(1) + "\""), what);
                    if (version.equals("3")) {
                        assertTrue(json.contains("\"security_name\":\"sha_aes\",\"security_level\":\"authPriv\","
                                + "\"context\":\"ctxA\""), what);
                    } else {
                        assertTrue(json.contains("\"community\":\"public\""), what);
                    }
                    body = entry.substring(entry.indexOf('\n') + 1);
                }
                String[] theirVars = body.isEmpty() ? new String[0] : body.split("\t");
                Matcher ours2 = Pattern.compile("\\{\"oid\":\"([^\"]*)\",\"oid_index\":\"([^\"]*)\",\"value\":\"((?:[^\"\\\\]|\\\\.)*)\","
                        + "\"snmp_type\":\"([A-Z0-9]+)\"\\}").matcher(json);
                for (String tv : theirVars) {
                    Matcher m = variable.matcher(tv.strip());
                    assertTrue(m.matches() && ours2.find(), what + "\n" + tv);
                    String type = m.group(2) == null ? m.group(3) : m.group(2);
                    assertEquals(easyType(type), ours2.group(4), what + "\n" + tv);
                    String index = ours2.group(2);
                    assertTrue(index.isEmpty() ? true : m.group(1).endsWith("." + index), what + "\n" + tv);
                    if (type.equals("INTEGER") || type.equals("Gauge32") || type.equals("Counter32")) {
                        String v = m.group(3).replaceAll(".*\\((\\d+)\\)$", "$1");
                        assertEquals(v, ours2.group(3), what + "\n" + tv);
                    } else if (type.equals("Timeticks")) {
                        assertEquals(m.group(3).replaceAll("^\\((\\d+)\\).*", "$1"), ours2.group(3), what + "\n" + tv);
                    } else if (type.equals("OID") || type.equals("IpAddress")) {
                        assertEquals(m.group(3), ours2.group(3), what + "\n" + tv);
                    }
                }
                assertTrue(!ours2.find(), "trapd printed more variables than snmptrapd: " + what);
            }
        }
    }

    /** Sender addresses as snmptrapd prints them (C's inet_ntop), not as Java spells them. */
    @Test
    void ipv6SendersAreWrittenAsInetNtopWritesThem() throws Exception {
        String[][] cases = {{"::1", "::1"}, {"0:0:0:0:0:0:0:0", "::"}, {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
            {"fe80:0:0:0:0:0:0:1", "fe80::1"}, {"2001:DB8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
            {"1:0:0:0:0:0:0:0", "1::"}, {"::1.2.3.4", "::1.2.3.4"}, {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"}};
        for (String[] c : cases) {
            assertEquals(c[1], TrapdFormat.address(java.net.InetAddress.getByName(c[0])), c[0]);
        }
    }
}
