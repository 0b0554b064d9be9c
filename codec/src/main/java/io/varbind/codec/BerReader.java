package io.varbind.codec;

/**
 * A bounds-checked forward reader over a byte array. Every read checks against the limit the
 * caller gives (the end of the enclosing element), so no length field can lead past the input or
 * make anything allocate more than the input holds. Errors carry absolute offsets.
 */
final class BerReader {
    byte[] buf;
    int pos;

    BerReader(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    void reset(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    int tag(int limit) {
        int p = pos;
        if (p >= limit) {
            throw new BerDecodeException("truncated: expected a tag", p);
        }
        int t = buf[p] & 0xFF;
        if ((t & 0x1F) == 0x1F) {
            throw multiOctetTag(t, p);
        }
        pos = p + 1;
        return t;
    }

    private static BerDecodeException multiOctetTag(int t, int at) {
        return new BerDecodeException(String.format("multi-octet tag 0x%02X not used by SNMP", t), at);
    }

    /** A definite length whose content fits before {@code limit}; the position moves past it. */
    int length(int limit) {
        int p = pos;
        if (p >= limit) {
            throw new BerDecodeException("truncated: expected a length", p);
        }
        int b = buf[p];
        if (b >= 0) {
            pos = p + 1;
            if (b > limit - pos) {
                throw pastEnd(b, limit - pos, p);
            }
            return b;
        }
        return longLength(limit);
    }

    private int longLength(int limit) {
        int at = pos;
        int b = buf[pos++] & 0xFF;
        if (b == 0x80) {
            throw new BerDecodeException("indefinite length not allowed in SNMP", at);
        }
        int n = b & 0x7F;
        if (n > limit - pos) {
            throw new BerDecodeException("truncated: length field of " + n + " octets", at);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
            if (v > Integer.MAX_VALUE) {
                throw new BerDecodeException("length too large", at);
            }
        }
        int len = (int) v;
        if (len > limit - pos) {
            throw pastEnd(len, limit - pos, at);
        }
        return len;
    }

    private static BerDecodeException pastEnd(int len, int left, int at) {
        return new BerDecodeException("length " + len + " runs past the end (" + left + " octets left)", at);
    }

    /** Reads a tag that must be {@code tag} and its length; returns the content length. */
    int expect(int tag, int limit, String what) {
        int p = pos;
        if (p < limit && (buf[p] & 0xFF) == tag) {
            pos = p + 1;
            return length(limit);
        }
        throw unexpected(tag, limit, what);
    }

    private BerDecodeException unexpected(int tag, int limit, String what) {
        int at = pos;
        int t = tag(limit); // throws for a truncated or multi-octet tag
        return new BerDecodeException("expected " + what + " (" + BerTags.name(tag) + "), found " + BerTags.name(t), at);
    }

    /**
     * Decodes and validates the OID content at {@code off} ({@code len} octets) into {@code dst}
     * in one pass; returns the number of arcs. {@code dst} must hold {@link Oid#MAX_ARCS}.
     */
    int oidDecode(int off, int len, int[] dst) {
        int end = off + len;
        if (len == 0) {
            return 0;
        }
        byte[] b = buf;
        int n = 0;
        int p = off;
        boolean first = true;
        while (p < end) {
            int groupStart = p;
            int x = b[p++];
            long v = x & 0x7F;
            while (x < 0) {
                if (p >= end) {
                    throw new BerDecodeException("truncated OID sub-identifier", groupStart);
                }
                x = b[p++];
                v = (v << 7) | (x & 0x7F);
                if (v > 0xFFFFFFFFL) {
                    throw new BerDecodeException("OID sub-identifier above 4294967295", groupStart);
                }
            }
            if (first) {
                first = false;
                if (v < 80) {
                    dst[0] = v < 40 ? 0 : 1;
                    dst[1] = (int) (v < 40 ? v : v - 40);
                } else {
                    dst[0] = 2;
                    dst[1] = (int) (v - 80);
                }
                n = 2;
            } else {
                if (n == Oid.MAX_ARCS) {
                    throw new BerDecodeException("OID has more than " + Oid.MAX_ARCS + " arcs", off);
                }
                dst[n++] = (int) v;
            }
        }
        return n;
    }

    /** A signed integer of at most 64 bits (leading sign octets beyond 8 are accepted). */
    long signedContent(int len, String what) {
        int at = pos;
        if (len == 0) {
            return 0; // Net-SNMP reads an empty INTEGER as 0; some agents send it
        }
        byte first = buf[pos];
        long v = first < 0 ? -1L : 0L;
        for (int i = 0; i < len; i++) {
            byte b = buf[pos + i];
            if (i < len - 8 && b != (first < 0 ? (byte) 0xFF : 0)) {
                throw new BerDecodeException(what + " too wide (" + len + " octets)", at);
            }
            v = (v << 8) | (b & 0xFF);
        }
        if (len > 8 && (v < 0) != (first < 0)) {
            throw new BerDecodeException(what + " too wide (" + len + " octets)", at);
        }
        pos += len;
        return v;
    }

    int int32(int limit, String what) {
        int p = pos;
        // fast path: a short INTEGER of one to three octets, the usual request-id, status, index
        if (p + 2 < limit && buf[p] == BerTags.INTEGER) {
            int len = buf[p + 1];
            if (len >= 1 && len <= 3 && p + 2 + len <= limit) {
                int v = buf[p + 2];
                for (int i = 1; i < len; i++) {
                    v = (v << 8) | (buf[p + 2 + i] & 0xFF);
                }
                pos = p + 2 + len;
                return v;
            }
        }
        int at = pos;
        int len = expect(BerTags.INTEGER, limit, what);
        long v = signedContent(len, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BerDecodeException(what + " out of 32-bit range: " + v, at);
        }
        return (int) v;
    }

    /** Counter32, Gauge32, TimeTicks, UInteger32: 0..2^32-1; a negative encoding of at most 32 bits is read as Net-SNMP reads it (modulo 2^32). */
    long unsigned32Content(int len, int tag) {
        int at = pos;
        long v = signedContent(len, BerTags.name(tag));
        if (v < 0 && v >= Integer.MIN_VALUE) {
            return v & 0xFFFFFFFFL;
        }
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new BerDecodeException(BerTags.name(tag) + " value too wide for 32 bits", at);
        }
        return v;
    }

    /** Counter64 (and opaque U64): up to 8 value octets after any leading zeros; returns the raw bits. */
    long unsigned64Content(int len, int tag) {
        int at = pos;
        int end = pos + len;
        while (end - pos > 8 && buf[pos] == 0) {
            pos++;
        }
        if (end - pos > 8) {
            throw new BerDecodeException(BerTags.name(tag) + " too wide (" + len + " octets)", at);
        }
        if (end == pos) {
            return 0;
        }
        long v = buf[pos] < 0 ? -1L : 0L;
        while (pos < end) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    /** Counts the arcs of an OID content without allocating; validates it fully. */
    int oidArcCount(int len) {
        if (len == 0) {
            return 0;
        }
        int end = pos + len;
        int subIds = 0;
        int groupLen = 0;
        int groupStart = pos;
        long v = 0;
        for (int p = pos; p < end; p++) {
            int b = buf[p] & 0xFF;
            if (groupLen == 0) {
                groupStart = p;
            }
            v = (v << 7) | (b & 0x7F);
            groupLen++;
            if (v > 0xFFFFFFFFL) {
                throw new BerDecodeException("OID sub-identifier above 4294967295", groupStart);
            }
            if ((b & 0x80) == 0) {
                subIds++;
                groupLen = 0;
                v = 0;
            }
        }
        if (groupLen != 0) {
            throw new BerDecodeException("truncated OID sub-identifier", groupStart);
        }
        int arcs = subIds + 1;
        if (arcs > Oid.MAX_ARCS) {
            throw new BerDecodeException("OID has " + arcs + " arcs, more than " + Oid.MAX_ARCS, pos);
        }
        return arcs;
    }

    /** Decodes validated OID content ({@link #oidArcCount} first) into {@code dst}. */
    void oidArcs(int len, int[] dst) {
        int end = pos + len;
        int n = 0;
        long v = 0;
        boolean first = true;
        while (pos < end) {
            int b = buf[pos++] & 0xFF;
            v = (v << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    if (v < 40) {
                        dst[n++] = 0;
                        dst[n++] = (int) v;
                    } else if (v < 80) {
                        dst[n++] = 1;
                        dst[n++] = (int) (v - 40);
                    } else {
                        dst[n++] = 2;
                        dst[n++] = (int) (v - 80);
                    }
                    first = false;
                } else {
                    dst[n++] = (int) v;
                }
                v = 0;
            }
        }
    }

    Oid oid(int limit, String what) {
        int len = expect(BerTags.OBJECT_IDENTIFIER, limit, what);
        return oidContent(len);
    }

    Oid oidContent(int len) {
        int n = oidArcCount(len);
        if (n == 0) {
            return Oid.of();
        }
        int[] arcs = new int[n];
        oidArcs(len, arcs);
        return Oid.wrap(arcs);
    }

    private static final byte[] NO_OCTETS = new byte[0];

    /** A copy of an OCTET STRING's content (an empty one shared: a zero-length array cannot change). */
    byte[] octets(int limit, String what) {
        int len = expect(BerTags.OCTET_STRING, limit, what);
        if (len == 0) {
            return NO_OCTETS;
        }
        byte[] r = new byte[len];
        System.arraycopy(buf, pos, r, 0, len);
        pos += len;
        return r;
    }
}
