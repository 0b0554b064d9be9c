package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.testing.BerMutations;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SnmpMessageDecoder#decodeDeferred}, {@link SnmpMessageDecoder#decodeScopedPduDeferred} and
 * {@link SnmpMessageDecoder#decodeScopedPduDeferredPdu}:
 * they refuse exactly what {@link SnmpMessageDecoder#decode} and
 * {@link SnmpMessageDecoder#decodeScopedPdu} refuse (same message and offset), and what they accept
 * reads back, through {@link Pdu#varBinds()} and through {@link VarBindCursor#reset(Pdu)}, as the
 * full decode has it: v1/v2c messages, v3 messages with a plaintext ScopedPDU, and ScopedPDUs on
 * their own (as decrypted).
 */
class DeferredDecodeTest {
    @Provide
    Arbitrary<SnmpMessage> messages() {
        return CodecArbitraries.messages();
    }

    @Provide
    Arbitrary<ScopedPdu> scopedPdus() {
        return CodecArbitraries.scopedPdus();
    }

    @Property(tries = 500)
    void refusesWhatTheFullDecodeRefusesAndReadsTheSameVarBinds(@ForAll("messages") SnmpMessage generated,
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
        Pdu expected;
        Pdu p;
        if (full instanceof CommunityMessage c && c.regularPdu() != null) {
            expected = c.regularPdu();
            p = ((CommunityMessage) deferred).regularPdu();
        } else if (full instanceof V3Message v && v.scopedPdu() != null) {
            expected = v.scopedPdu().pdu();
            p = ((V3Message) deferred).scopedPdu().pdu();
        } else {
            assertEquals(full, deferred); // v1 traps and encrypted v3 messages are decoded as before
            return;
        }
        sameVarBinds(expected, p);
        assertEquals(full, deferred);
    }

    @Property(tries = 300)
    void scopedPdusRefuseWhatTheFullDecodeRefusesAndReadTheSameVarBinds(@ForAll("scopedPdus") ScopedPdu generated,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] own = new byte[70_000];
        own = java.util.Arrays.copyOf(own, SnmpMessageEncoder.encodeScopedPdu(generated, own, 0));
        for (int i = 0; i < 40; i++) {
            byte[] input = i == 0 ? own : BerMutations.mutate(own, rnd);
            // bytes after the SEQUENCE (a cipher's padding) are allowed: now and then add some
            byte[] padded = rnd.nextInt(4) == 0 ? java.util.Arrays.copyOf(input, input.length + rnd.nextInt(16)) : input;
            ScopedPdu full;
            try {
                full = SnmpMessageDecoder.decodeScopedPdu(padded, 0, padded.length);
            } catch (BerDecodeException e) {
                BerDecodeException d = assertThrows(BerDecodeException.class,
                        () -> SnmpMessageDecoder.decodeScopedPduDeferred(padded, 0, padded.length));
                assertEquals(e.getMessage(), d.getMessage());
                assertEquals(e.offset(), d.offset());
                BerDecodeException dp = assertThrows(BerDecodeException.class,
                        () -> SnmpMessageDecoder.decodeScopedPduDeferredPdu(padded, 0, padded.length));
                assertEquals(e.getMessage(), dp.getMessage());
                continue;
            }
            ScopedPdu deferred = SnmpMessageDecoder.decodeScopedPduDeferred(padded, 0, padded.length);
            assertArrayEquals(full.contextEngineId(), deferred.contextEngineId());
            assertArrayEquals(full.contextName(), deferred.contextName());
            sameVarBinds(full.pdu(), deferred.pdu());
            assertEquals(full, deferred);
            sameVarBinds(full.pdu(), SnmpMessageDecoder.decodeScopedPduDeferredPdu(padded, 0, padded.length));
        }
    }

    /** {@code p}, deferred, reads through a cursor and materialises as {@code expected}. */
    private static void sameVarBinds(Pdu expected, Pdu p) {
        assertTrue(p.isDeferred());
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
    }

    @Test
    void aDecodedPduIsNotDeferred() {
        Pdu p = Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0")));
        assertFalse(p.isDeferred());
        assertThrows(IllegalArgumentException.class, () -> new VarBindCursor().reset(p));
    }
}
