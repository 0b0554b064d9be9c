package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Packets Net-SNMP 5.9.3 sent and received (see golden/README.md): decoded, checked, re-encoded. */
class GoldenPacketTest {

    static Stream<Golden.Packet> packets() {
        return Golden.all().stream();
    }

    @ParameterizedTest
    @MethodSource("packets")
    void decodesAndReencodesToTheSameBytes(Golden.Packet p) {
        byte[] b = p.bytes();
        SnmpMessage m = SnmpMessageDecoder.decode(b, 0, b.length);
        assertEquals(SnmpMessageDecoder.peekVersion(b, 0, b.length), m.version());
        // Net-SNMP encodes with minimal lengths, as this encoder does: identical bytes back
        byte[] out = new byte[b.length + 64];
        int n = SnmpMessageEncoder.encode(m, out, 7);
        assertArrayEquals(b, Arrays.copyOfRange(out, 7, 7 + n), p.toString());
        if (m instanceof V3Message v3) {
            assertEquals(v3.msgId(), SnmpMessageDecoder.peekRequestId(b, 0, b.length));
            assertEquals(0, v3.wholeMessageOffset());
            assertEquals(b.length, v3.wholeMessageLength());
        } else if (((CommunityMessage) m).regularPdu() != null) {
            assertEquals(((CommunityMessage) m).regularPdu().requestId(), SnmpMessageDecoder.peekRequestId(b, 0, b.length));
        }
    }

    @ParameterizedTest
    @MethodSource("packets")
    void cursorSeesWhatTheDecoderSees(Golden.Packet p) {
        byte[] b = p.bytes();
        SnmpMessage m = SnmpMessageDecoder.decode(b, 0, b.length);
        Pdu pdu = m instanceof V3Message v3 ? (v3.scopedPdu() == null ? null : v3.scopedPdu().pdu())
                : ((CommunityMessage) m).regularPdu();
        if (pdu == null) {
            return; // encrypted or a v1 trap: the cursor reads neither
        }
        VarBindCursor c = new VarBindCursor().reset(b, 0, b.length);
        assertEquals(pdu.type(), c.pduType());
        assertEquals(pdu.requestId(), c.requestId());
        assertEquals(pdu.errorStatus(), c.errorStatus());
        int[] arcs = new int[Oid.MAX_ARCS];
        int i = 0;
        while (c.next()) {
            VarBind vb = pdu.varBinds().get(i++);
            int n = c.oid(arcs);
            assertEquals(vb.oid(), Oid.of(arcs, n));
            assertEquals(vb.value(), c.value());
            assertEquals(vb.value().tag(), c.valueTag());
        }
        assertEquals(pdu.varBinds().size(), i);
    }

    private static Pdu response(String name) {
        List<Golden.Packet> ps = Golden.packets(name);
        Golden.Packet last = ps.get(ps.size() - 1);
        assertFalse(last.sent());
        SnmpMessage m = SnmpMessageDecoder.decode(last.bytes(), 0, last.bytes().length);
        return ((CommunityMessage) m).regularPdu();
    }

    @Test
    void v2cGetResponseCarriesTheConfiguredSysDescr() {
        Pdu p = response("v2c-get");
        assertEquals(BerTags.RESPONSE, p.type());
        assertEquals(Oid.parse("1.3.6.1.2.1.1.1.0"), p.varBinds().get(0).oid());
        assertEquals("golden agent", new String(p.varBinds().get(0).value().bytes(), StandardCharsets.US_ASCII));
        Golden.Packet req = Golden.packets("v2c-get").get(0);
        CommunityMessage m = (CommunityMessage) SnmpMessageDecoder.decode(req.bytes(), 0, req.bytes().length);
        assertEquals(1, m.version());
        assertEquals("public", new String(m.community(), StandardCharsets.US_ASCII));
        assertEquals(BerTags.GET, m.regularPdu().type());
        assertEquals(p.requestId(), m.regularPdu().requestId());
    }

    @Test
    void v1NoSuchNameAndV2ExceptionValues() {
        Pdu v1 = response("v1-nosuchname");
        assertEquals(2, v1.errorStatus()); // noSuchName
        assertEquals(1, v1.errorIndex());
        Pdu v2 = response("v2c-nosuchobject");
        assertEquals(0, v2.errorStatus());
        assertEquals(BerTags.NO_SUCH_OBJECT, v2.varBinds().get(0).value().tag());
        assertEquals(BerTags.NO_SUCH_INSTANCE, v2.varBinds().get(1).value().tag());
        assertEquals(BerTags.OBJECT_IDENTIFIER, v2.varBinds().get(2).value().tag());
        assertEquals(BerTags.END_OF_MIB_VIEW, response("v2c-endofmibview").varBinds().get(0).value().tag());
    }

    @Test
    void bulkResponsesHaveTheRequestedShapeAndTypes() {
        Pdu sys = response("v2c-getbulk-system");
        assertEquals(1 + 8, sys.varBinds().size());
        assertEquals(BerTags.TIMETICKS, sys.varBinds().get(0).value().tag());
        Pdu mixed = response("v2c-getbulk-mixed");
        assertEquals(4 * 6, mixed.varBinds().size());
        assertTrue(mixed.varBinds().stream().anyMatch(vb -> vb.value().tag() == BerTags.COUNTER64));
        assertTrue(mixed.varBinds().stream().anyMatch(vb -> vb.value().tag() == BerTags.IP_ADDRESS));
        assertTrue(mixed.varBinds().stream().anyMatch(vb -> vb.value().tag() == BerTags.COUNTER32));
    }

