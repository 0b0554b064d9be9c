package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.NetSnmpTools.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in agent, started in-process on free ports, answers Net-SNMP's own snmpget, snmpwalk,
 * snmpbulkwalk and snmpset; the data file it serves comes back unchanged through snmpwalk.
 */
@Tag("agent")
class NetSnmpInteropTest {

    /**
     * Written in the exact form {@code snmpwalk -On -OU -Oe} prints (an enterprise subtree no MIB
     * describes, so strings are quoted), one line per Net-SNMP type, multi-line strings included.
     */
    static final String DATA = String.join("\n",
            ".1.3.6.1.4.1.99999.1.1.0 = STRING: \"plain text\"",
            ".1.3.6.1.4.1.99999.1.2.0 = STRING: \"first line",
            "second line",
            "",
            "fourth line\"",
            ".1.3.6.1.4.1.99999.1.3.0 = \"\"",
            ".1.3.6.1.4.1.99999.1.4.0 = Hex-STRING: 00 01 FE FF 80 7F ",
            ".1.3.6.1.4.1.99999.1.5.0 = INTEGER: -2147483648",
            ".1.3.6.1.4.1.99999.1.6.0 = INTEGER: 2147483647",
            ".1.3.6.1.4.1.99999.1.7.0 = Counter32: 4294967295",
            ".1.3.6.1.4.1.99999.1.8.0 = Gauge32: 1000000000",
            ".1.3.6.1.4.1.99999.1.9.0 = Counter64: 18446744073709551615",
            ".1.3.6.1.4.1.99999.1.10.0 = Timeticks: (12345) 0:02:03.45",
            ".1.3.6.1.4.1.99999.1.11.0 = IpAddress: 192.0.2.1",
            ".1.3.6.1.4.1.99999.1.12.0 = OID: .1.3.6.1.4.1.8072.3.2.10",
            ".1.3.6.1.4.1.99999.1.13.0 = Opaque: Float: 1.500000",
            ".1.3.6.1.4.1.99999.1.14.0 = Opaque: Float: -2.250000",
            ".1.3.6.1.4.1.99999.1.15.0 = STRING: \"with \\\"quotes\\\" and \\\\ backslash\"",
            ".1.3.6.1.4.1.99999.1.16.0 = Timeticks: (8640000) 1 day, 0:00:00.00",
            ".1.3.6.1.4.1.99999.1.17.0 = Timeticks: (4294967295) 497 days, 2:27:52.95",
            ".1.3.6.1.4.1.99999.2.1.1 = STRING: \"row one\"",
            ".1.3.6.1.4.1.99999.2.1.2 = STRING: \"row two\"",
            ".1.3.6.1.4.1.99999.2.1.4294967295 = Gauge32: 7",
            "");

    @TempDir
    static Path dir;
    static SnmpAgent agent;
    static String udp;
    static String tcp;

