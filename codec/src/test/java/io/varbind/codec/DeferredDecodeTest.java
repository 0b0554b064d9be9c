package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SnmpMessageDecoder#decodeDeferred}: it refuses exactly what {@link SnmpMessageDecoder#decode}
 * refuses (same message and offset), and what it accepts reads back, through
 * {@link Pdu#varBinds()} and through {@link VarBindCursor#reset(Pdu)}, as the full decode has it.
 */
class DeferredDecodeTest {
    @Provide
    Arbitrary<CommunityMessage> messages() {
        return CodecArbitraries.communityMessages();
    }

    @Property(tries = 500)
    void refusesWhatTheFullDecodeRefusesAndReadsTheSameVarBinds(@ForAll("messages") CommunityMessage generated,
            @ForAll long seed) {
        DecoderFuzzTest.ownAndMutations(SnmpMessageEncoder.encode(generated), seed, 40, DeferredDecodeTest::same);
    }

    private static void same(byte[] input) {
        SnmpMessage full;
        try {
            full = SnmpMessageDecoder.decode(input);
        } catch (BerDecodeException e) {
            BerDecodeException d = assertThrows(BerDecodeException.class,
                    () -> SnmpMessageDecoder.decodeDeferred(input, 0, input.length));
            assertEquals(e.getMessage(), d.getMessage());
            return;
        }
        SnmpMessage deferred = SnmpMessageDecoder.decodeDeferred(input, 0, input.length);
        if (!(full instanceof CommunityMessage c) || c.regularPdu() == null) {
            assertEquals(full, deferred); // v3 and v1 traps are decoded as before
            return;
        }
        Pdu p = ((CommunityMessage) deferred).regularPdu();
        assertTrue(p.isDeferred());
        Pdu expected = c.regularPdu();
        VarBindCursor cursor = new VarBindCursor().reset(p);
        assertEquals(expected.type(), cursor.pduType());
        assertEquals(expected.requestId(), cursor.requestId());
        int[] arcs = new int[Oid.MAX_ARCS];
        for (VarBind vb : expected.varBinds()) {
            assertTrue(cursor.next());
            int n = cursor.oid(arcs);
            assertArrayEquals(vb.oid().toArray(), java.util.Arrays.copyOf(arcs, n));
            assertEquals(vb.value(), cursor.value());
        }
        assertFalse(cursor.next());
        assertEquals(expected, p); // materialised on demand, equal to the full decode
        assertEquals(full, deferred);
    }

    @Test
    void aDecodedPduIsNotDeferred() {
        Pdu p = Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0")));
        assertFalse(p.isDeferred());
        assertThrows(IllegalArgumentException.class, () -> new VarBindCursor().reset(p));
    }
}
