package io.varbind.usm;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The USM privacy transforms: CBC-DES with IV = pre-IV XOR salt and zero padding (RFC 3414
 * section 8.1.1), 3DES-EDE in CBC the same way (draft-reeder-snmpv3-usm-3desede), and CFB128-AES
 * with IV = engineBoots || engineTime || salt (RFC 3826 section 3.1.2.1).
 *
 * <p>All of them run on one JDK cipher per direction in ECB mode, keyed once per thread and user
 * ({@link UsmUser.Crypto}; SunJCE has AES on AES-NI, DES and DESede, so Bouncy Castle is not
 * needed), with the chaining done here. A JDK CBC or CFB Cipher must be re-initialised for each
 * message's IV, which allocates and costs more than the chaining; ECB takes the IV as data. The
 * directions that can run on many blocks at once (CFB and CBC decryption: every block's cipher
 * input is known from the ciphertext) do so in one ECB call; the encryptions, where each block
 * needs the previous ciphertext, call ECB per block. Nothing here allocates per message beyond
 * the scratch arrays of {@link UsmUser.Crypto}, which grow to the largest message seen.
 */
final class PrivacyCipher {
    private PrivacyCipher() {
    }

    /** An ECB cipher of {@code p}'s block function, keyed with {@code key}, for {@code mode}. */
    static Cipher ecb(PrivProtocol p, SecretKeySpec key, int mode) {
        String name = p == PrivProtocol.DES ? "DES" : p == PrivProtocol.TRIPLE_DES ? "DESede" : "AES";
        try {
            Cipher c = Cipher.getInstance(name + "/ECB/NoPadding");
            c.init(mode, key);
            return c;
        } catch (GeneralSecurityException e) {
            throw new UsmException("keyDerivation", p + " is not available in this JVM", e);
        }
    }

    static SecretKeySpec keySpec(PrivProtocol p, byte[] key) {
        switch (p) {
            case DES:
                return new SecretKeySpec(key, 0, 8, "DES");
            case TRIPLE_DES:
                return new SecretKeySpec(key, 0, 24, "DESede");
            default:
                return new SecretKeySpec(key, 0, p.keyLength(), "AES");
        }
    }

