package io.varbind.usm;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The USM privacy transforms on the JDK's ciphers (AES-NI accelerated; DES and DESede are in
 * SunJCE, so Bouncy Castle is not needed): CBC-DES with IV = pre-IV XOR salt and zero padding
 * (RFC 3414 section 8.1.1), 3DES-EDE in CBC the same way (draft-reeder-snmpv3-usm-3desede), and
 * CFB128-AES with IV = engineBoots || engineTime || salt (RFC 3826 section 3.1.2.1). Each thread keeps
 * one keyed Cipher per user ({@link UsmUser.Crypto}), re-initialised per message with the IV.
 */
final class PrivacyCipher {
    private PrivacyCipher() {
    }

    /** A new Cipher for {@code p} (the JDK's SunJCE has all of them). */
    static Cipher newCipher(PrivProtocol p) {
        try {
            switch (p) {
                case DES:
                    return Cipher.getInstance("DES/CBC/NoPadding");
                case TRIPLE_DES:
                    return Cipher.getInstance("DESede/CBC/NoPadding");
                default:
                    return Cipher.getInstance("AES/CFB/NoPadding");
            }
        } catch (GeneralSecurityException e) {
            throw new UsmException("keyDerivation", p + " is not available in this JVM", e);
        }
    }

    /** The message's IV in {@code s.iv}, as a spec for Cipher.init. */
    private static IvParameterSpec iv(PrivProtocol p, UsmUser.Crypto s, byte[] key, byte[] salt, int boots, int time) {
        return new IvParameterSpec(s.iv, 0, fillIv(p, s.iv, key, salt, boots, time));
    }

    /**
     * Writes the IV for the message into {@code iv}: AES's 16 octets (RFC 3826 3.1.2.1), or CBC's 8
     * (RFC 3414 8.1.1.1); returns its length.
     */
    private static int fillIv(PrivProtocol p, byte[] iv, byte[] key, byte[] salt, int boots, int time) {
        if (p.isAes()) {
            iv[0] = (byte) (boots >>> 24);
            iv[1] = (byte) (boots >>> 16);
            iv[2] = (byte) (boots >>> 8);
            iv[3] = (byte) boots;
            iv[4] = (byte) (time >>> 24);
            iv[5] = (byte) (time >>> 16);
            iv[6] = (byte) (time >>> 8);
            iv[7] = (byte) time;
            System.arraycopy(salt, 0, iv, 8, 8);
            return 16;
        }
        int pre = key.length - 8; // the pre-IV: the last 8 octets of the key material, XOR the salt
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (key[pre + i] ^ salt[i]);
        }
        return 8;
    }

    /** An AES/ECB cipher keyed once (the block function E_K of CFB). */
    static Cipher ecb(SecretKeySpec key) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key);
            return c;
        } catch (GeneralSecurityException e) {
            throw new UsmException("keyDerivation", "AES is not available in this JVM", e);
        }
    }

    /**
     * CFB128 decryption (RFC 3826 section 3.1.4) as one bulk block operation: the keystream
     * block for ciphertext block i is E_K(C_{i-1}) with C_0 the IV, so every keystream block is
     * known from the ciphertext alone and all are computed by one ECB call over IV || C_1..C_{n-1}
     * (which the JDK runs on AES-NI several blocks at a time), then XORed in. The JDK's own CFB
     * decrypts block by block and must be re-initialised for every IV.
     */
    private static byte[] aesCfbDecrypt(UsmUser.Crypto s, byte[] iv, byte[] enc, int off, int len)
            throws GeneralSecurityException {
        int blocks = (len + 15) / 16;
        int n = blocks * 16;
        if (s.stream.length < n) {
            s.stream = new byte[Math.max(n, 2 * s.stream.length)];
        }
        byte[] x = s.stream;
        System.arraycopy(iv, 0, x, 0, 16);
        System.arraycopy(enc, off, x, 16, n - 16);
        if (s.ecb.update(x, 0, n, x, 0) != n) { // in place: ECB reads each block before writing it
            throw new GeneralSecurityException("short ECB output");
        }
        byte[] plain = new byte[len];
        for (int i = 0; i < len; i++) {
            plain[i] = (byte) (enc[off + i] ^ x[i]);
        }
        return plain;
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

    /** Encrypts {@code len} octets of plaintext; returns the ciphertext (CBC: zero-padded to 8). */
    static byte[] encrypt(UsmUser user, byte[] salt, int boots, int time, byte[] plain, int off, int len) {
        PrivProtocol p = user.priv();
        try {
            UsmUser.Crypto s = user.crypto();
            Cipher c = s.cipher;
            c.init(Cipher.ENCRYPT_MODE, s.privSpec, iv(p, s, user.privKey(), salt, boots, time));
            if (p.isAes()) {
                return c.doFinal(plain, off, len);
            }
            int padded = (len + 7) / 8 * 8;
            byte[] in = new byte[padded];
            System.arraycopy(plain, off, in, 0, len);
            return c.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "cannot encrypt: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts ciphertext; a length that is not a whole number of CBC blocks or a salt of the
     * wrong size is a decryption error (RFC 3414 section 8.3.2).
     */
    static byte[] decrypt(UsmUser user, byte[] salt, int boots, int time, byte[] enc, int off, int len) {
        PrivProtocol p = user.priv();
        if (salt.length != 8) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "msgPrivacyParameters of " + salt.length
                    + " octets, not 8");
        }
        if (!p.isAes() && len % 8 != 0) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "ciphertext of " + len
                    + " octets is not a whole number of blocks");
        }
        try {
            UsmUser.Crypto s = user.crypto();
            if (p.isAes()) { // keyed once; the IV is the first block of the ECB pass, no Cipher.init
                fillIv(p, s.iv, user.privKey(), salt, boots, time);
                return len == 0 ? new byte[0] : aesCfbDecrypt(s, s.iv, enc, off, len);
            }
            s.cipher.init(Cipher.DECRYPT_MODE, s.privSpec, iv(p, s, user.privKey(), salt, boots, time));
            return s.cipher.doFinal(enc, off, len);
        } catch (GeneralSecurityException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "cannot decrypt: " + e.getClass().getSimpleName(), e);
        }
    }
}