    @BeforeAll
    static void start() throws IOException {
        NetSnmpTools.requireInstalled();
        Path data = dir.resolve("data.walk");
        Files.writeString(data, DATA, StandardCharsets.ISO_8859_1);
        agent = SnmpAgent.builder().listen("udp:127.0.0.1:0,tcp:127.0.0.1:0").data(data).community("public")
                .writeCommunity("private").build();
        udp = "udp:127.0.0.1:" + agent.udpEndpoints().get(0).getPort();
        tcp = "tcp:127.0.0.1:" + agent.tcpEndpoints().get(0).getPort();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private static Result tool(String... args) {
        return NetSnmpTools.run(dir, List.of(args));
    }

    /** The file's lines, then what snmpwalk prints when the agent says its MIB view ends there. */
    private static List<String> dataLines() {
        List<String> lines = new ArrayList<>(DATA.lines().toList());
        lines.add(".1.3.6.1.4.1.99999.2.1.4294967295 = No more variables left in this MIB View"
                + " (It is past the end of the MIB tree)");
        return lines;
    }

    @Test
    void snmpwalkReproducesTheDataFile() {
        Result r = tool("snmpwalk", "-v2c", "-c", "public", "-On", "-OU", "-Oe", udp, ".1.3.6.1.4.1.99999");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(dataLines(), r.lines());
    }

    @Test
    void snmpbulkwalkOverUdpAndTcpReproducesTheDataFile() {
        for (String target : List.of(udp, tcp)) {
            for (String reps : List.of("-Cr1", "-Cr7", "-Cr100")) {
                Result r = tool("snmpbulkwalk", "-v2c", "-c", "public", reps, "-On", "-OU", "-Oe", target,
                        ".1.3.6.1.4.1.99999");
                assertEquals(0, r.exitCode(), r.err());
                assertEquals(dataLines(), r.lines(), target + " " + reps);
            }
        }
    }

    @Test
    void v1WalkSkipsCounter64() {
        Result r = tool("snmpwalk", "-v1", "-c", "public", "-On", "-OU", "-Oe", udp, ".1.3.6.1.4.1.99999");
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>(dataLines());
        expected.removeIf(l -> l.contains("Counter64"));
        expected.set(expected.size() - 1, "End of MIB");
        assertEquals(expected, r.lines());
    }

    @Test
    void snmpgetOfMissingThings() {
        Result r = tool("snmpget", "-v2c", "-c", "public", "-On", udp, ".1.3.6.1.4.1.99999.1.1.0",
                ".1.3.6.1.4.1.99999.2.1.3", ".1.3.6.1.4.1.99999.3.0");
        assertEquals(List.of(".1.3.6.1.4.1.99999.1.1.0 = STRING: \"plain text\"",
                ".1.3.6.1.4.1.99999.2.1.3 = No Such Instance currently exists at this OID",
                ".1.3.6.1.4.1.99999.3.0 = No Such Object available on this agent at this OID"), r.lines());
        Result v1 = tool("snmpget", "-v1", "-c", "public", "-On", udp, ".1.3.6.1.4.1.99999.1.1.0",
                ".1.3.6.1.4.1.99999.3.0");
        assertTrue(v1.err().contains("noSuchName"), v1.err());
        assertTrue(v1.err().contains("Failed object: .1.3.6.1.4.1.99999.3.0"), v1.err());
        Result wrong = tool("snmpget", "-v2c", "-c", "nope", "-t", "0.3", "-r", "0", udp, ".1.3.6.1.4.1.99999.1.1.0");
        assertTrue(wrong.err().contains("Timeout"), wrong.err());
    }

    @Test
    void snmpsetNeedsTheReadWriteCommunity() {
        Result ro = tool("snmpset", "-v2c", "-c", "public", "-On", udp, ".1.3.6.1.4.1.99999.2.1.1", "s", "changed");
        assertTrue(ro.err().contains("noAccess"), ro.err());
        Result rw = tool("snmpset", "-v2c", "-c", "private", "-On", udp, ".1.3.6.1.4.1.99999.2.1.2", "s", "changed");
        assertEquals(0, rw.exitCode(), rw.err());
        assertEquals(List.of(".1.3.6.1.4.1.99999.2.1.2 = STRING: \"changed\""), rw.lines());
        Result get = tool("snmpget", "-v2c", "-c", "public", "-On", udp, ".1.3.6.1.4.1.99999.2.1.2");
        assertEquals(List.of(".1.3.6.1.4.1.99999.2.1.2 = STRING: \"changed\""), get.lines());
        Result type = tool("snmpset", "-v2c", "-c", "private", "-On", udp, ".1.3.6.1.4.1.99999.2.1.1", "i", "5");
        assertTrue(type.err().contains("wrongType"), type.err());
        // put it back for the walk tests
        tool("snmpset", "-v2c", "-c", "private", udp, ".1.3.6.1.4.1.99999.2.1.2", "s", "row two");
    }

    @Test
    void garbageAndFloodsDoNotStopIt() throws IOException {
        int port = agent.udpEndpoints().get(0).getPort();
        long parseErrorsBefore = agent.statistics().inAsnParseErrs.sum();
        Random random = new Random(7);
        try (DatagramSocket s = new DatagramSocket()) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
            byte[][] hostile = {
                {},
                {0x30},
                {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                {0x30, 0x03, 0x02, 0x01, 0x05},
                {0x30, (byte) 0x80, 0x00, 0x00},
            };
            for (byte[] h : hostile) {
                s.send(new DatagramPacket(h, h.length, to));
            }
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                if (i % 2 == 0) {
                    junk[0] = 0x30;
                }
                s.send(new DatagramPacket(junk, junk.length, to));
            }
        }
        try (Socket tcpJunk = new Socket("127.0.0.1", agent.tcpEndpoints().get(0).getPort())) {
            OutputStream o = tcpJunk.getOutputStream();
            o.write(new byte[] {0x30, (byte) 0x84, 0x7f, 0, 0, 0, 1, 2, 3});
            o.flush();
        }
        Result r = tool("snmpget", "-v2c", "-c", "public", "-On", udp, ".1.3.6.1.4.1.99999.1.5.0");
        assertEquals(List.of(".1.3.6.1.4.1.99999.1.5.0 = INTEGER: -2147483648"), r.lines(), r.err());
        Result t = tool("snmpget", "-v2c", "-c", "public", "-On", tcp, ".1.3.6.1.4.1.99999.1.5.0");
        assertEquals(List.of(".1.3.6.1.4.1.99999.1.5.0 = INTEGER: -2147483648"), t.lines(), t.err());
        assertTrue(agent.statistics().inAsnParseErrs.sum() - parseErrorsBefore >= 1000, agent.statistics().toString());
        assertEquals(0, agent.statistics().internalErrors.sum(), agent.statistics().toString());
    }
}
