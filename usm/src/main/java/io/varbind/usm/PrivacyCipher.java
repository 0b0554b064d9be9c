package io.varbind.usm;

import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The USM privacy transforms on the JDK's ciphers (AES-NI accelerated; DES and DESede are in
 * SunJCE, so Bouncy Castle is not needed): CBC-DES with IV = pre-IV XOR salt and zero padding
 * (RFC 3414 section 8.1.1), 3DES-EDE in CBC the same way (draft-reeder-snmpv3-usm-3desede), and
 * CFB128-AES with IV = engineBoots || engineTime || salt (RFC 3826 section 3.1.2.1). One Cipher per
 * thread and algorithm, re-initialised per message.
 */
final class PrivacyCipher {
    private static final ThreadLocal<Map<PrivProtocol, Cipher>> CIPHERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(PrivProtocol.class));

    private PrivacyCipher() {
    }

    private static Cipher cipher(PrivProtocol p) {
        return CIPHERS.get().computeIfAbsent(p, k -> {
            try {
                switch (k) {
                    case DES:
                        return Cipher.getInstance("DES/CBC/NoPadding");
                    case TRIPLE_DES:
                        return Cipher.getInstance("DESede/CBC/NoPadding");
                    default:
                        return Cipher.getInstance("AES/CFB/NoPadding");
                }
            } catch (GeneralSecurityException e) {
                throw new UsmException("keyDerivation", k + " is not available in this JVM", e);
            }
        });
    }

    /** The 16-octet IV of AES from the message's boots and time and the 8-octet salt. */
    private static byte[] aesIv(int boots, int time, byte[] salt) {
        byte[] iv = new byte[16];
        iv[0] = (byte) (boots >>> 24);
        iv[1] = (byte) (boots >>> 16);
        iv[2] = (byte) (boots >>> 8);
        iv[3] = (byte) boots;
        iv[4] = (byte) (time >>> 24);
        iv[5] = (byte) (time >>> 16);
        iv[6] = (byte) (time >>> 8);
        iv[7] = (byte) time;
        System.arraycopy(salt, 0, iv, 8, 8);
        return iv;
    }

    /** The CBC IV: the last 8 octets of the key material XOR the salt. */
    private static byte[] cbcIv(byte[] key, byte[] salt) {
        byte[] iv = new byte[8];
        int pre = key.length - 8;
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (key[pre + i] ^ salt[i]);
        }
        return iv;
    }

    private static SecretKeySpec keySpec(PrivProtocol p, byte[] key) {
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
    static byte[] encrypt(PrivProtocol p, byte[] key, byte[] salt, int boots, int time, byte[] plain, int off, int len) {
        try {
            Cipher c = cipher(p);
            if (p.isAes()) {
                c.init(Cipher.ENCRYPT_MODE, keySpec(p, key), new IvParameterSpec(aesIv(boots, time, salt)));
                return c.doFinal(plain, off, len);
            }
            int padded = (len + 7) / 8 * 8;
            byte[] in = new byte[padded];
            System.arraycopy(plain, off, in, 0, len);
            c.init(Cipher.ENCRYPT_MODE, keySpec(p, key), new IvParameterSpec(cbcIv(key, salt)));
            return c.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "cannot encrypt: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts ciphertext; a length that is not a whole number of CBC blocks or a salt of the
     * wrong size is a decryption error (RFC 3414 section 8.3.2).
     */
    static byte[] decrypt(PrivProtocol p, byte[] key, byte[] salt, int boots, int time, byte[] enc, int off, int len) {
        if (salt.length != 8) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "msgPrivacyParameters of " + salt.length
                    + " octets, not 8");
        }
        if (!p.isAes() && len % 8 != 0) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "ciphertext of " + len
                    + " octets is not a whole number of blocks");
        }
        try {
            Cipher c = cipher(p);
            byte[] iv = p.isAes() ? aesIv(boots, time, salt) : cbcIv(key, salt);
            c.init(Cipher.DECRYPT_MODE, keySpec(p, key), new IvParameterSpec(iv));
            return c.doFinal(enc, off, len);
        } catch (GeneralSecurityException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "cannot decrypt: " + e.getClass().getSimpleName(), e);
        }
    }
}
