package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Localized keys live as long as a user holds them, and destroying a user never corrupts a message. */
class KeyLifetimeTest {
    private static final byte[] ENGINE = HexFormat.of().parseHex("80001f8804746573746b657973");

    @Test
    void cachedKeysAreWipedWhenTheLastUserOfThemIsDestroyed() {
        LocalizedKeyCache.clear();
        UsmUser a = UsmUser.localized("a", AuthProtocol.SHA256, "lifetime-auth", PrivProtocol.AES128, "lifetime-priv",
                ENGINE);
        UsmUser b = UsmUser.localized("b", AuthProtocol.SHA256, "lifetime-auth", PrivProtocol.AES128, "lifetime-priv",
                ENGINE);
        assertEquals(2, LocalizedKeyCache.size(), "one auth and one priv key, shared");
        a.destroy();
        assertEquals(2, LocalizedKeyCache.size(), "b still holds them");
        a.destroy(); // twice is harmless, and releases nothing more
        assertEquals(2, LocalizedKeyCache.size());
        b.destroy();
        assertEquals(0, LocalizedKeyCache.size(), "nobody holds them: wiped and gone");
    }

    @Test
    void cacheKeysAreNotAnUnsaltedHashOfThePassword() throws Exception {
        LocalizedKeyCache.clear();
        String password = "dictionary-word";
        UsmUser u = UsmUser.localized("u", AuthProtocol.SHA1, password, PrivProtocol.NONE, null, ENGINE);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(password.getBytes(StandardCharsets.UTF_8)));
        List<String> keys = LocalizedKeyCache.keys();
        assertEquals(1, keys.size());
        for (String k : keys) {
            assertFalse(k.contains(sha), k);
            assertFalse(k.contains(password), k);
        }
        u.destroy();
    }

    @Test
    void destroyingAUserWhileAnotherThreadSignsNeverYieldsAWrongDigest() throws Exception {
        ScopedPdu pdu = new ScopedPdu(ENGINE, new byte[0],
                Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0"))).withRequestId(1));
        EngineState engine = new EngineState(ENGINE, 1, 1);
        UsmUser checker = UsmUser.localized("u", AuthProtocol.SHA512, "race-auth", PrivProtocol.NONE, null, ENGINE);
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger signed = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        for (int round = 0; round < 300; round++) {
            UsmUser u = UsmUser.localized("u", AuthProtocol.SHA512, "race-auth", PrivProtocol.NONE, null, ENGINE);
            Thread signer = new Thread(() -> {
                byte[] buf = new byte[1024];
                try {
                    while (true) {
                        int n = UsmSecurityModel.encode(buf, 0, 9, 65507, true, u, engine, pdu);
                        signed.incrementAndGet();
                        try {
                            UsmSecurityModel.decode(buf, 0, n, checker, null);
                        } catch (UsmException e) {
                            wrong.incrementAndGet(); // signed with wiped pads: silently wrong data
                        }
                    }
                } catch (IllegalStateException destroyed) {
                    // the typed refusal after destroy(): expected
                } catch (Throwable t) {
                    unexpected.set(t);
                }
            });
            signer.start();
            Thread.sleep(0, 200_000);
            u.destroy();
            signer.join(5000);
            assertFalse(signer.isAlive());
        }
        checker.destroy();
        assertEquals(null, unexpected.get());
        assertTrue(signed.get() > 0);
        assertEquals(0, wrong.get(), "messages signed with half-wiped keys, of " + signed.get());
    }
}
