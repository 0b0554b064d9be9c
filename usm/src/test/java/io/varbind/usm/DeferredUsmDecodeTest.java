package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.varbind.codec.testing.BerMutations;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.codec.Variable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link UsmSecurityModel#decodePduDeferred} (the engine's v3 answer path: varbinds left in
 * the decrypted buffer) against {@link UsmSecurityModel#decodeScopedPduInPlace} (the same ending in
 * objects): every auth x priv user, answers encrypted and signed as an agent would around
 * plaintexts that are valid, mutated (bit flips, truncation, oversized and indefinite lengths,
 * insertions, deletions), and messages damaged after signing (a wrong digest, a wrong key on
 * either side, a truncated encryptedPDU, a truncated message, an oversized length). Both refuse
 * the same messages with the same error (class, usmStats counter, message), and what both accept
 * reads back the same, through {@link io.varbind.codec.Pdu#varBinds()} and through a cursor. The
 * object decode {@link UsmSecurityModel#decode} refuses the same messages with the same counter.
 */
class DeferredUsmDecodeTest {
    private static final byte[] ENGINE_ID = {(byte) 0x80, 0, 0x1f, (byte) 0x88, (byte) 0x80, 0x64, 0x65, 0x66};
    private static final int BOOTS = 9;
    private static final int TIME = 4242;
    private static final List<UsmUser> USERS = new ArrayList<>();
    /** Per user, the same name and protocols under other passwords: [0] another auth key, [1] another priv key. */
    private static final Map<AuthProtocol, Map<PrivProtocol, UsmUser[]>> WRONG = new EnumMap<>(AuthProtocol.class);

    static {
        for (AuthProtocol a : AuthProtocol.values()) {
            WRONG.put(a, new EnumMap<>(PrivProtocol.class));
            for (PrivProtocol p : PrivProtocol.values()) {
                if (a != AuthProtocol.NONE || p == PrivProtocol.NONE) {
                    USERS.add(UsmUser.localized("deferred", a, "auth-pass-1", p, "priv-pass-1", ENGINE_ID));
                    WRONG.get(a).put(p, new UsmUser[] {
                        UsmUser.localized("deferred", a, "auth-pass-2", p, "priv-pass-1", ENGINE_ID),
                        UsmUser.localized("deferred", a, "auth-pass-1", p, "priv-pass-2", ENGINE_ID)});
                }
            }
        }
    }

    /** How a message is damaged after it was built. */
    enum Damage {
        NONE, DIGEST, SENDER_AUTH_KEY, SENDER_PRIV_KEY, TRUNCATED_ENCRYPTED, TRUNCATED_MESSAGE, OVERSIZED_LENGTH,
        UNSIGNED
    }

    @Property(tries = 400)
    void refusesWhatTheObjectDecodeRefusesAndReadsTheSameVarBinds(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 1000) int userPick) {
        Random rnd = new Random(seed);
        UsmUser user = USERS.get(userPick % USERS.size());
        for (int i = 0; i < 12; i++) {
            byte[] plain = scopedPdu(rnd);
            if (i > 0 && rnd.nextInt(3) > 0) {
                plain = BerMutations.mutate(plain, rnd);
            }
            Damage d = i == 0 ? Damage.NONE : Damage.values()[rnd.nextInt(Damage.values().length)];
            Statistics.label("outcome").collect(same(message(user, plain, d, rnd), user));
        }
        // every way out is taken often enough to mean something
        Statistics.label("outcome").coverage(c -> {
            c.check("accepted").percentage(x -> x > 5);
            c.check(UsmStats.WRONG_DIGESTS).percentage(x -> x > 5);
            c.check(UsmStats.DECRYPTION_ERRORS).percentage(x -> x > 5);
            c.check("snmpInASNParseErrs").percentage(x -> x > 5);
        });
    }

    /** An answer the agent side would send, damaged as {@code d} says. */
    private static byte[] message(UsmUser user, byte[] plain, Damage d, Random rnd) {
        boolean auth = user.auth() != AuthProtocol.NONE;
        boolean priv = user.priv() != PrivProtocol.NONE;
        UsmUser sender = user;
        if (d == Damage.SENDER_AUTH_KEY && auth) {
            sender = WRONG.get(user.auth()).get(user.priv())[0];
        } else if (d == Damage.SENDER_PRIV_KEY && priv) {
            sender = WRONG.get(user.auth()).get(user.priv())[1];
        }
        byte[] salt = new byte[8];
        rnd.nextBytes(salt);
        byte[] data = plain;
        if (d == Damage.TRUNCATED_ENCRYPTED && priv) {
            // encrypted whole, then cut, and signed as it is: the ciphertext ends early
            byte[] enc = V3Wire.encrypt(sender, salt, BOOTS, TIME, plain);
            byte[] msg = V3Wire.message(user.securityFlags(), ENGINE_ID, BOOTS, TIME, user.name(),
                    user.auth().macLength(), salt, V3Wire.tlv(0x04, Arrays.copyOf(enc, rnd.nextInt(enc.length + 1))));
            V3Wire.sign(sender, msg, new V3Envelope());
            return msg;
        }
        int flags = user.securityFlags() | (rnd.nextBoolean() ? V3Message.FLAG_REPORTABLE : 0);
        byte[] msg = V3Wire.message(sender, flags, ENGINE_ID, BOOTS, TIME, user.name(),
                auth ? user.auth().macLength() : 0, priv ? salt : new byte[0], priv, plain);
        V3Envelope e = new V3Envelope();
        if (auth && d != Damage.UNSIGNED && !V3Wire.sign(sender, msg, e)) {
            return msg;
        }
        switch (d) {
            case DIGEST:
                if (auth) {
                    msg[e.authParametersOffset() + rnd.nextInt(user.auth().macLength())] ^= (byte) (1 << rnd.nextInt(8));
                }
                return msg;
            case TRUNCATED_MESSAGE:
                return Arrays.copyOf(msg, rnd.nextInt(msg.length));
            case OVERSIZED_LENGTH: {
                // a length field after signing says more than there is (long form, up to 2^31-1)
                byte[] m = msg.clone();
                int at = 1 + rnd.nextInt(m.length - 1);
                m[at] = (byte) 0x84;
                if (at + 4 < m.length) {
                    m[at + 1] = (byte) 0x7F;
                    m[at + 2] = (byte) 0xFF;
                }
                return m;
            }
            default:
                return msg;
        }
    }

    /** Decodes {@code msg} both ways, checks they agree; returns "accepted" or the counter of the refusal. */
    private static String same(byte[] msg, UsmUser user) {
        byte[] a = msg.clone();
        byte[] b = msg.clone();
        V3Envelope ea = new V3Envelope();
        V3Envelope eb = new V3Envelope();
        ScopedPdu objects = null;
        RuntimeException refusedA = null;
        try {
            objects = UsmSecurityModel.decodeScopedPduInPlace(a, 0, a.length, user, engine(), ea);
        } catch (RuntimeException x) {
            refusedA = x;
        }
        Pdu p = null;
        RuntimeException refusedB = null;
        try {
            p = UsmSecurityModel.decodePduDeferred(b, 0, b.length, user, engine(), eb);
        } catch (RuntimeException x) {
            refusedB = x;
        }
        String counterC = null;
        try {
            UsmSecurityModel.decode(msg.clone(), 0, msg.length, user, engine());
        } catch (UsmException x) {
            counterC = x.counter();
        }
        if (refusedA != null) {
            if (refusedB == null) {
                fail("the deferred decode accepted what the object decode refused: " + refusedA);
            }
            assertEquals(refusedA.getClass(), refusedB.getClass());
            assertTrue(refusedA instanceof UsmException, "an untyped error: " + refusedA);
            assertEquals(((UsmException) refusedA).counter(), ((UsmException) refusedB).counter());
            assertEquals(refusedA.getMessage(), refusedB.getMessage());
            assertEquals(((UsmException) refusedA).counter(), counterC, "the object decode's counter");
            return counterC;
        }
        if (refusedB != null) {
            throw new AssertionError("the deferred decode refused what the object decode accepted", refusedB);
        }
        assertEquals(null, counterC, "the object decode refused what the in-place decodes accepted");
        assertArrayEquals(a, b, "the buffer after decoding");
        assertEquals(ea.isAuth(), eb.isAuth());
        assertEquals(ea.engineBoots(), eb.engineBoots());
        assertTrue(p.isDeferred());
        VarBindCursor c = new VarBindCursor().reset(p);
        assertEquals(objects.pdu().type(), c.pduType());
        assertEquals(objects.pdu().requestId(), c.requestId());
        assertEquals(objects.pdu().errorStatus(), c.errorStatus());
        assertEquals(objects.pdu().errorIndex(), c.errorIndex());
        int[] arcs = new int[Oid.MAX_ARCS];
        for (VarBind vb : objects.pdu().varBinds()) {
            assertTrue(c.next());
            int n = c.oid(arcs);
            assertArrayEquals(vb.oid().toArray(), Arrays.copyOf(arcs, n));
            assertEquals(vb.value(), c.value());
        }
        assertFalse(c.next());
        assertEquals(objects.pdu(), p); // materialised on demand
        return "accepted";
    }

    private static EngineState engine() {
        return new EngineState(ENGINE_ID, BOOTS, TIME);
    }

    /** A plaintext ScopedPDU with a Response (now and then a Report) of up to 30 varbinds of every type. */
    private static byte[] scopedPdu(Random rnd) {
        List<VarBind> vbs = new ArrayList<>();
        int n = rnd.nextInt(31);
        for (int i = 0; i < n; i++) {
            int[] arcs = new int[2 + rnd.nextInt(14)];
            arcs[0] = 1;
            arcs[1] = 3;
            for (int j = 2; j < arcs.length; j++) {
                arcs[j] = rnd.nextInt(4) == 0 ? rnd.nextInt(Integer.MAX_VALUE) : rnd.nextInt(300);
            }
            vbs.add(new VarBind(Oid.of(arcs), value(rnd)));
        }
        Pdu p = new Pdu(rnd.nextInt(8) == 0 ? BerTags.REPORT : BerTags.RESPONSE, rnd.nextInt(), rnd.nextInt(6),
                rnd.nextInt(n + 1), vbs);
        byte[] name = rnd.nextBoolean() ? new byte[0] : "ctx".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[65536];
        return Arrays.copyOf(out, SnmpMessageEncoder.encodeScopedPdu(new ScopedPdu(ENGINE_ID, name, p), out, 0));
    }

    private static Variable value(Random rnd) {
        switch (rnd.nextInt(12)) {
            case 0: return Variable.integer(rnd.nextInt());
            case 1: {
                byte[] b = new byte[rnd.nextInt(rnd.nextInt(10) == 0 ? 1400 : 40)];
                rnd.nextBytes(b);
                return Variable.octetString(b);
            }
            case 2: return Variable.nullValue();
            case 3: return Variable.objectId(Oid.of(1, 3, 6, 1, rnd.nextInt(1000), rnd.nextInt(Integer.MAX_VALUE)));
            case 4: return Variable.ipAddress(new byte[] {10, 0, (byte) rnd.nextInt(256), 1});
            case 5: return Variable.counter32(rnd.nextLong() & 0xFFFFFFFFL);
            case 6: return Variable.gauge32(rnd.nextLong() & 0xFFFFFFFFL);
            case 7: return Variable.timeTicks(rnd.nextLong() & 0xFFFFFFFFL);
            case 8: return Variable.counter64(rnd.nextLong());
            case 9: return Variable.opaqueFloat(rnd.nextFloat());
            case 10: return Variable.noSuchInstance();
            default: return Variable.endOfMibView();
        }
    }
}
