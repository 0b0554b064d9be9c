package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.SnmptrapdReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./varbind trap} and {@code ./varbind inform} take snmptrap's and snmpinform's arguments:
 * the same command line, run by each into one snmptrapd, must be logged as the same line.
 */
@Tag("agent")
class NotificationCommandsTest {
    private static SnmptrapdReceiver trapd;

    @BeforeAll
    static void start() {
        trapd = SnmptrapdReceiver.start();
    }

    @AfterAll
    static void stop() {
        if (trapd != null) {
            trapd.close();
        }
    }

    private static int varbind(List<String> args, StringBuilder err) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(new String[0]), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        err.append(e.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static final List<String> PAYLOAD = List.of("IF-MIB::ifIndex.2", "i", "2", "ifAdminStatus.2", "=", "2",
            ".1.3.6.1.4.1.8072.9999.1", "s", "payload with spaces", ".1.3.6.1.4.1.8072.9999.2", "i", "-17",
            ".1.3.6.1.4.1.8072.9999.3", "a", "10.1.2.3", ".1.3.6.1.4.1.8072.9999.4", "u", "4000000000",
            ".1.3.6.1.4.1.8072.9999.5", "o", "SNMPv2-MIB::system", ".1.3.6.1.4.1.8072.9999.6", "x", "de ad be ef",
            ".1.3.6.1.4.1.8072.9999.7", "t", "99");

    /**
     * Runs {@code tool} with {@code netSnmpArgs}, then varbind's {@code command} with
     * {@code varbindArgs}, and compares snmptrapd's lines; {@code moving} masks the uptime.
     */
    private static void same(String tool, List<String> netSnmpArgs, String command, List<String> varbindArgs,
            boolean moving) {
        int before = trapd.lines().size();
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(netSnmpArgs);
        assertEquals(0, trapd.runTool(cmd), String.join(" ", cmd));
        List<String> lines = trapd.awaitLines(before + 1, 10);
        assertEquals(before + 1, lines.size(), trapd.log());
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(varbindArgs);
        StringBuilder err = new StringBuilder();
        assertEquals(0, varbind(args, err), args + ": " + err);
        lines = trapd.awaitLines(before + 2, 10);
        assertEquals(before + 2, lines.size(), trapd.log());
        String expected = lines.get(before);
        String actual = lines.get(before + 1);
        if (moving) {
            // both are the host's uptime, taken a moment apart
            long e = uptime(expected);
            long a = uptime(actual);
            assertTrue(a >= e && a - e < 3000, "uptimes " + e + " then " + a);
            expected = expected.replaceFirst(UPTIME, "UPTIME");
            actual = actual.replaceFirst(UPTIME, "UPTIME");
        }
        assertEquals(expected, actual, String.join(" ", args));
    }

    private static final String UPTIME = "uptime=\\d+|\\.1\\.3\\.6\\.1\\.2\\.1\\.1\\.3\\.0 = Timeticks: \\(\\d+\\) [^\t]*";

    private static long uptime(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("uptime=(\\d+)|\\.1\\.3\\.6\\.1\\.2\\.1\\.1\\.3\\.0 = Timeticks: \\((\\d+)\\)")
                .matcher(line);
        assertTrue(m.find(), line);
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static List<String> args(List<String> options, String agent, List<String> fields) {
        List<String> a = new ArrayList<>(options);
        a.add(agent);
        a.addAll(fields);
        a.addAll(PAYLOAD);
        return a;
    }

    private static void both(String tool, List<String> options, String varbindOptionsEngine, List<String> fields,
            boolean moving) {
        for (String transport : List.of("udp:", "tcp:")) {
            String agent = transport + "127.0.0.1:" + trapd.port();
            List<String> netSnmp = args(options, agent, fields);
            List<String> mine = new ArrayList<>(options);
            if (varbindOptionsEngine != null) {
                int e = mine.indexOf("-e");
                mine.set(e + 1, varbindOptionsEngine);
            }
            same(tool, netSnmp, tool.equals("snmptrap") ? "trap" : "inform", args(mine, agent, fields), moving);
        }
    }

    @Test
    void v1Traps() {
        both("snmptrap", List.of("-v", "1", "-c", "public"), null,
                List.of(".1.3.6.1.4.1.8072.9999", "192.0.2.1", "6", "42", "4242"), false);
        both("snmptrap", List.of("-v", "1", "-c", "public"), null,
                List.of("SNMPv2-MIB::snmpTraps", "192.0.2.1", "3", "0", "1"), false);
    }

    @Test
    void v2cTrapsAndInforms() {
        both("snmptrap", List.of("-v", "2c", "-c", "public"), null, List.of("123456", "IF-MIB::linkUp"), false);
        both("snmpinform", List.of("-v", "2c", "-c", "public"), null, List.of("123456", ".1.3.6.1.6.3.1.1.5.3"),
                false);
    }

    @Test
    void anEmptyUptimeIsTheHostsUptime() {
        both("snmptrap", List.of("-v", "2c", "-c", "public"), null, List.of("", "IF-MIB::linkDown"), true);
        both("snmptrap", List.of("-v", "1", "-c", "public"), null,
                List.of("", "192.0.2.1", "6", "1", ""), true);
    }

    @Test
    void v3TrapsAndInforms() {
        List<String> user = List.of("-v", "3", "-l", "authPriv", "-u", "sha256_aes256", "-a", "SHA-256", "-A",
                "sha256_aes256_authpw", "-x", "AES-256", "-X", "sha256_aes256_privpw");
        List<String> trap = new ArrayList<>(user);
        trap.addAll(List.of("-e", SnmptrapdReceiver.SENDER_ENGINE_IDS.get(0)));
        both("snmptrap", trap, SnmptrapdReceiver.SENDER_ENGINE_IDS.get(1), List.of("7", "IF-MIB::linkUp"), false);
        both("snmpinform", user, null, List.of("7", "IF-MIB::linkUp"), false);
    }

    @Test
    void badArgumentsAreUsageErrorsAndFailuresExitOne() {
        StringBuilder err = new StringBuilder();
        String agent = "127.0.0.1:" + trapd.port();
        assertEquals(Main.EXIT_USAGE, varbind(List.of("trap", "-v", "2c", agent, "0"), err), err.toString());
        assertEquals(Main.EXIT_USAGE, varbind(List.of("trap", "-v", "2c", agent, "0", "linkUp", "ifIndex.1", "i"),
                err), err.toString());
        // snmptrap reads GENERIC with atol: 'x' is 0 and the trap leaves (NotificationParityTest compares)
        assertEquals(Main.EXIT_OK, varbind(List.of("trap", "-v", "1", agent, "", "", "x", "1", "0"), err),
                err.toString());
        // snmpinform's own line and status for -v 1
        assertEquals(Main.EXIT_ERROR, varbind(List.of("inform", "-v", "1", agent, "0", "linkUp"), err), err.toString());
        err.setLength(0);
        assertEquals(Main.EXIT_ERROR, varbind(List.of("inform", "-v", "2c", "-c", "nobody", "-t", "0.2", "-r", "0",
                agent, "0", "linkUp"), err), err.toString());
        assertTrue(err.toString().contains("timeout"), err.toString());
    }
}
