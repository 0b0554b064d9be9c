package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.agent.SnmpAgent;
import io.varbind.agent.WalkFileParser;
import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoWalksTheBuiltInAgentAndExitsZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"demo"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.ISO_8859_1);
        // What it prints is a walk file: it reads back, in order, with the demo's objects.
        Map<Oid, Variable> back = new LinkedHashMap<>();
        WalkFileParser parser = new WalkFileParser();
        parser.parse("demo", new StringReader(text), back::put);
        assertEquals(0, parser.warningCount(), parser.warnings().toString());
        assertTrue(back.size() > 100, "demo objects: " + back.size());
        List<Oid> order = new ArrayList<>(back.keySet());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1).compareTo(order.get(i)) < 0, "walk order at " + order.get(i));
        }
        assertEquals(Variable.octetString("varbind-demo"), back.get(Oid.parse("1.3.6.1.2.1.1.5.0")));
        assertEquals(Variable.integer(4), back.get(Oid.parse("1.3.6.1.2.1.2.1.0")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("agent stopped"));
    }

    /**
     * The lines the demo prints ({@code walk -On -OU -Oe}) are Net-SNMP's: walking an agent that
     * serves a capture of {@code snmpwalk -On -OU -Oe} output (values of every type, as Net-SNMP
     * printed them, in a subtree no MIB describes) gives the capture back.
     */
    @Test
    void linesAreNetSnmpsNumericLines(@TempDir Path dir) throws Exception {
        String data = String.join("\n",
                ".1.3.6.1.4.1.99999.1.1.0 = STRING: \"plain text\"",
                ".1.3.6.1.4.1.99999.1.2.0 = STRING: \"two\nlines\"",
                ".1.3.6.1.4.1.99999.1.3.0 = \"\"",
                ".1.3.6.1.4.1.99999.1.4.0 = Hex-STRING: 00 01 FE FF 80 7F ",
                ".1.3.6.1.4.1.99999.1.5.0 = INTEGER: -2147483648",
                ".1.3.6.1.4.1.99999.1.7.0 = Counter32: 4294967295",
                ".1.3.6.1.4.1.99999.1.8.0 = Gauge32: 1000000000",
                ".1.3.6.1.4.1.99999.1.9.0 = Counter64: 18446744073709551615",
                ".1.3.6.1.4.1.99999.1.10.0 = Timeticks: (12345) 0:02:03.45",
                ".1.3.6.1.4.1.99999.1.11.0 = IpAddress: 192.0.2.1",
                ".1.3.6.1.4.1.99999.1.12.0 = OID: .1.3.6.1.4.1.8072.3.2.10",
                ".1.3.6.1.4.1.99999.1.13.0 = Opaque: Float: 1.500000",
                ".1.3.6.1.4.1.99999.1.15.0 = STRING: \"with \\\"quotes\\\" and \\\\ backslash\"",
                ".1.3.6.1.4.1.99999.1.16.0 = Timeticks: (8640000) 1 day, 0:00:00.00",
                ".1.3.6.1.4.1.99999.1.17.0 = Timeticks: (4294967295) 497 days, 2:27:52.95",
                "");
        Path file = dir.resolve("d.walk");
        Files.writeString(file, data, StandardCharsets.ISO_8859_1);
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").data(file).community("public")
                .build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"walk", "-On", "-OU", "-Oe", "-v2c", "-c", "public",
                "udp:127.0.0.1:" + agent.udpEndpoints().get(0).getPort(), ".1.3.6.1.4.1.99999"},
                    new PrintStream(out, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            // the subtree runs to the end of the agent's view, so the walk ends as snmpwalk's does
            assertEquals(data + ".1.3.6.1.4.1.99999.1.17.0 = No more variables left in this MIB View"
                    + " (It is past the end of the MIB tree)\n", out.toString(StandardCharsets.ISO_8859_1));
        }
    }
}
