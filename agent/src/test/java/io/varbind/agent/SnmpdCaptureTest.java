package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real snmpd's data, captured with {@code snmpwalk -On -OU -Oe}, served by the built-in agent:
 * Net-SNMP's snmpwalk and snmpbulkwalk of the agent print exactly the capture again.
 */
@Tag("agent")
class SnmpdCaptureTest {

    @TempDir
    Path dir;

    private static ProcessBuilder withMibs(ProcessBuilder pb) {
        pb.environment().put("MIBDIRS", NetSnmpTools.mibDirs());
        pb.environment().put("MIBS", "ALL");
        return pb;
    }

    private static String run(ProcessBuilder pb, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tool timed out: " + pb.command());
        String errors = Files.readString(err);
        assertEquals(0, p.exitValue(), pb.command() + ": " + errors.substring(0, Math.min(errors.length(), 2000)));
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Subtrees with every value type snmpd serves; hrSWRun is left out (process arguments are
     * nobody's business and change all the time).
     */
    private static final List<String> SUBTREES = List.of(".1.3.6.1.2.1.1", ".1.3.6.1.2.1.2", ".1.3.6.1.2.1.31",
            ".1.3.6.1.2.1.11", ".1.3.6.1.2.1.25.1", ".1.3.6.1.2.1.25.2", ".1.3.6.1.4.1.2021.4",
            ".1.3.6.1.4.1.2021.10", ".1.3.6.1.4.1.2021.11", ".1.3.6.1.6.3");

    @Test
    void walkOfTheServedCaptureIsTheCapture() throws Exception {
        try (SnmpdAgent snmpd = SnmpdAgent.start()) {
            List<String> captures = new ArrayList<>();
            StringBuilder all = new StringBuilder();
            for (String root : SUBTREES) {
                String c = run(snmpd.netSnmpTool(List.of("snmpbulkwalk", "-v2c", "-c", "public", "-Cr50",
                        "-On", "-OU", "-Oe", snmpd.hostPort(), root)), dir);
                captures.add(c);
                all.append(c);
            }
            assertTrue(all.toString().lines().count() > 100, "snmpd serves more than 100 instances there");
            for (String type : List.of("STRING", "INTEGER", "OID", "Timeticks", "Counter32", "Gauge32", "Counter64",
                    "Hex-STRING", "Opaque")) {
                assertTrue(all.indexOf(" = " + type + ": ") >= 0, "the capture has a " + type);
            }
            Path data = dir.resolve("snmpd.walk");
            Files.writeString(data, all, StandardCharsets.ISO_8859_1);
            try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0,tcp:127.0.0.1:0").data(data)
                    .community("public").build()) {
                assertEquals(List.of(), agent.warnings());
                String udp = "udp:127.0.0.1:" + agent.udpEndpoints().get(0).getPort();
                String tcp = "tcp:127.0.0.1:" + agent.tcpEndpoints().get(0).getPort();
                for (int i = 0; i < SUBTREES.size(); i++) {
                    String root = SUBTREES.get(i);
                    List<List<String>> commands = List.of(
                            List.of("snmpwalk", "-v2c", "-c", "public", "-On", "-OU", "-Oe", udp, root),
                            List.of("snmpbulkwalk", "-v2c", "-c", "public", "-Cr25", "-On", "-OU", "-Oe", udp, root),
                            List.of("snmpbulkwalk", "-v2c", "-c", "public", "-On", "-OU", "-Oe", tcp, root));
                    for (List<String> cmd : commands) {
                        String ours = run(snmpd.netSnmpTool(cmd), dir);
                        assertEquals(captures.get(i), ours, String.join(" ", cmd));
                    }
                }
                // With MIB names and the default output flags, the same text as snmpd gives for
                // the objects that do not move.
                List<String> stable = List.of("sysDescr.0", "sysContact.0", "sysName.0", "sysObjectID.0", "ifDescr.1",
                        "ifType.1", "ifPhysAddress.1", "ifAdminStatus.1", "hrMemorySize.0");
                List<String> theirsCmd = new ArrayList<>(List.of("snmpget", "-v2c", "-c", "public", snmpd.hostPort()));
                theirsCmd.addAll(stable);
                List<String> oursCmd = new ArrayList<>(List.of("snmpget", "-v2c", "-c", "public", udp));
                oursCmd.addAll(stable);
                assertEquals(run(withMibs(snmpd.netSnmpTool(theirsCmd)), dir), run(withMibs(snmpd.netSnmpTool(oursCmd)), dir));
            }
        }
    }
}
