package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The privacy transforms against the JDK's own ciphers: whatever the length (whole blocks or
 * not) and protocol, decrypt(encrypt(x)) is x, and AES decryption (done as one ECB pass over the
 * ciphertext) equals the JDK's AES/CFB/NoPadding decryption of the same bytes.
 */
class PrivacyCipherPropertyTest {
    private static final byte[] ENGINE = {(byte) 0x80, 0, 0x1f, (byte) 0x88, 4, 't', 'e', 's', 't'};

    @Property(tries = 300)
    void aesDecryptionIsTheJdksCfb(@ForAll @Size(max = 3000) byte[] plain, @ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll byte[] saltSeed, @ForAll int boots, @ForAll int time) throws Exception {
        PrivProtocol p = new PrivProtocol[] {PrivProtocol.AES128, PrivProtocol.AES192, PrivProtocol.AES256C}[kind];
        UsmUser u = UsmUser.localized("u", AuthProtocol.SHA256, "authpassword", p, "privpassword", ENGINE);
        byte[] salt = Arrays.copyOf(saltSeed, 8);
        byte[] enc = Ciphers.encrypt(u, salt, boots, time, plain, 0, plain.length);
        // at an offset inside a larger buffer, as in a received message
        byte[] wire = new byte[enc.length + 7];
        System.arraycopy(enc, 0, wire, 5, enc.length);
        assertArrayEquals(plain, Ciphers.decrypt(u, salt, boots, time, wire, 5, enc.length));

        byte[] iv = new byte[16];
        for (int i = 0; i < 4; i++) {
            iv[i] = (byte) (boots >>> (24 - 8 * i));
            iv[4 + i] = (byte) (time >>> (24 - 8 * i));
        }
        System.arraycopy(salt, 0, iv, 8, 8);
        Cipher jdk = Cipher.getInstance("AES/CFB/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(u.privKey(), 0, p.keyLength(), "AES"), new IvParameterSpec(iv));
        assertArrayEquals(jdk.doFinal(enc), plain);
    }

    @Property(tries = 100)
    void cbcRoundTripsWithZeroPadding(@ForAll @Size(max = 600) byte[] plain, @ForAll boolean triple,
            @ForAll byte[] saltSeed) {
        PrivProtocol p = triple ? PrivProtocol.TRIPLE_DES : PrivProtocol.DES;
        UsmUser u = UsmUser.localized("u", AuthProtocol.MD5, "authpassword", p, "privpassword", ENGINE);
        byte[] salt = Arrays.copyOf(saltSeed, 8);
        byte[] enc = Ciphers.encrypt(u, salt, 1, 2, plain, 0, plain.length);
        byte[] back = Ciphers.decrypt(u, salt, 1, 2, enc, 0, enc.length);
        assertArrayEquals(plain, Arrays.copyOf(back, plain.length));
    }
}