    /**
     * Writes the message's IV into {@code s.iv}: AES's 16 octets (RFC 3826 3.1.2.1), or CBC's 8,
     * the last 8 octets of the privacy key XOR the salt (RFC 3414 8.1.1.1).
     */
    private static void fillIv(PrivProtocol p, UsmUser.Crypto s, byte[] key, byte[] salt, int saltOff, int boots,
            int time) {
        byte[] iv = s.iv;
        if (p.isAes()) {
            iv[0] = (byte) (boots >>> 24);
            iv[1] = (byte) (boots >>> 16);
            iv[2] = (byte) (boots >>> 8);
            iv[3] = (byte) boots;
            iv[4] = (byte) (time >>> 24);
            iv[5] = (byte) (time >>> 16);
            iv[6] = (byte) (time >>> 8);
            iv[7] = (byte) time;
            System.arraycopy(salt, saltOff, iv, 8, 8);
            return;
        }
        int pre = key.length - 8;
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (key[pre + i] ^ salt[saltOff + i]);
        }
    }

    /**
     * Encrypts {@code buf[off..off+len)} in place. For DES and 3DES {@code len} must be a whole
     * number of 8-octet blocks (the caller zero-pads, RFC 3414 8.1.1.2).
     */
    static void encryptInPlace(UsmUser user, byte[] salt, int saltOff, int boots, int time, byte[] buf, int off,
            int len) {
        PrivProtocol p = user.priv();
        UsmUser.Crypto s = user.crypto();
        fillIv(p, s, user.privKey(), salt, saltOff, boots, time);
        try {
            if (p.isAes()) {
                cfbEncrypt(s, buf, off, len);
            } else {
                if (len % 8 != 0) {
                    throw new IllegalArgumentException("CBC plaintext of " + len + " octets is not padded");
                }
                cbcEncrypt(s, buf, off, len);
            }
        } catch (GeneralSecurityException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "cannot encrypt: " + e.getClass().getSimpleName(), e);
        }
    }

    /** CFB128 (RFC 3826 3.1.3): C_i = P_i XOR E_K(C_{i-1}), C_0 the IV; the last block may be short. */
    private static void cfbEncrypt(UsmUser.Crypto s, byte[] buf, int off, int len) throws GeneralSecurityException {
        byte[] k = s.block;
        s.ecbEncrypt.update(s.iv, 0, 16, k, 0);
        int end = off + len;
        for (int p = off; p < end; p += 16) {
            int n = Math.min(16, end - p);
            for (int i = 0; i < n; i++) {
                buf[p + i] ^= k[i];
            }
            if (p + 16 < end) {
                s.ecbEncrypt.update(buf, p, 16, k, 0);
            }
        }
    }

    /** CBC: C_i = E_K(P_i XOR C_{i-1}), C_0 the IV. */
    private static void cbcEncrypt(UsmUser.Crypto s, byte[] buf, int off, int len) throws GeneralSecurityException {
        byte[] x = s.block;
        byte[] prev = s.iv;
        int prevOff = 0;
        for (int p = off; p < off + len; p += 8) {
            for (int i = 0; i < 8; i++) {
                x[i] = (byte) (buf[p + i] ^ prev[prevOff + i]);
            }
            s.ecbEncrypt.update(x, 0, 8, buf, p);
            prev = buf;
            prevOff = p;
        }
    }

    /**
     * Decrypts {@code enc[off..off+len)} into {@code dst[dstOff..)}, which may be the same place
     * (in-place decryption). A salt of the wrong size or a CBC ciphertext that is not a whole
     * number of blocks is a decryption error (RFC 3414 section 8.3.2).
     */
    static void decrypt(UsmUser user, byte[] salt, int saltOff, int saltLen, int boots, int time, byte[] enc,
            int off, int len, byte[] dst, int dstOff) {
        PrivProtocol p = user.priv();
        if (saltLen != 8) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "msgPrivacyParameters of " + saltLen + " octets, not 8");
        }
        if (!p.isAes() && len % 8 != 0) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "ciphertext of " + len
                    + " octets is not a whole number of blocks");
        }
        if (len == 0) {
            return;
        }
        UsmUser.Crypto s = user.crypto();
        fillIv(p, s, user.privKey(), salt, saltOff, boots, time);
        try {
            if (p.isAes()) {
                cfbDecrypt(s, enc, off, len, dst, dstOff);
            } else {
                cbcDecrypt(s, enc, off, len, dst, dstOff);
            }
        } catch (GeneralSecurityException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "cannot decrypt: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * CFB128 decryption (RFC 3826 3.1.4) in one ECB call: the keystream for ciphertext block i is
     * E_K(C_{i-1}), C_0 the IV, all known from the ciphertext, so E_K runs once over IV || C_1..C_{n-1}
     * (several blocks at a time on AES-NI) and the result is XORed in.
     */
    private static void cfbDecrypt(UsmUser.Crypto s, byte[] enc, int off, int len, byte[] dst, int dstOff)
            throws GeneralSecurityException {
        int n = (len + 15) / 16 * 16;
        s.ensureStream(n);
        byte[] in = s.streamIn;
        byte[] k = s.streamOut;
        System.arraycopy(s.iv, 0, in, 0, 16);
        System.arraycopy(enc, off, in, 16, n - 16);
        s.ecbEncrypt.update(in, 0, n, k, 0); // separate arrays: in place would make the JDK copy the input
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (byte) (enc[off + i] ^ k[i]);
        }
    }

    /**
     * CBC decryption: P_i = D_K(C_i) XOR C_{i-1}, C_0 the IV; D_K runs once over the whole
     * ciphertext, and the XOR goes from the last block back, so it works in place.
     */
    private static void cbcDecrypt(UsmUser.Crypto s, byte[] enc, int off, int len, byte[] dst, int dstOff)
            throws GeneralSecurityException {
        s.ensureStream(len);
        byte[] d = s.streamOut;
        s.ecbDecrypt.update(enc, off, len, d, 0);
        for (int b = len - 8; b >= 0; b -= 8) {
            for (int i = 0; i < 8; i++) {
                byte prev = b == 0 ? s.iv[i] : enc[off + b - 8 + i];
                dst[dstOff + b + i] = (byte) (d[b + i] ^ prev);
            }
        }
    }
}
