package io.varbind.codec.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * Random damage to an encoded message, shared by the decoders' fuzz and property tests in this
 * module and in {@code usm} (through this module's test-jar): bit flips, random octets,
 * truncation, long-form and indefinite length octets, inserted zeros, 0xFF octets, deletions.
 */
public final class BerMutations {
    private BerMutations() {
    }

    /** One to four random mutations of a copy of {@code base}. */
    public static byte[] mutate(byte[] base, Random rnd) {
        byte[] b = base.clone();
        int mutations = 1 + rnd.nextInt(4);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(7)) {
                case 0:
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    break;
                case 1:
                    b[at] = (byte) rnd.nextInt(256);
                    break;
                case 2:
                    b = Arrays.copyOf(b, at); // truncate
                    break;
                case 3:
                    b[at] = (byte) (0x80 | rnd.nextInt(8)); // a long-form or indefinite length
                    break;
                case 4: {
                    byte[] r = new byte[b.length + 1 + rnd.nextInt(8)];
                    System.arraycopy(b, 0, r, 0, at);
                    System.arraycopy(b, at, r, r.length - (b.length - at), b.length - at);
                    b = r; // insert zeros
                    break;
                }
                case 5:
                    b[at] = (byte) 0xFF;
                    break;
                default: {
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(8));
                    byte[] r = new byte[b.length - len];
                    System.arraycopy(b, 0, r, 0, at);
                    System.arraycopy(b, at + len, r, at, b.length - at - len);
                    b = r; // delete
                    break;
                }
            }
        }
        return b;
    }
}
