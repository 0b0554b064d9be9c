package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Encode then decode gives an equal value; decode then encode of canonical input gives the same bytes. */
class RoundTripPropertyTest {

    @Provide
    Arbitrary<Variable> variables() {
        return CodecArbitraries.variables();
    }

    @Provide
    Arbitrary<Oid> oids() {
        return CodecArbitraries.oids();
    }

    @Provide
    Arbitrary<SnmpMessage> messages() {
        return CodecArbitraries.messages();
    }

    @Provide
    Arbitrary<ScopedPdu> scopedPdus() {
        return CodecArbitraries.scopedPdus();
    }

    @Property(tries = 2000)
    void everyValueRoundTrips(@ForAll("variables") Variable v) {
        Pdu p = new Pdu(BerTags.RESPONSE, 1, 0, 0, java.util.List.of(new VarBind(Oid.parse("1.3.6.1"), v)));
        byte[] out = new byte[2048];
        int n = SnmpMessageEncoder.encodePdu(p, out, 0);
        Pdu back = SnmpMessageDecoder.decodePdu(out, 0, n);
        assertEquals(v, back.varBinds().get(0).value());
        assertEquals(v.hashCode(), back.varBinds().get(0).value().hashCode());
    }

    @Property(tries = 1000)
    void oidTextAndBerRoundTrip(@ForAll("oids") Oid oid) {
        assertEquals(oid, Oid.parse(oid.toString()));
        assertEquals(oid, Oid.parse("." + oid));
        Variable v = Variable.objectId(oid);
        byte[] out = new byte[1024];
        int n = SnmpMessageEncoder.encodeValue(v, out, 5);
        BerReader r = new BerReader(out, 5);
        assertEquals(v, SnmpMessageDecoder.value(r, 5 + n));
        assertEquals(5 + n, r.pos);
    }

    @Property(tries = 1500)
    void everyMessageRoundTripsToEqualValueAndIdenticalBytes(@ForAll("messages") SnmpMessage m) {
        byte[] out = new byte[70000];
        int n = SnmpMessageEncoder.encode(m, out, 11);
        byte[] bytes = Arrays.copyOfRange(out, 11, 11 + n);
        SnmpMessage back = SnmpMessageDecoder.decode(bytes, 0, bytes.length);
        assertEquals(m, back);
        byte[] again = SnmpMessageEncoder.encode(back);
        assertArrayEquals(bytes, again);
        assertEquals(m.version(), SnmpMessageDecoder.peekVersion(bytes, 0, bytes.length));
    }

    @Property(tries = 500)
    void scopedPduRoundTripsWithTrailingPadding(@ForAll("scopedPdus") ScopedPdu sp) {
        byte[] out = new byte[70000];
        int n = SnmpMessageEncoder.encodeScopedPdu(sp, out, 0);
        // cipher padding after the SEQUENCE is ignored
        assertEquals(sp, SnmpMessageDecoder.decodeScopedPdu(out, 0, n + 7));
        assertEquals(sp, SnmpMessageDecoder.decodeScopedPdu(out, 0, n));
    }

    @Property(tries = 500)
    void cursorAgreesWithTheDecoder(@ForAll("messages") SnmpMessage m) {
        byte[] bytes = SnmpMessageEncoder.encode(m);
        Pdu pdu;
        if (m instanceof CommunityMessage c) {
            pdu = c.regularPdu();
        } else {
            V3Message v3 = (V3Message) m;
            pdu = v3.scopedPdu() == null ? null : v3.scopedPdu().pdu();
        }
        if (pdu == null) {
            return;
        }
        assertEquals(pdu.requestId(), m instanceof V3Message v3 ? SnmpMessageDecoder.peekRequestId(bytes, 0,
                bytes.length) == v3.msgId() ? pdu.requestId() : -1 : SnmpMessageDecoder.peekRequestId(bytes, 0,
                bytes.length));
        VarBindCursor c = new VarBindCursor().reset(bytes, 0, bytes.length);
        int[] arcs = new int[Oid.MAX_ARCS];
        int i = 0;
        while (c.next()) {
            VarBind vb = pdu.varBinds().get(i++);
            assertEquals(vb.oid(), Oid.of(arcs, c.oid(arcs)));
            assertEquals(vb.value(), c.value());
            int tag = vb.value().tag();
            if (tag == BerTags.INTEGER || tag == BerTags.COUNTER32 || tag == BerTags.GAUGE32
                    || tag == BerTags.TIMETICKS || tag == BerTags.COUNTER64 || tag == BerTags.UINTEGER32) {
                assertEquals(vb.value().longValue(), c.longValue());
            }
        }
        assertEquals(pdu.varBinds().size(), i);
    }
}
