package io.varbind.usm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Localized keys shared by the users that hold them, so the one-megabyte password hash runs once
 * per user and engine, not per request or per session. Each entry counts its holders and is zeroed
 * when the last one lets go ({@link UsmUser#destroy()}); entries hold only localized keys, never
 * pass phrases. They are found by (engine id, protocols, HMAC-SHA-256 of the pass phrase under a
 * random key made once per process), so a heap dump holds no unsalted password hash to run a
 * dictionary against. Bounded: past {@value #MAX} entries the least recently used is zeroed and
 * dropped (its holders keep their own copies).
 */
public final class LocalizedKeyCache {
    private static final int MAX = 4096;
    private static final byte[] SALT = new byte[32];

    static {
        new SecureRandom().nextBytes(SALT);
    }

    private static final class Entry {
        final byte[] key;
        int holders;

        Entry(byte[] key) {
            this.key = key;
        }
    }

    private static final Map<String, Entry> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> e) {
            if (size() > MAX) {
                Arrays.fill(e.getValue().key, (byte) 0);
                return true;
            }
            return false;
        }
    };

    private LocalizedKeyCache() {
    }

    static String key(String kind, AuthProtocol auth, PrivProtocol priv, String password, byte[] engineId) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            return kind + '|' + auth + '|' + priv + '|' + HexFormat.of().formatHex(engineId) + '|'
                    + HexFormat.of().formatHex(mac.doFinal(pw));
        } catch (GeneralSecurityException e) {
            throw new UsmException("keyDerivation", "HmacSHA256 missing", e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /**
     * A copy of the key under {@code handle}, derived by {@code derive} when nobody holds it; the
     * caller becomes a holder and must {@link #release} the handle.
     */
    private static byte[] acquire(String handle, java.util.function.Supplier<byte[]> derive) {
        synchronized (CACHE) {
            Entry e = CACHE.get(handle);
            if (e != null) {
                e.holders++;
                return e.key.clone();
            }
        }
        byte[] v = derive.get(); // outside the lock: a megabyte of hashing
        synchronized (CACHE) {
            Entry e = CACHE.get(handle);
            if (e == null) {
                e = new Entry(v);
                CACHE.put(handle, e);
            } else {
                Arrays.fill(v, (byte) 0); // another thread derived it meanwhile
            }
            e.holders++;
            return e.key.clone();
        }
    }

    /** The localized authentication key: a copy, its holder counted under {@code handle}. */
    static byte[] authKey(String handle, AuthProtocol auth, String password, byte[] engineId) {
        return acquire(handle, () -> UsmKeyLocalizer.authKey(auth, password, engineId));
    }

    /** The privacy key material: a copy, its holder counted under {@code handle}. */
    static byte[] privKey(String handle, AuthProtocol auth, PrivProtocol priv, String password, byte[] engineId) {
        return acquire(handle, () -> UsmKeyLocalizer.privKey(auth, priv, password, engineId));
    }

    /** One holder of {@code handle} let go: the last zeroes and drops the entry. */
    static void release(String handle) {
        synchronized (CACHE) {
            Entry e = CACHE.get(handle);
            if (e != null && --e.holders <= 0) {
                Arrays.fill(e.key, (byte) 0);
                CACHE.remove(handle);
            }
        }
    }

    /** Zeroes and drops every cached key (holders keep their own copies). */
    public static void clear() {
        synchronized (CACHE) {
            for (Entry e : CACHE.values()) {
                Arrays.fill(e.key, (byte) 0);
            }
            CACHE.clear();
        }
    }

    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    static List<String> keys() {
        synchronized (CACHE) {
            return new ArrayList<>(CACHE.keySet());
        }
    }
}