    @Test
    void setRequestCarriesEveryNetSnmpTypeLetter() {
        Golden.Packet req = Golden.packets("v2c-set-types").get(0);
        Pdu p = ((CommunityMessage) SnmpMessageDecoder.decode(req.bytes(), 0, req.bytes().length)).regularPdu();
        assertEquals(BerTags.SET, p.type());
        List<VarBind> v = p.varBinds();
        assertEquals(-5, v.get(0).value().longValue());
        assertEquals(BerTags.GAUGE32, v.get(1).value().tag());
        assertEquals(4294967295L, v.get(1).value().longValue());
        assertEquals(Variable.timeTicks(12345), v.get(2).value());
        assertArrayEquals(new byte[] {10, 1, 2, 3}, v.get(3).value().bytes());
        assertEquals(Oid.parse("1.3.6.1.4.1.4294967295.1"), v.get(4).value().oidValue());
        assertArrayEquals(new byte[] {0, (byte) 0xFF, (byte) 0x80}, v.get(5).value().bytes());
    }

    @Test
    void v3DiscoveryReportAndEncryptedExchange() {
        List<Golden.Packet> ps = Golden.packets("v3-sha-aes-get");
        V3Message probe = (V3Message) SnmpMessageDecoder.decode(ps.get(0).bytes(), 0, ps.get(0).bytes().length);
        assertEquals(V3Message.FLAG_REPORTABLE, probe.msgFlags());
        assertEquals(0, probe.usm().engineId().length);
        V3Message report = (V3Message) SnmpMessageDecoder.decode(ps.get(1).bytes(), 0, ps.get(1).bytes().length);
        assertEquals(probe.msgId(), report.msgId());
        assertEquals("80001f8804676f6c64656e", java.util.HexFormat.of().formatHex(report.usm().engineId()));
        Pdu r = report.scopedPdu().pdu();
        assertEquals(BerTags.REPORT, r.type());
        assertEquals(Oid.parse("1.3.6.1.6.3.15.1.1.4.0"), r.varBinds().get(0).oid()); // usmStatsUnknownEngineIDs
        byte[] b = ps.get(2).bytes();
        V3Message get = (V3Message) SnmpMessageDecoder.decode(b, 0, b.length);
        assertEquals(V3Message.FLAG_AUTH | V3Message.FLAG_PRIV | V3Message.FLAG_REPORTABLE, get.msgFlags());
        assertNull(get.scopedPdu());
        assertNotNull(get.encryptedPdu());
        assertEquals(12, get.usm().authParameters().length); // HMAC-SHA-96
        assertEquals(8, get.usm().privParameters().length); // AES salt
        assertArrayEquals(get.usm().authParameters(),
                Arrays.copyOfRange(b, get.authParametersOffset(), get.authParametersOffset() + 12));
        assertArrayEquals(get.encryptedPdu(), Arrays.copyOfRange(b, get.encryptedPduOffset(),
                get.encryptedPduOffset() + get.encryptedPduLength()));
        assertEquals("gold", new String(get.usm().userName(), StandardCharsets.US_ASCII));
    }

    @Test
    void encoderPutsAuthParametersWhereTheDecoderFindsThem() {
        Golden.Packet p = Golden.packets("v3-sha-aes-get").get(2);
        V3Message m = (V3Message) SnmpMessageDecoder.decode(p.bytes(), 0, p.bytes().length);
        byte[] out = new byte[512];
        EncodedV3 e = SnmpMessageEncoder.encodeV3(m, out, 3);
        assertEquals(p.bytes().length, e.length());
        assertEquals(3 + m.authParametersOffset(), e.authParametersOffset());
    }

    @Test
    void trapsOfBothVersions() {
        Golden.Packet v1 = Golden.packets("v1-trap").get(0);
        TrapV1Pdu t = ((CommunityMessage) SnmpMessageDecoder.decode(v1.bytes(), 0, v1.bytes().length)).trapV1();
        assertEquals(Oid.parse("1.3.6.1.4.1.8072.3.2.10"), t.enterprise());
        assertArrayEquals(new byte[] {127, 0, 0, 1}, t.agentAddr());
        assertEquals(6, t.genericTrap());
        assertEquals(17, t.specificTrap());
        assertEquals(12345, t.timestamp());
        Golden.Packet v2 = Golden.packets("v2c-trap").get(0);
        Pdu p = ((CommunityMessage) SnmpMessageDecoder.decode(v2.bytes(), 0, v2.bytes().length)).regularPdu();
        assertEquals(BerTags.TRAP_V2, p.type());
        assertEquals(Variable.timeTicks(12345), p.varBinds().get(0).value());
        assertEquals(Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.1")), p.varBinds().get(1).value());
        assertInstanceOf(CommunityMessage.class, SnmpMessageDecoder.decode(v2.bytes(), 0, v2.bytes().length));
    }
}
