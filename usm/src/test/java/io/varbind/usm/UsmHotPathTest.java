package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.codec.Variable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free USM path: its HMAC and CBC chaining agree with the JDK's own Mac and CBC
 * ciphers, {@link UsmSecurityModel#decodeInPlace} sees what {@link UsmSecurityModel#decode} sees
 * for every auth/priv combination, a wrong privacy key is a typed decryption error there too,
 * and a warmed-up encode and in-place decode allocate nothing on the calling thread.
 */
class UsmHotPathTest {
    private static final byte[] ENGINE = HexFormat.of().parseHex("80001f8804686f7470617468");

    private static ScopedPdu response(int varbinds) {
        List<VarBind> vbs = new ArrayList<>();
        for (int i = 0; i < varbinds; i++) {
            vbs.add(new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.10." + (i + 1)), Variable.counter32(1000L * i + 7)));
        }
        vbs.add(new VarBind(Oid.parse("1.3.6.1.2.1.1.5.0"), Variable.octetString("host-" + varbinds)));
        return new ScopedPdu(ENGINE, new byte[] {'c'}, new Pdu(BerTags.RESPONSE, 99, 0, 0, vbs));
    }

    @Property(tries = 200)
    void hmacIsTheJdksMac(@ForAll @Size(max = 1500) byte[] data, @ForAll @IntRange(min = 1, max = 6) int kind)
            throws Exception {
        AuthProtocol a = AuthProtocol.values()[kind];
        UsmUser u = UsmUser.localized("u", a, "authpassword", PrivProtocol.NONE, null, ENGINE);
        UsmUser.Crypto c = u.crypto();
        c.hmac(data, 0, data.length);
        Mac jdk = Mac.getInstance(a.macAlgorithm());
        jdk.init(new SecretKeySpec(u.authKey(), a.macAlgorithm()));
        assertArrayEquals(jdk.doFinal(data), Arrays.copyOf(c.digest, c.digestLength));
    }

    @Property(tries = 100)
    void cbcEncryptionIsTheJdksCbc(@ForAll @Size(max = 600) byte[] plain, @ForAll boolean triple,
            @ForAll @Size(min = 8, max = 8) byte[] salt) throws Exception {
        PrivProtocol p = triple ? PrivProtocol.TRIPLE_DES : PrivProtocol.DES;
        UsmUser u = UsmUser.localized("u", AuthProtocol.SHA1, "authpassword", p, "privpassword", ENGINE);
        byte[] enc = Ciphers.encrypt(u, salt, 1, 2, plain, 0, plain.length);
        byte[] key = u.privKey();
        byte[] iv = new byte[8];
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (key[key.length - 8 + i] ^ salt[i]);
        }
        Cipher jdk = Cipher.getInstance(triple ? "DESede/CBC/NoPadding" : "DES/CBC/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, PrivacyCipher.keySpec(p, key), new IvParameterSpec(iv));
        byte[] back = jdk.doFinal(enc);
        assertArrayEquals(plain, Arrays.copyOf(back, plain.length));
        for (int i = plain.length; i < back.length; i++) {
            assertEquals(0, back[i], "zero padding");
        }
    }

    @Test
    void inPlaceDecodingSeesWhatObjectDecodingSees() {
        ScopedPdu sp = response(10);
        for (AuthProtocol a : AuthProtocol.values()) {
            for (PrivProtocol p : PrivProtocol.values()) {
                if (a == AuthProtocol.NONE && p != PrivProtocol.NONE) {
                    continue;
                }
                UsmUser u = UsmUser.localized("hot", a, "authpassword", p, "privpassword", ENGINE);
                EngineState engine = new EngineState(ENGINE, 3, 500);
                byte[] buf = new byte[4096];
                int n = UsmSecurityModel.encode(buf, 3, 1234, 65507, false, u, engine, sp);
                byte[] msg = Arrays.copyOfRange(buf, 3, 3 + n);
                UsmSecurityModel.Incoming objects = UsmSecurityModel.decode(msg, 0, n, u, engine);
                byte[] copy = msg.clone();
                V3Envelope e = new V3Envelope();
                boolean authenticated = UsmSecurityModel.decodeInPlace(copy, 0, n, u, engine, e);
                String what = a + "/" + p;
                assertEquals(objects.authenticated(), authenticated, what);
                assertEquals(a != AuthProtocol.NONE, authenticated, what);
                assertEquals(sp, objects.scopedPdu(), what);
                assertEquals(sp, SnmpMessageDecoder.decodeScopedPdu(copy, e.dataOffset(), e.dataLength()), what);
                assertEquals(1234, e.msgId(), what);
                assertEquals(3, e.engineBoots(), what);
                assertEquals(u.securityFlags(), e.msgFlags(), what);
                assertFalse(e.encrypted(), what);
                VarBindCursor c = new VarBindCursor().resetScopedPdu(copy, e.dataOffset(), e.dataLength());
                int count = 0;
                while (c.next()) {
                    count++;
                }
                assertEquals(11, count, what);
                if (p != PrivProtocol.NONE) {
                    // the ciphertext really was ciphertext: the plaintext is not in the message
                    assertFalse(Arrays.equals(msg, copy), what);
                }
            }
        }
    }

    @Test
    void aWrongPrivacyKeyIsADecryptionErrorInPlace() {
        UsmUser right = UsmUser.localized("hot", AuthProtocol.SHA256, "authpassword", PrivProtocol.AES256,
                "privpassword", ENGINE);
        UsmUser wrong = UsmUser.localized("hot", AuthProtocol.SHA256, "authpassword", PrivProtocol.AES256,
                "another privacy password", ENGINE);
        EngineState engine = new EngineState(ENGINE, 3, 500);
        byte[] buf = new byte[4096];
        int n = UsmSecurityModel.encode(buf, 0, 1, 65507, true, right, engine, response(3));
        UsmException x = assertThrows(UsmException.class,
                () -> UsmSecurityModel.decodeInPlace(buf.clone(), 0, n, wrong, engine, new V3Envelope()));
        assertEquals(UsmStats.DECRYPTION_ERRORS, x.counter());
        x = assertThrows(UsmException.class,
                () -> UsmSecurityModel.decodeScopedPduInPlace(buf.clone(), 0, n, wrong, engine, new V3Envelope()));
        assertEquals(UsmStats.DECRYPTION_ERRORS, x.counter());
        assertEquals(response(3), UsmSecurityModel.decodeScopedPduInPlace(buf, 0, n, right, engine, new V3Envelope()));
    }

    @Test
    void encodeAndInPlaceDecodeAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported());
        long self = Thread.currentThread().getId();
        ScopedPdu sp = response(10);
        for (PrivProtocol p : new PrivProtocol[] {PrivProtocol.AES128, PrivProtocol.AES256, PrivProtocol.DES}) {
            UsmUser u = UsmUser.localized("hot", AuthProtocol.SHA256, "authpassword", p, "privpassword", ENGINE);
            EngineState engine = new EngineState(ENGINE, 3, 500);
            byte[] out = new byte[4096];
            byte[] in = new byte[4096];
            V3Envelope e = new V3Envelope();
            VarBindCursor c = new VarBindCursor();
            long sink = 0;
            for (int i = 0; i < 30_000; i++) {
                sink += roundTrip(u, engine, sp, out, in, e, c);
            }
            int rounds = 2_000;
            long before = mx.getThreadAllocatedBytes(self);
            for (int i = 0; i < rounds; i++) {
                sink += roundTrip(u, engine, sp, out, in, e, c);
            }
            long allocated = mx.getThreadAllocatedBytes(self) - before;
            assertTrue(sink != 0);
            // well under one octet per message: nothing is allocated per message (a stray object
            // per message would be at least 16 octets each)
            assertTrue(allocated < rounds, p + ": " + allocated + " octets for " + rounds + " messages");
        }
    }

    private static long roundTrip(UsmUser u, EngineState engine, ScopedPdu sp, byte[] out, byte[] in, V3Envelope e,
            VarBindCursor c) {
        int n = UsmSecurityModel.encode(out, 0, 5, 65507, false, u, engine, sp);
        System.arraycopy(out, 0, in, 0, n);
        UsmSecurityModel.decodeInPlace(in, 0, n, u, engine, e);
        c.resetScopedPdu(in, e.dataOffset(), e.dataLength());
        long h = 0;
        while (c.next()) {
            h += c.valueLength();
        }
        return h + n;
    }
}
