package io.varbind.usm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Localized keys by (engine id, SHA-256 of the pass phrase, protocols), so the one-megabyte
 * password hash runs once per user and engine, not per request or per session. Bounded (least
 * recently used out); entries hold only localized keys, never pass phrases, and {@link #clear()}
 * zeroes them.
 */
public final class LocalizedKeyCache {
    private static final int MAX = 4096;
    private static final Map<String, byte[]> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
            if (size() > MAX) {
                Arrays.fill(e.getValue(), (byte) 0);
                return true;
            }
            return false;
        }
    };

    private LocalizedKeyCache() {
    }

    private static String key(String kind, AuthProtocol auth, PrivProtocol priv, String password, byte[] engineId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] pw = password.getBytes(StandardCharsets.UTF_8);
            byte[] h = sha.digest(pw);
            Arrays.fill(pw, (byte) 0);
            return kind + '|' + auth + '|' + priv + '|' + HexFormat.of().formatHex(engineId) + '|'
                    + HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UsmException("keyDerivation", "SHA-256 missing", e);
        }
    }

    /** A copy of the localized authentication key. */
    public static byte[] authKey(AuthProtocol auth, String password, byte[] engineId) {
        String k = key("a", auth, PrivProtocol.NONE, password, engineId);
        byte[] v;
        synchronized (CACHE) {
            v = CACHE.get(k);
        }
        if (v == null) {
            v = UsmKeyLocalizer.authKey(auth, password, engineId);
            synchronized (CACHE) {
                CACHE.put(k, v);
            }
        }
        return v.clone();
    }

    /** A copy of the privacy key material. */
    public static byte[] privKey(AuthProtocol auth, PrivProtocol priv, String password, byte[] engineId) {
        String k = key("p", auth, priv, password, engineId);
        byte[] v;
        synchronized (CACHE) {
            v = CACHE.get(k);
        }
        if (v == null) {
            v = UsmKeyLocalizer.privKey(auth, priv, password, engineId);
            synchronized (CACHE) {
                CACHE.put(k, v);
            }
        }
        return v.clone();
    }

    /** Zeroes and drops every cached key. */
    public static void clear() {
        synchronized (CACHE) {
            for (byte[] v : CACHE.values()) {
                Arrays.fill(v, (byte) 0);
            }
            CACHE.clear();
        }
    }

    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }
}
