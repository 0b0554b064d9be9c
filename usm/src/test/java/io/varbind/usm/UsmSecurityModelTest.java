package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Outgoing and incoming USM processing: round trips for every combination, and every failure typed. */
class UsmSecurityModelTest {
    private static final byte[] ENGINE = HexFormat.of().parseHex("80001f8804736e6d706b6974");
    private static final ScopedPdu PDU = new ScopedPdu(ENGINE, new byte[0],
            Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0"), Oid.parse("1.3.6.1.2.1.1.5.0"))).withRequestId(77));

    record Combo(AuthProtocol auth, PrivProtocol priv) {
    }

    static Stream<Combo> combos() {
        List<Combo> out = new ArrayList<>();
        for (AuthProtocol a : AuthProtocol.values()) {
            for (PrivProtocol p : PrivProtocol.values()) {
                if (a == AuthProtocol.NONE && p != PrivProtocol.NONE) {
                    continue;
                }
                out.add(new Combo(a, p));
            }
        }
        return out.stream();
    }

    private static UsmUser user(Combo c, String suffix) {
        return UsmUser.localized("user", c.auth(), "authpassword" + suffix, c.priv(), "privpassword" + suffix, ENGINE);
    }

    @ParameterizedTest
    @MethodSource("combos")
    void roundTripsForEveryCombination(Combo c) {
        UsmUser u = user(c, "");
        EngineState engine = new EngineState(ENGINE, 7, 1000);
        byte[] buf = new byte[4096];
        int n = UsmSecurityModel.encode(buf, 10, 4242, 65507, true, u, engine, PDU);
        byte[] msg = Arrays.copyOfRange(buf, 10, 10 + n);
        if (c.priv() != PrivProtocol.NONE) {
            // the request-id and the OIDs must not be visible in clear
            assertFalse(HexFormat.of().formatHex(msg).contains("2b06010201010100"));
        }
        UsmSecurityModel.Incoming in = UsmSecurityModel.decode(msg, 0, msg.length, u, engine);
        assertEquals(PDU, in.scopedPdu());
        assertEquals(c.auth() != AuthProtocol.NONE, in.authenticated());
        assertEquals(4242, in.message().msgId());
        assertEquals(u.securityFlags() | V3Message.FLAG_REPORTABLE, in.message().msgFlags());
    }

    @ParameterizedTest
    @MethodSource("combos")
    void wrongKeysAreTypedErrors(Combo c) {
        if (c.auth() == AuthProtocol.NONE) {
            return;
        }
        UsmUser u = user(c, "");
        EngineState engine = new EngineState(ENGINE, 7, 1000);
        byte[] buf = new byte[4096];
        int n = UsmSecurityModel.encode(buf, 0, 1, 65507, true, u, engine, PDU);
        UsmUser wrongAuth = UsmUser.localized("user", c.auth(), "authpasswordX", c.priv(), "privpassword", ENGINE);
        UsmException e = assertThrows(UsmException.class,
                () -> UsmSecurityModel.decode(buf.clone(), 0, n, wrongAuth, engine));
        assertEquals(UsmStats.WRONG_DIGESTS, e.counter());
        if (c.priv() != PrivProtocol.NONE) {
            UsmUser wrongPriv = UsmUser.localized("user", c.auth(), "authpassword", c.priv(), "privpasswordX", ENGINE);
            UsmException d = assertThrows(UsmException.class,
                    () -> UsmSecurityModel.decode(buf.clone(), 0, n, wrongPriv, engine));
            assertEquals(UsmStats.DECRYPTION_ERRORS, d.counter());
        }
        UsmUser other = UsmUser.localized("someone", c.auth(), "authpassword", c.priv(), "privpassword", ENGINE);
        assertEquals(UsmStats.UNKNOWN_USER_NAMES, assertThrows(UsmException.class,
                () -> UsmSecurityModel.decode(buf.clone(), 0, n, other, engine)).counter());
    }

    @Test
    void oldMessagesAreOutsideTheTimeWindow() {
        Combo c = new Combo(AuthProtocol.SHA256, PrivProtocol.AES128);
        UsmUser u = user(c, "");
        byte[] buf = new byte[4096];
        int n = UsmSecurityModel.encode(buf, 0, 1, 65507, false, u, new EngineState(ENGINE, 7, 100), PDU);
        EngineState now = new EngineState(ENGINE, 7, 100 + EngineState.TIME_WINDOW + 10);
        assertEquals(UsmStats.NOT_IN_TIME_WINDOWS, assertThrows(UsmException.class,
                () -> UsmSecurityModel.decode(buf.clone(), 0, n, u, now)).counter());
        EngineState rebooted = new EngineState(ENGINE, 8, 5);
        assertEquals(UsmStats.NOT_IN_TIME_WINDOWS, assertThrows(UsmException.class,
                () -> UsmSecurityModel.decode(buf.clone(), 0, n, u, rebooted)).counter());
        // a newer message moves our notion of the engine's time forward
        EngineState behind = new EngineState(ENGINE, 7, 50);
        UsmSecurityModel.decode(buf.clone(), 0, n, u, behind);
        assertTrue(behind.time() >= 100);
    }

    @Test
    void discoveryMessageIsEmptyAndUnauthenticated() {
        byte[] buf = new byte[512];
        int n = UsmSecurityModel.encode(buf, 0, 9, 65507, true, null, null,
                new ScopedPdu(new byte[0], new byte[0], Pdu.request(BerTags.GET, List.of())));
        UsmSecurityModel.Incoming in = UsmSecurityModel.decode(buf, 0, n, null, null);
        assertFalse(in.authenticated());
        assertEquals(V3Message.FLAG_REPORTABLE, in.message().msgFlags());
        assertEquals(0, in.message().usm().engineId().length);
    }

    @Test
    void destroyedUsersCannotSign() {
        UsmUser u = user(new Combo(AuthProtocol.SHA1, PrivProtocol.DES), "");
        // used first, so that this thread holds a keyed Mac and Cipher for it, which destroy wipes
        assertTrue(UsmSecurityModel.encode(new byte[2048], 0, 1, 1500, true, u, new EngineState(ENGINE, 1, 1), PDU) > 0);
        u.destroy();
        assertThrows(IllegalStateException.class, () -> UsmSecurityModel.encode(new byte[2048], 0, 1, 1500, true, u,
                new EngineState(ENGINE, 1, 1), PDU));
    }

    /** Tampering anywhere in a signed message is caught as a typed error, never anything else. */
    @Property(tries = 300)
    void tamperingIsAlwaysATypedError(@ForAll @IntRange(min = 0, max = 2000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        Combo c = new Combo(AuthProtocol.SHA1, PrivProtocol.AES128);
        UsmUser u = UsmUser.localized("user", c.auth(), "authpassword", c.priv(), "privpassword", ENGINE);
        EngineState engine = new EngineState(ENGINE, 7, 1000);
        byte[] buf = new byte[4096];
        int n = UsmSecurityModel.encode(buf, 0, 1, 65507, true, u, engine, PDU);
        byte[] msg = Arrays.copyOf(buf, n);
        int at = position % n;
        msg[at] ^= (byte) xor;
        try {
            UsmSecurityModel.Incoming in = UsmSecurityModel.decode(msg, 0, n, u, engine);
            // only bytes outside what the digest protects may change without an error: none exist
            throw new AssertionError("tampered byte " + at + " accepted: " + in.scopedPdu());
        } catch (UsmException expected) {
            assertTrue(expected.counter() != null);
        }
        byte[] inPlace = msg.clone();
        try {
            UsmSecurityModel.decodeInPlace(inPlace, 0, n, u, engine, new V3Envelope());
            throw new AssertionError("tampered byte " + at + " accepted in place");
        } catch (UsmException expected) {
            assertTrue(expected.counter() != null);
        }
    }

    @Test
    void keysDoNotAppearInMessagesOrNames() {
        UsmUser u = user(new Combo(AuthProtocol.SHA1, PrivProtocol.AES128), "");
        byte[] ak = UsmKeyLocalizer.authKey(AuthProtocol.SHA1, "authpassword", ENGINE);
        byte[] pk = UsmKeyLocalizer.privKey(AuthProtocol.SHA1, PrivProtocol.AES128, "privpassword", ENGINE);
        byte[] buf = new byte[4096];
        int n = UsmSecurityModel.encode(buf, 0, 1, 65507, true, u, new EngineState(ENGINE, 7, 1000), PDU);
        byte[] msg = Arrays.copyOf(buf, n);
        String shown = u.toString();
        for (byte[] key : new byte[][] {ak, pk}) {
            String hex = HexFormat.of().formatHex(key);
            for (String form : new String[] {hex, hex.toUpperCase(), Arrays.toString(key),
                new String(key, StandardCharsets.ISO_8859_1), java.util.Base64.getEncoder().encodeToString(key)}) {
                assertFalse(shown.contains(form), shown);
            }
            for (int i = 0; i + 8 <= key.length; i++) { // no 8 octets of a key anywhere in the message
                byte[] run = Arrays.copyOfRange(key, i, i + 8);
                for (int j = 0; j + 8 <= msg.length; j++) {
                    assertFalse(Arrays.equals(msg, j, j + 8, run, 0, 8), "key octets at " + j);
                }
            }
        }
        assertEquals("user", new String(u.name(), StandardCharsets.UTF_8));
        u.destroy();
    }
}
