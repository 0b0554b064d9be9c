package io.varbind.usm;

import io.varbind.codec.BerDecodeException;
import io.varbind.codec.V3Envelope;
import java.io.ByteArrayOutputStream;

/**
 * Builds SNMPv3 USM messages around any plaintext, as an agent (or a forger) would: the data
 * encrypted with a user's privacy key and the whole signed with its authentication key, so tests
 * reach past the digest into decryption and the ScopedPDU reader with inputs the encoder would
 * never write.
 */
final class V3Wire {
    private V3Wire() {
    }

    /**
     * A message from {@code engineId} (boots, time) for {@code name}, its data {@code plain}
     * encrypted under {@code salt} when {@code encrypt} (DES padded to its block), with an
     * all-zero digest field of {@code macLength} octets: {@link #sign} fills it.
     */
    static byte[] message(UsmUser user, int flags, byte[] engineId, int boots, int time, byte[] name, int macLength,
            byte[] salt, boolean encrypt, byte[] plain) {
        byte[] data = encrypt ? tlv(0x04, encrypt(user, salt, boots, time, plain)) : plain;
        return message(flags, engineId, boots, time, name, macLength, salt, data);
    }

    /** {@code plain} encrypted with {@code user}'s privacy key (DES padded to its block). */
    static byte[] encrypt(UsmUser user, byte[] salt, int boots, int time, byte[] plain) {
        byte[] data = user.priv().isAes() ? plain.clone() : java.util.Arrays.copyOf(plain, (plain.length + 7) / 8 * 8);
        PrivacyCipher.encryptInPlace(user, salt, 0, boots, time, data, 0, data.length);
        return data;
    }

    /** A message whose msgData is {@code data} as given (a ScopedPDU or an encryptedPDU's whole TLV). */
    static byte[] message(int flags, byte[] engineId, int boots, int time, byte[] name, int macLength, byte[] salt,
            byte[] data) {
        byte[] usm = tlv(0x30, tlv(0x04, engineId), integer(boots), integer(time), tlv(0x04, name),
                tlv(0x04, new byte[macLength]), tlv(0x04, salt));
        return tlv(0x30, integer(3), tlv(0x30, integer(77), integer(65507), tlv(0x04, new byte[] {(byte) flags}),
                integer(3)), tlv(0x04, usm), data);
    }

    /**
     * Signs {@code msg} with {@code user}'s key where {@code e} finds its digest field; false (and
     * nothing signed) when the message does not parse that far.
     */
    static boolean sign(UsmUser user, byte[] msg, V3Envelope e) {
        try {
            e.parse(msg, 0, msg.length);
        } catch (BerDecodeException x) {
            return false;
        }
        UsmUser.Crypto c = user.crypto();
        c.hmac(msg, 0, msg.length);
        System.arraycopy(c.digest, 0, msg, e.authParametersOffset(), user.auth().macLength());
        return true;
    }

    static byte[] integer(int v) {
        return tlv(0x02, java.math.BigInteger.valueOf(v).toByteArray());
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
