package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkFileParserTest {

    private static Map<Oid, Variable> parse(String text, WalkFileParser p) throws IOException {
        Map<Oid, Variable> out = new LinkedHashMap<>();
        p.parse("test", new StringReader(text), out::put);
        return out;
    }

    @Test
    void everyTypeLabel() throws IOException {
        String text = String.join("\n",
                ".1.3.6.1.2.1.1.1.0 = STRING: Linux box 6.1.0",
                ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10",
                ".1.3.6.1.2.1.1.3.0 = Timeticks: (12345) 0:02:03.45",
                ".1.3.6.1.2.1.1.7.0 = INTEGER: 72",
                ".1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 02 42 AC 11 00 02 ",
                ".1.3.6.1.2.1.2.2.1.10.2 = Counter32: 4294967295",
                ".1.3.6.1.2.1.2.2.1.5.2 = Gauge32: 1000000000",
                ".1.3.6.1.2.1.31.1.1.1.6.2 = Counter64: 18446744073709551615",
                ".1.3.6.1.2.1.4.20.1.1.127.0.0.1 = IpAddress: 127.0.0.1",
                ".1.3.6.1.4.1.2021.10.1.6.1 = Opaque: Float: 0.420000",
                ".1.3.6.1.4.1.2021.10.1.7.1 = Opaque: Double: 1.5",
                ".1.3.6.1.4.1.2021.10.1.8.1 = Opaque: 01 02 03",
                ".1.3.6.1.2.1.1.4.0 = \"\"",
                ".1.3.6.1.2.1.1.5.0 = STRING: \"quoted name\"",
                ".1.3.6.1.2.1.1.9.1.1 = INTEGER: -17",
                ".1.3.6.1.2.1.2.2.1.7.1 = INTEGER: up(1)",
                ".1.3.6.1.2.1.99.0 = Network Address: 0A:00:00:01",
                ".1.3.6.1.2.1.98.0 = NULL",
                ".1.3.6.1.2.1.97.0 = No Such Instance currently exists at this OID",
                ".1.3.6.1.2.1.96.0 = Gauge32: 10 percent");
        WalkFileParser p = new WalkFileParser();
        Map<Oid, Variable> m = parse(text, p);
        assertEquals(0, p.warningCount(), () -> p.warnings().toString());
        assertEquals(19, m.size());
        assertEquals(Variable.octetString("Linux box 6.1.0"), m.get(Oid.parse("1.3.6.1.2.1.1.1.0")));
        assertEquals(Variable.objectId(Oid.parse("1.3.6.1.4.1.8072.3.2.10")), m.get(Oid.parse("1.3.6.1.2.1.1.2.0")));
        assertEquals(Variable.timeTicks(12345), m.get(Oid.parse("1.3.6.1.2.1.1.3.0")));
        assertEquals(Variable.integer(72), m.get(Oid.parse("1.3.6.1.2.1.1.7.0")));
        assertArrayEquals(new byte[] {2, 0x42, (byte) 0xac, 0x11, 0, 2}, m.get(Oid.parse("1.3.6.1.2.1.2.2.1.6.2")).bytes());
        assertEquals(Variable.counter32(4294967295L), m.get(Oid.parse("1.3.6.1.2.1.2.2.1.10.2")));
        assertEquals(Variable.gauge32(1000000000L), m.get(Oid.parse("1.3.6.1.2.1.2.2.1.5.2")));
        assertEquals(Variable.counter64(-1L), m.get(Oid.parse("1.3.6.1.2.1.31.1.1.1.6.2")));
        assertEquals(Variable.ipAddress(new byte[] {127, 0, 0, 1}), m.get(Oid.parse("1.3.6.1.2.1.4.20.1.1.127.0.0.1")));
        assertEquals(0.42f, m.get(Oid.parse("1.3.6.1.4.1.2021.10.1.6.1")).floatValue(), 1e-6);
        assertEquals(1.5, m.get(Oid.parse("1.3.6.1.4.1.2021.10.1.7.1")).doubleValue(), 1e-12);
        assertEquals(Variable.opaque(new byte[] {1, 2, 3}), m.get(Oid.parse("1.3.6.1.4.1.2021.10.1.8.1")));
        assertEquals(0, m.get(Oid.parse("1.3.6.1.2.1.1.4.0")).bytesLength());
        assertEquals(Variable.octetString("quoted name"), m.get(Oid.parse("1.3.6.1.2.1.1.5.0")));
        assertEquals(Variable.integer(-17), m.get(Oid.parse("1.3.6.1.2.1.1.9.1.1")));
        assertEquals(Variable.integer(1), m.get(Oid.parse("1.3.6.1.2.1.2.2.1.7.1")));
        assertEquals(Variable.ipAddress(new byte[] {10, 0, 0, 1}), m.get(Oid.parse("1.3.6.1.2.1.99.0")));
        assertEquals(BerTags.NULL, m.get(Oid.parse("1.3.6.1.2.1.98.0")).tag());
        assertNull(m.get(Oid.parse("1.3.6.1.2.1.97.0")));
        assertEquals(Variable.gauge32(10), m.get(Oid.parse("1.3.6.1.2.1.96.0")));
    }

    @Test
    void multiLineStringsAndHex() throws IOException {
        String text = ".1.3.6.1.2.1.1.1.0 = STRING: \"first line\nsecond line\n\nfourth\"\n"
                + ".1.3.6.1.2.1.1.2.0 = Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n"
                + "10 11 \n"
                + ".1.3.6.1.2.1.1.3.0 = STRING: plain\n";
        Map<Oid, Variable> m = parse(text, new WalkFileParser());
        assertEquals(3, m.size());
        assertEquals("first line\nsecond line\n\nfourth",
                new String(m.get(Oid.parse("1.3.6.1.2.1.1.1.0")).bytes(), StandardCharsets.ISO_8859_1));
        assertEquals(18, m.get(Oid.parse("1.3.6.1.2.1.1.2.0")).bytesLength());
        assertEquals(0x11, m.get(Oid.parse("1.3.6.1.2.1.1.2.0")).bytes()[17]);
        assertEquals(Variable.octetString("plain"), m.get(Oid.parse("1.3.6.1.2.1.1.3.0")));
    }

    @Test
    void badLinesAreWarningsNotFailures() throws IOException {
        String text = "garbage at the start\n"
                + ".1.3.6.1.2.1.1.1.0 = STRING: ok\n"
                + ".1.3.6.1.2.1.1.2.0 = Counter32: -5\n"
                + ".1.3.6.1.2.1.1.3.0 = Mystery: 5\n"
                + ".1.3.6.1.2.1.1.4.0 = IpAddress: 1.2.3\n"
                + ".1.3.6.1.2.1.1.5.0 = OID: SNMPv2-MIB::sysName\n";
        WalkFileParser p = new WalkFileParser();
        Map<Oid, Variable> m = parse(text, p);
        assertEquals(1, m.size());
        assertEquals(5, p.warningCount());
        assertEquals("test:1: not an 'OID = TYPE: value' line", p.warnings().get(0));
        assertEquals(true, p.warnings().get(1).startsWith("test:3: "));
    }

    @Test
    void quotedStringsAreUnescaped() {
        assertEquals("say \"hi\" \\ bye", WalkFileParser.unquote("\"say \\\"hi\\\" \\\\ bye\""));
        assertEquals("raw \\\" text", WalkFileParser.unquote("raw \\\" text"));
    }

    @Test
    void valueTextsThatAreNotValues() {
        assertThrows(IllegalArgumentException.class, () -> WalkFileParser.parseValue("INTEGER: twelve"));
        assertThrows(IllegalArgumentException.class, () -> WalkFileParser.parseValue("Hex-STRING: 0G"));
        assertThrows(IllegalArgumentException.class, () -> WalkFileParser.parseValue("just text"));
        assertThrows(IllegalArgumentException.class, () -> WalkFileParser.parseValue("Counter64: 18446744073709551616"));
    }

    @Test
    void startOfValueNeedsANumericOid() {
        assertEquals(-1, WalkFileParser.startOfValue("SNMPv2-MIB::sysDescr.0 = STRING: x"));
        assertEquals(-1, WalkFileParser.startOfValue("12 = x"));
        assertEquals(11, WalkFileParser.startOfValue(".1.3.6.1 = x"));
        assertEquals(10, WalkFileParser.startOfValue("1.3.6.1 = x"));
    }
}
