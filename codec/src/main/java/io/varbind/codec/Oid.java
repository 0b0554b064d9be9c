package io.varbind.codec;

import java.util.Arrays;

/**
 * An object identifier: immutable, at most {@link #MAX_ARCS} arcs, each an unsigned 32-bit value
 * held in an {@code int} (RFC 2578 section 3.5 limits both).
 */
public final class Oid implements Comparable<Oid> {
    /** RFC 2578 section 3.5: at most 128 sub-identifiers. */
    public static final int MAX_ARCS = 128;

    private static final Oid EMPTY = new Oid(new int[0]);

    private final int[] arcs;
    private int hash;
    /** The BER content octets, computed on first encode (safely published: final field). */
    private BerCache ber;

    private static final class BerCache {
        final byte[] content;

        BerCache(byte[] content) {
            this.content = content;
        }
    }

    private Oid(int[] arcs) {
        this.arcs = arcs;
    }

    /** Wraps a copy of {@code arcs} (each read as unsigned). */
    public static Oid of(int... arcs) {
        if (arcs.length > MAX_ARCS) {
            throw new IllegalArgumentException("OID has " + arcs.length + " arcs, more than " + MAX_ARCS);
        }
        return arcs.length == 0 ? EMPTY : new Oid(arcs.clone());
    }

    /** The first {@code len} arcs of {@code arcs}, copied. */
    public static Oid of(int[] arcs, int len) {
        if (len > MAX_ARCS) {
            throw new IllegalArgumentException("OID has " + len + " arcs, more than " + MAX_ARCS);
        }
        return len == 0 ? EMPTY : new Oid(Arrays.copyOf(arcs, len));
    }

    /** Takes ownership of {@code arcs} (package use: the decoder's fresh arrays). */
    static Oid wrap(int[] arcs) {
        return new Oid(arcs);
    }

    /**
     * Parses dotted decimal, with or without a leading dot ({@code 1.3.6.1}, {@code .1.3.6.1});
     * {@code ""} and {@code "."} are the empty OID.
     *
     * @throws IllegalArgumentException for anything else, or an arc above 4294967295
     */
    public static Oid parse(String text) {
        int n = text.length();
        int i = text.startsWith(".") ? 1 : 0;
        if (i >= n) {
            return EMPTY;
        }
        int[] tmp = new int[16];
        int count = 0;
        while (true) {
            long v = 0;
            int start = i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                v = v * 10 + (text.charAt(i) - '0');
                if (v > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("OID arc above 4294967295 in '" + text + "'");
                }
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("not a numeric OID: '" + text + "'");
            }
            if (count == MAX_ARCS) {
                throw new IllegalArgumentException("OID has more than " + MAX_ARCS + " arcs: '" + text + "'");
            }
            if (count == tmp.length) {
                tmp = Arrays.copyOf(tmp, tmp.length * 2);
            }
            tmp[count++] = (int) v;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || i == n - 1) {
                throw new IllegalArgumentException("not a numeric OID: '" + text + "'");
            }
            i++;
        }
        return new Oid(Arrays.copyOf(tmp, count));
    }

    /** The BER content octets of this OID (cached; callers must not modify them). */
    byte[] berContent() {
        BerCache c = ber;
        if (c == null) {
            c = new BerCache(BerWriter.oidContent(this));
            ber = c;
        }
        return c.content;
    }

    public int size() {
        return arcs.length;
    }

    /** Arc {@code i} as its unsigned value. */
    public long arc(int i) {
        return arcs[i] & 0xFFFFFFFFL;
    }

    /** Arc {@code i} as stored (two's complement of the unsigned value above 2^31-1). */
    public int rawArc(int i) {
        return arcs[i];
    }

    public int[] toArray() {
        return arcs.clone();
    }

    /** Copies the arcs into {@code dst} at {@code off}; returns the number copied. */
    public int copyTo(int[] dst, int off) {
        System.arraycopy(arcs, 0, dst, off, arcs.length);
        return arcs.length;
    }

    public boolean startsWith(Oid prefix) {
        if (prefix.arcs.length > arcs.length) {
            return false;
        }
        return Arrays.equals(arcs, 0, prefix.arcs.length, prefix.arcs, 0, prefix.arcs.length);
    }

    public Oid append(int... more) {
        if (arcs.length + more.length > MAX_ARCS) {
            throw new IllegalArgumentException("OID would have more than " + MAX_ARCS + " arcs");
        }
        int[] r = Arrays.copyOf(arcs, arcs.length + more.length);
        System.arraycopy(more, 0, r, arcs.length, more.length);
        return new Oid(r);
    }

    public Oid append(Oid more) {
        return append(more.arcs);
    }

    /** The first {@code n} arcs. */
    public Oid prefix(int n) {
        if (n < 0 || n > arcs.length) {
            throw new IllegalArgumentException("prefix of " + n + " arcs of a " + arcs.length + "-arc OID");
        }
        return n == arcs.length ? this : new Oid(Arrays.copyOf(arcs, n));
    }

    /** The arcs after {@code prefix}, which this OID must start with. */
    public Oid suffixAfter(Oid prefix) {
        if (!startsWith(prefix)) {
            throw new IllegalArgumentException(this + " does not start with " + prefix);
        }
        return new Oid(Arrays.copyOfRange(arcs, prefix.arcs.length, arcs.length));
    }

    /** Unsigned lexicographic order, the order of a MIB walk. */
    @Override
    public int compareTo(Oid o) {
        return compare(arcs, arcs.length, o.arcs, o.arcs.length);
    }

    /** Unsigned lexicographic comparison of two arc arrays' prefixes. */
    public static int compare(int[] a, int alen, int[] b, int blen) {
        int n = Math.min(alen, blen);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return Integer.compareUnsigned(a[i], b[i]);
            }
        }
        return Integer.compare(alen, blen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid other && Arrays.equals(arcs, other.arcs);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(arcs);
            hash = h;
        }
        return h;
    }

    /** Dotted decimal without a leading dot. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(arcs.length * 4);
        for (int i = 0; i < arcs.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(arcs[i] & 0xFFFFFFFFL);
        }
        return sb.toString();
    }
}
