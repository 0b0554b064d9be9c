package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz targets (Jazzer) for what reads packets off the wire: the object decoder,
 * the allocation-free {@link VarBindCursor} and {@link V3Envelope}. Each input either decodes or
 * raises {@link BerDecodeException} at an offset inside it; what decodes must agree between the
 * readers and survive a re-encoding. The default test run replays {@code CodecFuzzTestInputs}
 * (seeds made from the golden packets, and every input a fuzzing run found); {@code ./fuzz.sh}
 * fuzzes one target for a given time (see codec/README.md).
 */
class CodecFuzzTest {

    /** The message decoder and the cursor over the same bytes. */
    @FuzzTest(maxDuration = "10m")
    void messages(byte[] input) {
        SnmpMessage m = null;
        try {
            m = SnmpMessageDecoder.decode(input, 0, input.length);
        } catch (BerDecodeException e) {
            inside(e, input);
        }
        int cursorCount = -1;
        try {
            VarBindCursor c = new VarBindCursor().reset(input, 0, input.length);
            int[] arcs = new int[Oid.MAX_ARCS];
            int n = 0;
            while (c.next()) {
                int len = c.oid(arcs);
                assertTrue(len >= 0 && len <= Oid.MAX_ARCS, "oid length " + len);
                if (c.valueTag() == BerTags.INTEGER || c.valueTag() == BerTags.COUNTER64
                        || c.valueTag() == BerTags.COUNTER32 || c.valueTag() == BerTags.GAUGE32
                        || c.valueTag() == BerTags.TIMETICKS) {
                    c.longValue();
                }
                c.value();
                n++;
            }
            cursorCount = n;
        } catch (BerDecodeException e) {
            inside(e, input);
        }
        try {
            SnmpMessageDecoder.peekRequestId(input, 0, input.length);
        } catch (BerDecodeException e) {
            inside(e, input);
        }
        if (m instanceof CommunityMessage cm && cm.pdu() instanceof Pdu pdu && cursorCount >= 0) {
            assertEquals(pdu.varBinds().size(), cursorCount, "decoder and cursor disagree on the varbinds");
        }
        if (m != null) {
            reencodes(m, input.length);
        }
    }

    /** The v3 header view, checked against the object decoder where both accept a message. */
    @FuzzTest(maxDuration = "10m")
    void v3Envelope(byte[] input) {
        V3Envelope e = new V3Envelope();
        try {
            e.parse(input, 0, input.length);
        } catch (BerDecodeException x) {
            inside(x, input);
            return;
        }
        assertTrue(e.dataOffset() >= 0 && e.dataOffset() + e.dataLength() <= input.length, "data outside the input");
        if (e.securityModel() == V3Message.SECURITY_MODEL_USM) {
            assertTrue(e.authParametersOffset() >= 0
                    && e.authParametersOffset() + e.authParametersLength() <= input.length, "auth outside the input");
            assertTrue(e.engineIdOffset() + e.engineIdLength() <= input.length, "engine id outside the input");
        }
        if (e.encrypted()) {
            return;
        }
        try {
            new VarBindCursor().resetScopedPdu(input, e.dataOffset(), e.dataLength());
        } catch (BerDecodeException x) {
            inside(x, input);
        }
        try {
            e.decryptedInPlace(); // as after a decryption that left a plaintext ScopedPDU
        } catch (BerDecodeException x) {
            inside(x, input);
        }
    }

    /** Whatever decoded encodes again, and the encoding decodes to the same message. */
    private static void reencodes(SnmpMessage m, int inputLength) {
        byte[] out;
        try {
            out = SnmpMessageEncoder.encode(m);
        } catch (BerEncodeException e) {
            return; // e.g. an OID whose first arcs BER cannot carry: refused, typed
        }
        SnmpMessage again = SnmpMessageDecoder.decode(out, 0, out.length);
        assertEquals(m, again, "the re-encoded message decodes differently");
        assertTrue(out.length <= inputLength + 16 * 1024, "re-encoding grew without bound: " + out.length);
    }

    private static void inside(BerDecodeException e, byte[] input) {
        assertTrue(e.offset() >= 0 && e.offset() <= input.length,
                "offset " + e.offset() + " outside an input of " + input.length + ": " + e.getMessage());
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "an error without a message");
    }
}
