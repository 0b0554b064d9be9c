package io.varbind.usm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import javax.crypto.Cipher;
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
    /** The cache entries this user holds (see LocalizedKeyCache), released once by destroy(). */
    private final String[] cacheHandles;
    private volatile boolean destroyed;
    /**
     * Held for reading while a message is signed, verified or ciphered, and for writing by
     * destroy(), so that the keys are never wiped under another thread's computation (which would
     * put a wrong digest on a message instead of refusing it).
     */
    private final StampedLock use = new StampedLock();
    /** Keyed HMAC and cipher per thread that used this user; at most {@link #MAX_THREADS} are kept. */
    private final ConcurrentHashMap<Thread, Crypto> crypto = new ConcurrentHashMap<>();
    private static final int MAX_THREADS = 64;

    /**
     * One thread's keyed HMAC and ciphers for this user: key schedules and HMAC pads are computed
     * once, not per message, and the scratch arrays are reused, so signing, verifying, encrypting
     * and decrypting a message allocate nothing. Only its thread uses it.
     */
    static final class Crypto {
        /** The digest HMAC runs on (RFC 2104); the JDK's Mac allocates its inner digest per message. */
        final MessageDigest md;
        final int digestLength;
        /** The key XOR 0x36 and XOR 0x5c, zero-padded to the digest's block (RFC 2104 section 2). */
        final byte[] ipad;
        final byte[] opad;
        final byte[] digest = new byte[64];
        /** A received digest, kept while the message's own field is zeroed to be checked. */
        final byte[] receivedDigest = new byte[64];
        /** The privacy key's block function in ECB mode (see PrivacyCipher), per direction. */
        final Cipher ecbEncrypt;
        final Cipher ecbDecrypt;
        final byte[] iv = new byte[16];
        final byte[] block = new byte[16];
        final byte[] salt = new byte[8];
        /** Cipher input and output of a bulk decryption; grow to the largest message seen. */
        byte[] streamIn = new byte[2048];
        byte[] streamOut = new byte[2048];

        Crypto(UsmUser u) {
            if (u.auth == AuthProtocol.NONE) {
                md = null;
                digestLength = 0;
                ipad = opad = new byte[0];
            } else {
                try {
                    md = MessageDigest.getInstance(u.auth.digestAlgorithm());
                } catch (GeneralSecurityException e) {
                    throw new UsmException("keyDerivation", u.auth + " is not available", e);
                }
                digestLength = md.getDigestLength();
                int block = u.auth.hmacBlockSize();
                ipad = new byte[block];
                opad = new byte[block];
                for (int i = 0; i < block; i++) {
                    byte k = i < u.authKey.length ? u.authKey[i] : 0;
                    ipad[i] = (byte) (k ^ 0x36);
                    opad[i] = (byte) (k ^ 0x5c);
                }
            }
            if (u.priv == PrivProtocol.NONE) {
                ecbEncrypt = ecbDecrypt = null;
            } else {
                SecretKeySpec key = PrivacyCipher.keySpec(u.priv, u.privKey);
                ecbEncrypt = PrivacyCipher.ecb(u.priv, key, Cipher.ENCRYPT_MODE);
                ecbDecrypt = u.priv.isAes() ? null : PrivacyCipher.ecb(u.priv, key, Cipher.DECRYPT_MODE);
            }
        }

        /** HMAC of {@code buf[off..off+len)} into {@link #digest} (its first {@code digestLength} octets). */
        void hmac(byte[] buf, int off, int len) {
            try {
                md.update(ipad);
                md.update(buf, off, len);
                md.digest(digest, 0, digestLength);
                md.update(opad);
                md.update(digest, 0, digestLength);
                md.digest(digest, 0, digestLength);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e); // 64 octets hold every digest of the USM
            }
        }

        void ensureStream(int n) {
            if (streamIn.length < n) {
                int size = Math.max(n, 2 * streamIn.length);
                streamIn = new byte[size];
                streamOut = new byte[size];
            }
        }

        /** Replaces the key material in the pads and ciphers by zeros. */
        void wipe(UsmUser u) {
            Arrays.fill(ipad, (byte) 0);
            Arrays.fill(opad, (byte) 0);
            if (md != null) {
                md.reset();
            }
            try {
                if (ecbEncrypt != null) {
                    SecretKeySpec zero = PrivacyCipher.keySpec(u.priv, new byte[u.privKey.length]);
                    ecbEncrypt.init(Cipher.ENCRYPT_MODE, zero);
                    if (ecbDecrypt != null) {
                        ecbDecrypt.init(Cipher.DECRYPT_MODE, zero);
                    }
                }
            } catch (GeneralSecurityException | RuntimeException ignored) {
                // best effort: the objects are dropped just after
            }
            Arrays.fill(digest, (byte) 0);
            Arrays.fill(receivedDigest, (byte) 0);
            Arrays.fill(iv, (byte) 0);
            Arrays.fill(block, (byte) 0);
            Arrays.fill(streamIn, (byte) 0);
            Arrays.fill(streamOut, (byte) 0);
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
        this(name, auth, authKey, priv, privKey, new String[0]);
    }

    private UsmUser(byte[] name, AuthProtocol auth, byte[] authKey, PrivProtocol priv, byte[] privKey,
            String[] cacheHandles) {
        this.cacheHandles = cacheHandles;
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
        String ah = auth == AuthProtocol.NONE ? null : LocalizedKeyCache.key("a", auth, PrivProtocol.NONE,
                authPassword, engineId);
        String ph = priv == PrivProtocol.NONE ? null : LocalizedKeyCache.key("p", auth, priv, privPassword, engineId);
        byte[] ak = ah == null ? null : LocalizedKeyCache.authKey(ah, auth, authPassword, engineId);
        byte[] pk = null;
        try {
            pk = ph == null ? null : LocalizedKeyCache.privKey(ph, auth, priv, privPassword, engineId);
            String[] handles = ah == null ? new String[0] : ph == null ? new String[] {ah} : new String[] {ah, ph};
            return new UsmUser(name.getBytes(StandardCharsets.UTF_8), auth, ak, priv, pk, handles);
        } catch (RuntimeException e) {
            if (ah != null) {
                LocalizedKeyCache.release(ah);
            }
            if (ph != null && pk != null) {
                LocalizedKeyCache.release(ph);
            }
            throw e;
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

    /**
     * Starts a use of the keys (signing, verifying, ciphering one message) that destroy() waits
     * for; throws IllegalStateException once destroyed. Not reentrant: only the outermost
     * operation enters.
     */
    long enter() {
        long stamp = use.readLock();
        if (destroyed) {
            use.unlockRead(stamp);
            throw new IllegalStateException("the user's keys were destroyed");
        }
        return stamp;
    }

    void exit(long stamp) {
        use.unlockRead(stamp);
    }

    /**
     * Zeroes the keys, once every message being processed with them is done, and lets go of the
     * cached keys (zeroed there when no other user holds them); the user cannot be used afterwards.
     */
    public void destroy() {
        long stamp = use.writeLock();
        try {
            if (destroyed) {
                return;
            }
            destroyed = true;
            for (Crypto c : crypto.values()) {
                c.wipe(this);
            }
            crypto.clear();
            Arrays.fill(authKey, (byte) 0);
            Arrays.fill(privKey, (byte) 0);
        } finally {
            use.unlockWrite(stamp);
        }
        for (String h : cacheHandles) {
            LocalizedKeyCache.release(h);
        }
    }

    @Override
    public String toString() {
        return "UsmUser[" + new String(name, StandardCharsets.UTF_8) + ", " + auth + ", " + priv + "]";
    }
}
