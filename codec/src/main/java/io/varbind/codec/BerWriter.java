package io.varbind.codec;

/**
 * Writes BER backwards, from the end of the caller's buffer towards its start: every length is
 * known when its header is written, so a message is encoded in one pass with no intermediate
 * arrays, then moved once to where the caller wants it. Static functions over
 * {@code (buffer, position, lower bound)} returning the new position, so the hot path allocates
 * nothing; nothing is written below the lower bound.
 */
final class BerWriter {
    private BerWriter() {
    }

    static BerEncodeException overflow(byte[] buf, int min) {
        return new BerEncodeException("output buffer too small (" + (buf.length - min) + " octets available)");
    }

    static int put(byte[] b, int pos, int min, int v) {
        if (pos <= min) {
            throw overflow(b, min);
        }
        b[--pos] = (byte) v;
        return pos;
    }

    static int putBytes(byte[] b, int pos, int min, byte[] src, int off, int len) {
        if (pos - len < min) {
            throw overflow(b, min);
        }
        pos -= len;
        System.arraycopy(src, off, b, pos, len);
        return pos;
    }

    /** Definite length, short form below 128, else the shortest long form (X.690 8.1.3). */
    static int length(byte[] b, int pos, int min, int len) {
        if (len < 0x80) {
            return put(b, pos, min, len);
        }
        int n = 0;
        while (len != 0) {
            pos = put(b, pos, min, len);
            len >>>= 8;
            n++;
        }
        return put(b, pos, min, 0x80 | n);
    }

    /** Tag and length of the content already written from {@code contentEnd} back to {@code pos}. */
    static int header(byte[] b, int pos, int min, int tag, int contentEnd) {
        int len = contentEnd - pos;
        if (len < 0x80 && pos - 2 >= min) {
            b[pos - 1] = (byte) len;
            b[pos - 2] = (byte) tag;
            return pos - 2;
        }
        pos = length(b, pos, min, len);
        return put(b, pos, min, tag);
    }

    static int signed(byte[] b, int pos, int min, int tag, long v) {
        int end = pos;
        if (v >= -128 && v <= 127 && pos - 3 >= min) {
            b[pos - 1] = (byte) v;
            b[pos - 2] = 1;
            b[pos - 3] = (byte) tag;
            return pos - 3;
        }
        while (true) {
            pos = put(b, pos, min, (int) v);
            long rest = v >> 8;
            boolean top = (v & 0x80) != 0;
            if ((rest == 0 && !top) || (rest == -1 && top)) {
                break;
            }
            v = rest;
        }
        return header(b, pos, min, tag, end);
    }

    /** {@code v} read as an unsigned 64-bit value, with a leading zero octet when needed. */
    static int unsigned(byte[] b, int pos, int min, int tag, long v) {
        int end = pos;
        do {
            pos = put(b, pos, min, (int) v);
            v >>>= 8;
        } while (v != 0);
        if ((b[pos] & 0x80) != 0) {
            pos = put(b, pos, min, 0);
        }
        return header(b, pos, min, tag, end);
    }

    static int octets(byte[] b, int pos, int min, int tag, byte[] data, int off, int len) {
        int end = pos;
        pos = putBytes(b, pos, min, data, off, len);
        return header(b, pos, min, tag, end);
    }

    static int oid(byte[] b, int pos, int min, int tag, Oid oid) {
        byte[] content = oid.berContent();
        int end = pos;
        pos = putBytes(b, pos, min, content, 0, content.length);
        return header(b, pos, min, tag, end);
    }

    /** X.690 8.19: the content octets of an OID, the first two arcs packed as 40*X+Y, base 128. */
    static byte[] oidContent(Oid oid) {
        int n = oid.size();
        if (n == 0) {
            return new byte[0]; // the empty OID: zero-length content, as Net-SNMP accepts
        }
        long first = oid.arc(0);
        long second = n > 1 ? oid.arc(1) : 0;
        if (first > 2 || (first < 2 && second >= 40)) {
            throw new BerEncodeException("OID " + oid + " cannot be encoded: first arc 0..2, second below 40 under 0 and 1");
        }
        long packed = first * 40 + second;
        if (packed > 0xFFFFFFFFL) {
            throw new BerEncodeException("OID " + oid + ": second arc too large under 2");
        }
        int len = subIdLength(packed);
        for (int i = 2; i < n; i++) {
            len += subIdLength(oid.arc(i));
        }
        byte[] out = new byte[len];
        int p = writeSubId(out, 0, packed);
        for (int i = 2; i < n; i++) {
            p = writeSubId(out, p, oid.arc(i));
        }
        return out;
    }

    private static int subIdLength(long v) {
        int n = 1;
        while (v > 0x7F) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static int writeSubId(byte[] out, int p, long v) {
        int n = subIdLength(v);
        for (int i = n - 1; i >= 0; i--) {
            int group = (int) ((v >>> (7 * i)) & 0x7F);
            out[p++] = (byte) (i == 0 ? group : 0x80 | group);
        }
        return p;
    }

    static int signedLength(long v) {
        int n = 1;
        while (v > 127 || v < -128) {
            v >>= 8;
            n++;
        }
        return n;
    }

    static int unsignedLength(long v) {
        int n = 1;
        while (Long.compareUnsigned(v, 0x7F) > 0) {
            v >>>= 8;
            n++;
        }
        return n;
    }
}
