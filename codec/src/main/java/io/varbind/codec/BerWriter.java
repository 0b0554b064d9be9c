package io.varbind.codec;

/**
 * Writes BER backwards, from the end of the caller's buffer towards its start: every length is
 * known when its header is written, so a message is encoded in one pass with no intermediate
 * arrays, then moved once to where the caller wants it.
 */
final class BerWriter {
    private final byte[] buf;
    private final int min;
    int pos;

    BerWriter(byte[] buf, int min, int end) {
        if (min < 0 || end > buf.length || min > end) {
            throw new BerEncodeException("bad output range " + min + ".." + end + " of " + buf.length);
        }
        this.buf = buf;
        this.min = min;
        this.pos = end;
    }

    private BerEncodeException overflow() {
        return new BerEncodeException("output buffer too small (" + (buf.length - min) + " octets available)");
    }

    void put(int b) {
        if (pos <= min) {
            throw overflow();
        }
        buf[--pos] = (byte) b;
    }

    void putBytes(byte[] src, int off, int len) {
        if (pos - len < min) {
            throw overflow();
        }
        pos -= len;
        System.arraycopy(src, off, buf, pos, len);
    }

    void putZeros(int len) {
        if (pos - len < min) {
            throw overflow();
        }
        for (int i = 0; i < len; i++) {
            buf[--pos] = 0;
        }
    }

    /** Definite length, short form below 128, else the shortest long form (X.690 8.1.3). */
    void length(int len) {
        if (len < 0x80) {
            put(len);
            return;
        }
        int n = 0;
        while (len != 0) {
            put(len);
            len >>>= 8;
            n++;
        }
        put(0x80 | n);
    }

    /** Tag and length of content already written from {@code contentEnd} back to {@link #pos}. */
    void header(int tag, int contentEnd) {
        length(contentEnd - pos);
        put(tag);
    }

    void signed(int tag, long v) {
        int end = pos;
        while (true) {
            put((int) v);
            long rest = v >> 8;
            boolean top = (v & 0x80) != 0;
            if ((rest == 0 && !top) || (rest == -1 && top)) {
                break;
            }
            v = rest;
        }
        header(tag, end);
    }

    /** {@code v} read as an unsigned 64-bit value, with a leading zero octet when needed. */
    void unsigned(int tag, long v) {
        int end = pos;
        do {
            put((int) v);
            v >>>= 8;
        } while (v != 0);
        if ((buf[pos] & 0x80) != 0) {
            put(0);
        }
        header(tag, end);
    }

    void octets(int tag, byte[] data, int off, int len) {
        int end = pos;
        putBytes(data, off, len);
        header(tag, end);
    }

    /** X.690 8.19: the first two arcs packed as 40*X+Y, each sub-identifier base 128. */
    void oid(int tag, Oid oid) {
        int end = pos;
        int n = oid.size();
        for (int i = n - 1; i >= 2; i--) {
            subIdentifier(oid.arc(i));
        }
        if (n == 0) {
            // the empty OID: a zero-length value, as Net-SNMP accepts
            header(tag, end);
            return;
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
        subIdentifier(packed);
        header(tag, end);
    }

    private void subIdentifier(long v) {
        put((int) (v & 0x7F));
        v >>>= 7;
        while (v != 0) {
            put((int) (0x80 | (v & 0x7F)));
            v >>>= 7;
        }
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
