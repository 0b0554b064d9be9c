package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The allocation-free v3 path: {@link SnmpMessageEncoder#encodeV3Usm} writes what
 * {@link SnmpMessageEncoder#encodeV3} writes for the same message, its layout is what
 * {@link V3Envelope#parse} finds in the result, and the object decoder agrees with the envelope.
 */
class V3EnvelopePropertyTest {

    @Provide
    Arbitrary<ScopedPdu> scopedPdus() {
        return CodecArbitraries.scopedPdus();
    }

    @Property(tries = 500)
    void usmEncodingIsTheObjectEncodingAndParsesToItsLayout(@ForAll("scopedPdus") ScopedPdu sp,
            @ForAll @Size(max = 32) byte[] engineId, @ForAll @Size(max = 32) byte[] user,
            @ForAll @IntRange(min = 0, max = 48) int authLength, @ForAll boolean withSalt,
            @ForAll @IntRange(min = 0, max = 20) int off, @ForAll int msgId, @ForAll int boots, @ForAll int time) {
        byte[] salt = withSalt ? new byte[] {1, 2, 3, 4, 5, 6, 7, 8} : new byte[0];
        int flags = (authLength > 0 ? V3Message.FLAG_AUTH : 0) | V3Message.FLAG_REPORTABLE;
        byte[] out = new byte[8192];
        V3Envelope layout = new V3Envelope();
        int n = SnmpMessageEncoder.encodeV3Usm(out, off, msgId, 65507, flags, engineId, boots, time, user, authLength,
                salt, sp, 0, layout);

        V3Message m = V3Message.plain(msgId, 65507, flags,
                new UsmSecurityParameters(engineId, boots, time, user, new byte[authLength], salt), sp);
        byte[] expected = SnmpMessageEncoder.encode(m);
        assertArrayEquals(expected, Arrays.copyOfRange(out, off, off + n));

        V3Envelope parsed = new V3Envelope().parse(out, off, n);
        assertSameLayout(layout, parsed);
        assertFalse(parsed.encrypted());
        V3Message decoded = (V3Message) SnmpMessageDecoder.decode(out, off, n);
        assertEquals(decoded.authParametersOffset(), parsed.authParametersOffset());
        assertEquals(sp, decoded.scopedPdu());
        assertArrayEquals(engineId, Arrays.copyOfRange(out, parsed.engineIdOffset(),
                parsed.engineIdOffset() + parsed.engineIdLength()));
        assertArrayEquals(user, Arrays.copyOfRange(out, parsed.userNameOffset(),
                parsed.userNameOffset() + parsed.userNameLength()));
        assertArrayEquals(salt, Arrays.copyOfRange(out, parsed.privParametersOffset(),
                parsed.privParametersOffset() + parsed.privParametersLength()));
        assertEquals(boots, parsed.engineBoots());
        assertEquals(time, parsed.engineTime());
    }

    @Property(tries = 300)
    void encryptedDataIsPaddedPlaintextForTheCallerToEncrypt(@ForAll("scopedPdus") ScopedPdu sp,
            @ForAll boolean cbc) {
        int block = cbc ? 8 : 1;
        byte[] out = new byte[8192];
        V3Envelope layout = new V3Envelope();
        int n = SnmpMessageEncoder.encodeV3Usm(out, 0, 7, 1500, 3, new byte[] {9, 9}, 1, 2, new byte[] {'u'}, 12,
                new byte[8], sp, block, layout);
        int spLen = SnmpMessageEncoder.encodeScopedPdu(sp, new byte[8192], 0);
        assertEquals(0, layout.dataLength() % block);
        assertTrue(layout.dataLength() - spLen < block || spLen == layout.dataLength());
        for (int i = spLen; i < layout.dataLength(); i++) {
            assertEquals(0, out[layout.dataOffset() + i], "padding");
        }
        assertEquals(sp, SnmpMessageDecoder.decodeScopedPdu(out, layout.dataOffset(), layout.dataLength()));
        V3Envelope parsed = new V3Envelope().parse(out, 0, n);
        assertTrue(parsed.encrypted());
        assertSameLayout(layout, parsed);
        // "decrypting" the plaintext in place narrows the data to the ScopedPDU
        parsed.decryptedInPlace();
        assertEquals(spLen, parsed.dataLength());
        // and a plaintext that is not a ScopedPDU is refused
        V3Envelope garbage = new V3Envelope().parse(out, 0, n);
        out[garbage.dataOffset()] = 0x04;
        assertThrows(BerDecodeException.class, garbage::decryptedInPlace);
    }

    @Property(tries = 300)
    void truncatedMessagesAreTypedErrors(@ForAll("scopedPdus") ScopedPdu sp, @ForAll @IntRange(min = 1, max = 4000) int cut) {
        byte[] out = new byte[8192];
        int n = SnmpMessageEncoder.encodeV3Usm(out, 0, 7, 1500, 1, new byte[] {9}, 1, 2, new byte[] {'u'}, 12,
                new byte[0], sp, 0, new V3Envelope());
        int len = cut % n;
        assertThrows(BerDecodeException.class, () -> new V3Envelope().parse(Arrays.copyOf(out, len), 0, len));
    }

    private static void assertSameLayout(V3Envelope a, V3Envelope b) {
        assertEquals(a.wholeMessageOffset(), b.wholeMessageOffset());
        assertEquals(a.wholeMessageLength(), b.wholeMessageLength());
        assertEquals(a.msgId(), b.msgId());
        assertEquals(a.msgMaxSize(), b.msgMaxSize());
        assertEquals(a.msgFlags(), b.msgFlags());
        assertEquals(a.securityModel(), b.securityModel());
        assertEquals(a.securityParametersOffset(), b.securityParametersOffset());
        assertEquals(a.securityParametersLength(), b.securityParametersLength());
        assertEquals(a.engineIdOffset(), b.engineIdOffset());
        assertEquals(a.engineIdLength(), b.engineIdLength());
        assertEquals(a.userNameOffset(), b.userNameOffset());
        assertEquals(a.userNameLength(), b.userNameLength());
        assertEquals(a.authParametersOffset(), b.authParametersOffset());
        assertEquals(a.authParametersLength(), b.authParametersLength());
        assertEquals(a.privParametersOffset(), b.privParametersOffset());
        assertEquals(a.privParametersLength(), b.privParametersLength());
        assertEquals(a.dataOffset(), b.dataOffset());
        assertEquals(a.dataLength(), b.dataLength());
        assertEquals(a.encrypted(), b.encrypted());
    }
}
