package io.varbind.usm;

/** The privacy transforms of {@link PrivacyCipher} on whole arrays, for the tests. */
final class Ciphers {
    private Ciphers() {
    }

    /** Encrypts {@code len} octets of plaintext into a new array (CBC: zero-padded to 8). */
    static byte[] encrypt(UsmUser user, byte[] salt, int boots, int time, byte[] plain, int off, int len) {
        int block = user.priv().isAes() ? 1 : 8;
        byte[] out = new byte[(len + block - 1) / block * block];
        System.arraycopy(plain, off, out, 0, len);
        PrivacyCipher.encryptInPlace(user, salt, 0, boots, time, out, 0, out.length);
        return out;
    }

    /** Decrypts into a new array. */
    static byte[] decrypt(UsmUser user, byte[] salt, int boots, int time, byte[] enc, int off, int len) {
        byte[] out = new byte[len];
        PrivacyCipher.decrypt(user, salt, 0, salt.length, boots, time, enc, off, len, out, 0);
        return out;
    }
}
