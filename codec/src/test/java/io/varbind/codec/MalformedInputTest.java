package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of malformed input raises BerDecodeException saying what and where; lenient cases decode. */
class MalformedInputTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** Tag, definite length (short or long form) and content, as hex. */
    private static String tlv(String tag, String content) {
        int n = content.length() / 2;
        String len = n < 0x80 ? String.format("%02x", n) : n < 0x100 ? String.format("81%02x", n) : String.format("82%04x", n);
        return tag + len + content;
    }

    /** A v2c Response with one varbind (1.3.6.1 = value), built from the value's hex. */
    private static byte[] response(String valueHex) {
        String vb = tlv("30", "06032b0601" + valueHex.replace(" ", ""));
        String pdu = tlv("a2", "020101" + "020100" + "020100" + tlv("30", vb));
        return hex(tlv("30", "020101" + "04067075626c6963" + pdu));
    }

    private static Variable decodeValue(String valueHex) {
        byte[] b = response(valueHex);
        return ((CommunityMessage) SnmpMessageDecoder.decode(b, 0, b.length)).regularPdu().varBinds().get(0).value();
    }

    private static BerDecodeException fails(byte[] b) {
        return assertThrows(BerDecodeException.class, () -> SnmpMessageDecoder.decode(b, 0, b.length));
    }

    @Test
    void truncatedEverywhereIsTypedWithAnOffsetInsideTheInput() {
        byte[] good = response("020105");
        for (int n = 0; n < good.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(good, n);
            BerDecodeException e = fails(cut);
            assertTrue(e.offset() >= 0 && e.offset() <= n, e.getMessage());
        }
    }

    @Test
    void lengthPastTheEnd() {
        BerDecodeException e = fails(hex("30 84 7f ff ff ff 02 01 01"));
        assertEquals(0 + 1, e.offset());
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    }

    @Test
    void indefiniteLengthRejected() {
        BerDecodeException e = fails(hex("30 80 02 01 01 00 00"));
        assertTrue(e.getMessage().contains("indefinite"), e.getMessage());
        assertEquals(1, e.offset());
    }

    @Test
    void wrongTagWhereATypeIsRequired() {
        BerDecodeException e = fails(hex("30 05 04 01 01 04 00"));
        assertTrue(e.getMessage().contains("expected msgVersion"), e.getMessage());
        assertEquals(2, e.offset());
    }

    @Test
    void unsupportedVersion() {
        assertTrue(fails(hex("30 03 02 01 02")).getMessage().contains("unsupported SNMP version 2"));
    }

    @Test
    void integerTooWide() {
        BerDecodeException e = assertThrows(BerDecodeException.class, () -> decodeValue("02 09 01 00 00 00 00 00 00 00 00"));
        assertTrue(e.getMessage().contains("too wide"), e.getMessage());
        assertThrows(BerDecodeException.class, () -> decodeValue("41 06 01 00 00 00 00 00"));
        assertThrows(BerDecodeException.class, () -> decodeValue("46 0a 01 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void oidTooLongOrSubIdentifierTooLarge() {
        StringBuilder arcs = new StringBuilder("2b");
        for (int i = 0; i < 128; i++) {
            arcs.append("01");
        }
        String oid = "06 81" + String.format("%02x", arcs.length() / 2) + arcs;
        BerDecodeException e = assertThrows(BerDecodeException.class, () -> decodeValue(oid));
        assertTrue(e.getMessage().contains("more than 128"), e.getMessage());
        BerDecodeException big = assertThrows(BerDecodeException.class, () -> decodeValue("06 07 2b 90 80 80 80 80 00"));
        assertTrue(big.getMessage().contains("above 4294967295"), big.getMessage());
        assertThrows(BerDecodeException.class, () -> decodeValue("06 02 2b 86"));
    }

    @Test
    void ipAddressMustHaveFourOctets() {
        assertThrows(BerDecodeException.class, () -> decodeValue("40 03 01 02 03"));
    }

    @Test
    void unknownValueTypeNamed() {
        BerDecodeException e = assertThrows(BerDecodeException.class, () -> decodeValue("49 01 00"));
        assertTrue(e.getMessage().contains("0x49"), e.getMessage());
    }

    @Test
    void lenientWhereAgentsNeedIt() {
        assertEquals(5, decodeValue("02 03 00 00 05").longValue()); // non-minimal INTEGER
        assertEquals(-1, decodeValue("02 02 ff ff").longValue());
        assertEquals(0, decodeValue("02 00").longValue()); // empty INTEGER as Net-SNMP reads it
        assertEquals(4294967295L, decodeValue("41 04 ff ff ff ff").longValue()); // Counter32 without its 00
        assertEquals(4294967295L, decodeValue("42 05 00 ff ff ff ff").longValue());
        assertEquals(-1L, decodeValue("46 09 00 ff ff ff ff ff ff ff ff").longValue()); // 2^64-1 as raw bits
        assertEquals(Oid.parse("1.3.6.1"), decodeValue("06 04 2b 06 80 01").oidValue()); // 0x80 padding in a sub-id
        assertEquals(Oid.of(), decodeValue("06 00").oidValue());
        assertEquals(Variable.integer(1), decodeValue("02 01 01"));
        // a non-minimal long-form length
        byte[] b = hex("30 81 0f 02 01 01 04 00 a2 08 02 01 07 02 01 00 02 01 00 30 00".replace("a2 08", "a2 0b"));
        byte[] fixed = hex("30 81 13 02 01 01 04 00 a2 0c 02 01 07 02 01 00 02 01 00 30 81 00");
        Pdu p = ((CommunityMessage) SnmpMessageDecoder.decode(fixed, 0, fixed.length)).regularPdu();
        assertEquals(7, p.requestId());
        assertEquals(List.of(), p.varBinds());
        assertThrows(BerDecodeException.class, () -> SnmpMessageDecoder.decode(b, 0, b.length));
    }

    @Test
    void trailingBytesAfterTheMessageAreIgnored() {
        byte[] good = response("020105");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
        assertEquals(SnmpMessageDecoder.decode(good, 0, good.length), SnmpMessageDecoder.decode(longer, 0, longer.length));
    }

    @Test
    void rangeOutsideTheBufferIsTyped() {
        byte[] good = response("020105");
        assertThrows(BerDecodeException.class, () -> SnmpMessageDecoder.decode(good, 5, good.length));
        assertThrows(BerDecodeException.class, () -> SnmpMessageDecoder.decode(good, -1, 3));
    }

    @Test
    void encoderRefusesASmallBufferAndBadOids() {
        byte[] small = new byte[10];
        CommunityMessage m = new CommunityMessage(1, new byte[] {'p'},
                Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0"))));
        assertThrows(BerEncodeException.class, () -> SnmpMessageEncoder.encode(m, small, 0));
        CommunityMessage bad = new CommunityMessage(1, new byte[0],
                Pdu.request(BerTags.GET, List.of(Oid.parse("3.1"))));
        assertThrows(BerEncodeException.class, () -> SnmpMessageEncoder.encode(bad, new byte[100], 0));
    }

    @Test
    void oidTextParsing() {
        assertEquals(Oid.of(1, 3, 6, 1), Oid.parse(".1.3.6.1"));
        assertEquals(0xFFFFFFFFL, Oid.parse("1.3.4294967295").arc(2));
        assertThrows(IllegalArgumentException.class, () -> Oid.parse("1.3.4294967296"));
        assertThrows(IllegalArgumentException.class, () -> Oid.parse("1..3"));
        assertThrows(IllegalArgumentException.class, () -> Oid.parse("1.3."));
        assertThrows(IllegalArgumentException.class, () -> Oid.parse("1.a"));
        assertTrue(Oid.parse("1.3.6.1.4294967295").compareTo(Oid.parse("1.3.6.1.2")) > 0); // unsigned order
        assertTrue(Oid.parse("1.3.6.1").compareTo(Oid.parse("1.3.6.1.0")) < 0);
        assertEquals(Oid.parse("2.1.0"), Oid.parse("1.3.6.2.1.0").suffixAfter(Oid.parse("1.3.6")));
    }
}
