package io.varbind.usm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Key derivation of RFC 3414 appendix A.2: a pass phrase becomes the user's key Ku by hashing it
 * repeated to 1,048,576 octets (RFC 7860 for the SHA-2 hashes), and Ku becomes the key localized
 * to one authoritative engine, {@code Kul = H(Ku || engineID || Ku)}. The privacy key is made the
 * same way from the privacy pass phrase with the user's authentication hash, then extended when
 * the cipher needs more octets than the hash gives: Blumenthal {@code Kul || H(Kul) ...}, or
 * Reeder {@code Kul || localize(passwordToKey(Kul))}. Uses the JDK's MessageDigest (intrinsics
 * on current CPUs); no Bouncy Castle needed.
 */
public final class UsmKeyLocalizer {
    /** RFC 3414 A.2.1: the pass phrase is hashed repeated to one megabyte. */
    private static final int EXPANSION = 1_048_576;
    /** Net-SNMP refuses shorter pass phrases (USM_LENGTH_P_MIN). */
    public static final int MIN_PASSWORD = 8;

    private UsmKeyLocalizer() {
    }

    static MessageDigest digest(AuthProtocol auth) {
        try {
            return MessageDigest.getInstance(auth.digestAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new UsmException("keyDerivation", auth + " is not available in this JVM", e);
        }
    }

    /** Ku from a pass phrase (the 1 MB hash). */
    public static byte[] passwordToKey(AuthProtocol auth, byte[] password) {
        if (auth == AuthProtocol.NONE) {
            throw new IllegalArgumentException("no key without an authentication protocol");
        }
        if (password.length < MIN_PASSWORD) {
            throw new UsmException("keyDerivation", "pass phrase of " + password.length
                    + " octets is below the USM minimum of " + MIN_PASSWORD);
        }
        MessageDigest md = digest(auth);
        byte[] block = new byte[64 * 16];
        int p = 0;
        for (int i = 0; i < block.length; i++) {
            block[i] = password[p];
            p = p + 1 == password.length ? 0 : p + 1;
        }
        // the repeated pass phrase is periodic; feed whole blocks whose phase lines up
        int period = block.length - (block.length % password.length);
        int fed = 0;
        while (fed + period <= EXPANSION) {
            md.update(block, 0, period);
            fed += period;
        }
        md.update(block, 0, EXPANSION - fed);
        Arrays.fill(block, (byte) 0);
        return md.digest();
    }

    /** Kul = H(Ku || engineID || Ku). */
    public static byte[] localize(AuthProtocol auth, byte[] ku, byte[] engineId) {
        MessageDigest md = digest(auth);
        md.update(ku);
        md.update(engineId);
        md.update(ku);
        return md.digest();
    }

    /** The localized authentication key for a pass phrase. */
    public static byte[] authKey(AuthProtocol auth, String password, byte[] engineId) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] ku = passwordToKey(auth, pw);
        try {
            return localize(auth, ku, engineId);
        } finally {
            Arrays.fill(ku, (byte) 0);
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** The privacy key material for a pass phrase, extended and cut to the cipher's length. */
    public static byte[] privKey(AuthProtocol auth, PrivProtocol priv, String password, byte[] engineId) {
        byte[] kul = authKey(auth, password, engineId);
        return extend(auth, priv, kul, engineId);
    }

    /** Extends (or cuts) a localized key to the privacy protocol's key length. */
    public static byte[] extend(AuthProtocol auth, PrivProtocol priv, byte[] kul, byte[] engineId) {
        int need = priv.keyLength();
        byte[] key = kul;
        while (key.length < need) {
            byte[] more;
            if (priv.reederExtension()) {
                byte[] ku = passwordToKeyUnchecked(auth, key);
                more = localize(auth, ku, engineId);
                Arrays.fill(ku, (byte) 0);
            } else {
                more = digest(auth).digest(key);
            }
            byte[] longer = Arrays.copyOf(key, key.length + more.length);
            System.arraycopy(more, 0, longer, key.length, more.length);
            Arrays.fill(more, (byte) 0);
            if (key != kul) {
                Arrays.fill(key, (byte) 0);
            }
            key = longer;
        }
        byte[] out = Arrays.copyOf(key, need);
        if (key != kul) {
            Arrays.fill(key, (byte) 0);
        }
        Arrays.fill(kul, (byte) 0);
        return out;
    }

    /** The 1 MB hash of key material (Reeder's extension), without the pass-phrase length rule. */
    private static byte[] passwordToKeyUnchecked(AuthProtocol auth, byte[] material) {
        MessageDigest md = digest(auth);
        byte[] buf = new byte[64];
        int p = 0;
        for (int fed = 0; fed < EXPANSION; fed += 64) {
            for (int i = 0; i < 64; i++) {
                buf[i] = material[p];
                p = p + 1 == material.length ? 0 : p + 1;
            }
            md.update(buf);
        }
        return md.digest();
    }
}
