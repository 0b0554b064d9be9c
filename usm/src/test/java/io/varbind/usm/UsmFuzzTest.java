package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.varbind.codec.BerDecodeException;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBindCursor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of {@link UsmSecurityModel#decodeInPlace} with real keys: the
 * input is the plaintext ScopedPDU, which the target encrypts and signs as an agent would, so
 * fuzzing gets past the digest into decryption and the ScopedPDU reader. Input layout: octet 0
 * picks the user (every auth and priv protocol), octet 1 how the message is damaged (digest,
 * flags, user name, engine id, salt), octet 2 the msgFlags when they are damaged, the rest the
 * ScopedPDU. Replayed from {@code UsmFuzzTestInputs} in the default run; {@code ./fuzz.sh
 * usm.decodeInPlace SECONDS} fuzzes it.
 */
class UsmFuzzTest {
    private static final byte[] ENGINE_ID = {(byte) 0x80, 0, 0x1f, (byte) 0x88, (byte) 0x80, 0x66, 0x75, 0x7a, 0x7a};
    private static final List<UsmUser> USERS = new ArrayList<>();

    static {
        for (AuthProtocol a : AuthProtocol.values()) {
            for (PrivProtocol p : PrivProtocol.values()) {
                if (a != AuthProtocol.NONE || p == PrivProtocol.NONE) {
                    USERS.add(UsmUser.localized("fuzz", a, "fuzz-auth-pass", p, "fuzz-priv-pass", ENGINE_ID));
                }
            }
        }
    }

    @FuzzTest(maxDuration = "10m")
    void decodeInPlace(byte[] input) {
        if (input.length < 3) {
            return;
        }
        UsmUser user = USERS.get((input[0] & 0xFF) % USERS.size());
        int damage = input[1] & 0xFF;
        byte[] plain = Arrays.copyOfRange(input, 3, input.length);
        boolean tamperDigest = (damage & 1) != 0;
        int flags = (damage & 2) != 0 ? input[2] & 0xFF : user.securityFlags() | V3Message.FLAG_REPORTABLE;
        byte[] name = (damage & 4) != 0 ? "other".getBytes(StandardCharsets.US_ASCII) : user.name();
        byte[] engineId = (damage & 8) != 0 ? Arrays.copyOf(ENGINE_ID, 5) : ENGINE_ID;
        byte[] salt = (damage & 16) != 0 ? new byte[5] : new byte[] {0, 0, 0, 5, 1, 2, 3, 4};
        EngineState engine = new EngineState(ENGINE_ID, 5, 1000);

        boolean auth = (flags & V3Message.FLAG_AUTH) != 0 && user.auth() != AuthProtocol.NONE;
        boolean encrypt = (flags & V3Message.FLAG_PRIV) != 0 && user.priv() != PrivProtocol.NONE && salt.length == 8;
        int macLength = auth ? user.auth().macLength() : 0;
        byte[] msg = V3Wire.message(user, flags, engineId, engine.boots(), engine.time(), name, macLength,
                encrypt || (damage & 16) != 0 ? salt : new byte[0], encrypt, plain);
        V3Envelope e = new V3Envelope();
        // plaintext that is no ScopedPDU is sent unsigned, as a forger would
        auth = auth && V3Wire.sign(user, msg, e);
        if (auth && tamperDigest) {
            msg[e.authParametersOffset() + (damage >>> 5) % macLength] ^= 1;
        }

        boolean authenticated;
        try {
            authenticated = UsmSecurityModel.decodeInPlace(msg, 0, msg.length, user, engine, e);
        } catch (UsmException x) {
            assertTrue(x.counter() != null && x.getMessage() != null, "an untyped USM error");
            if (auth && !tamperDigest && (damage & 12) == 0 && x.counter().equals(UsmStats.WRONG_DIGESTS)) {
                fail("a correctly signed message failed its digest: " + x.getMessage());
            }
            return;
        } catch (RuntimeException x) {
            throw new AssertionError("decodeInPlace threw " + x + " instead of a UsmException", x);
        }
        assertFalse(auth && tamperDigest, "a tampered digest was accepted");
        assertEquals(auth, authenticated, "authenticated");
        assertTrue(authenticated || !e.isAuth(), "an unsigned message claiming authentication was accepted");
        if (encrypt) {
            // decrypted in place: the plaintext we encrypted, cut to its outer TLV
            assertArrayEquals(Arrays.copyOf(plain, e.dataLength()),
                    Arrays.copyOfRange(msg, e.dataOffset(), e.dataOffset() + e.dataLength()), "decrypted plaintext");
        }
        try {
            VarBindCursor cur = new VarBindCursor().resetScopedPdu(msg, e.dataOffset(), e.dataLength());
            int[] arcs = new int[io.varbind.codec.Oid.MAX_ARCS];
            while (cur.next()) {
                cur.oid(arcs);
                cur.value();
            }
        } catch (BerDecodeException x) {
            assertTrue(x.offset() >= 0 && x.offset() <= msg.length, "error offset outside the message");
        }
    }
}
