package io.varbind.usm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A user's security at one authoritative engine: the name, the protocols and the keys localized
 * to that engine's id. Passwords are not kept; {@link #destroy()} zeroes the keys.
 */
public final class UsmUser {
    private final byte[] name;
    private final AuthProtocol auth;
    private final PrivProtocol priv;
    private final byte[] authKey;
    private final byte[] privKey;
    private volatile boolean destroyed;
    /** Keyed HMAC and cipher per thread that used this user; at most {@link #MAX_THREADS} are kept. */
    private final ConcurrentHashMap<Thread, Crypto> crypto = new ConcurrentHashMap<>();
    private static final int MAX_THREADS = 64;

    /**
     * One thread's keyed HMAC and cipher for this user: the key schedules are computed once, not
     * per message (a Mac returns to its key after each doFinal). Only its thread uses it.
     */
    static final class Crypto {
        final Mac mac;
        final byte[] digest = new byte[64];
        final Cipher cipher;
        final SecretKeySpec privSpec;
        final byte[] iv = new byte[16];
        /** AES only: the key in ECB mode, for CFB decryption in one bulk call (see PrivacyCipher). */
        final Cipher ecb;
        /** The keystream input, then output, of a CFB decryption; grows to the largest message seen. */
        byte[] stream = new byte[2048];

        Crypto(UsmUser u) {
            try {
                mac = u.auth == AuthProtocol.NONE ? null : Mac.getInstance(u.auth.macAlgorithm());
                if (mac != null) {
                    mac.init(new SecretKeySpec(u.authKey, u.auth.macAlgorithm()));
                }
            } catch (GeneralSecurityException e) {
                throw new UsmException("keyDerivation", u.auth + " HMAC is not available", e);
            }
            cipher = u.priv == PrivProtocol.NONE ? null : PrivacyCipher.newCipher(u.priv);
            privSpec = u.priv == PrivProtocol.NONE ? null : PrivacyCipher.keySpec(u.priv, u.privKey);
            ecb = u.priv.isAes() ? PrivacyCipher.ecb(privSpec) : null;
        }

        /** Replaces the key material in the Mac and Cipher by zeros. */
        void wipe(UsmUser u) {
            try {
                if (mac != null) {
                    mac.init(new SecretKeySpec(new byte[u.authKey.length], u.auth.macAlgorithm()));
                }
                if (cipher != null) {
                    cipher.init(Cipher.ENCRYPT_MODE, PrivacyCipher.keySpec(u.priv, new byte[u.privKey.length]),
                            new javax.crypto.spec.IvParameterSpec(new byte[u.priv.isAes() ? 16 : 8]));
                }
                if (ecb != null) {
                    ecb.init(Cipher.ENCRYPT_MODE, PrivacyCipher.keySpec(u.priv, new byte[u.privKey.length]));
                }
            } catch (GeneralSecurityException | RuntimeException ignored) {
                // best effort: the objects are dropped just after
            }
            Arrays.fill(digest, (byte) 0);
            Arrays.fill(stream, (byte) 0);
        }
    }

    /** The calling thread's keyed Mac and Cipher for this user. */
    Crypto crypto() {
        check();
        Thread t = Thread.currentThread();
        Crypto c = crypto.get(t);
        if (c == null) {
            c = new Crypto(this);
            if (crypto.size() < MAX_THREADS) { // beyond that (many short-lived callers), keyed per message
                crypto.put(t, c);
            }
        }
        return c;
    }

    public UsmUser(byte[] name, AuthProtocol auth, byte[] authKey, PrivProtocol priv, byte[] privKey) {
        if (auth == AuthProtocol.NONE && priv != PrivProtocol.NONE) {
            throw new IllegalArgumentException("privacy needs authentication (there is no noAuthPriv level)");
        }
        this.name = name.clone();
        this.auth = auth;
        this.priv = priv;
        this.authKey = authKey == null ? new byte[0] : authKey.clone();
        this.privKey = privKey == null ? new byte[0] : privKey.clone();
    }

    /** Derives the user's keys for {@code engineId} from the pass phrases (through the cache). */
    public static UsmUser localized(String name, AuthProtocol auth, String authPassword, PrivProtocol priv,
            String privPassword, byte[] engineId) {
        byte[] ak = auth == AuthProtocol.NONE ? null : LocalizedKeyCache.authKey(auth, authPassword, engineId);
        byte[] pk = priv == PrivProtocol.NONE ? null : LocalizedKeyCache.privKey(auth, priv, privPassword, engineId);
        try {
            return new UsmUser(name.getBytes(StandardCharsets.UTF_8), auth, ak, priv, pk);
        } finally {
            if (ak != null) {
                Arrays.fill(ak, (byte) 0);
            }
            if (pk != null) {
                Arrays.fill(pk, (byte) 0);
            }
        }
    }

    public byte[] name() {
        return name.clone();
    }

    byte[] nameRaw() {
        return name;
    }

    public AuthProtocol auth() {
        return auth;
    }

    public PrivProtocol priv() {
        return priv;
    }

    byte[] authKey() {
        check();
        return authKey;
    }

    byte[] privKey() {
        check();
        return privKey;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("the user's keys were destroyed");
        }
    }

    /**
     * The same user at authNoPriv (for the authenticated reports of an authoritative engine, such
     * as notInTimeWindow, RFC 3414 section 3.2 step 7a); its own copy of the authentication key.
     */
    public UsmUser withoutPrivacy() {
        check();
        return new UsmUser(name, auth, authKey, PrivProtocol.NONE, null);
    }

    /** msgFlags security bits of this user's level: 0, 1 (auth) or 3 (auth and priv). */
    public int securityFlags() {
        return (auth != AuthProtocol.NONE ? 1 : 0) | (priv != PrivProtocol.NONE ? 2 : 0);
    }

    /** Zeroes the keys; the user cannot be used afterwards. */
    public void destroy() {
        destroyed = true;
        for (Crypto c : crypto.values()) {
            c.wipe(this);
        }
        crypto.clear();
        Arrays.fill(authKey, (byte) 0);
        Arrays.fill(privKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "UsmUser[" + new String(name, StandardCharsets.UTF_8) + ", " + auth + ", " + priv + "]";
    }
}
