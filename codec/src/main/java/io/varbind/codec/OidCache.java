package io.varbind.codec;

import java.util.Arrays;

/**
 * Recently decoded OIDs by their encoded content: decoding an OID whose octets were seen a little
 * before returns the same immutable {@link Oid}, found by a hash and a comparison of the octets,
 * without decoding its arcs again or allocating. For receivers of the same names over and over
 * (a notification receiver: every linkDown carries sysUpTime.0, snmpTrapOID.0 and the same
 * columns), where decoding the names was a third of the decode.
 *
 * <p>Bounded: {@value #SLOTS} entries of at most {@value #MAX_CACHED} content octets; longer OIDs
 * are decoded as usual. Two ways per slot, so two names that hash alike do not evict each other on
 * every message. Thread-safe without locks: a slot holds an immutable entry that is replaced
 * whole (its fields final, so a reader sees it complete); a race costs at most a decode.
 */
public final class OidCache {
    /** Number of entries kept. */
    public static final int SLOTS = 256;
    /** The longest OID content (in octets) kept: about 40 arcs, longer than any column instance a trap names. */
    public static final int MAX_CACHED = 48;

    private record Entry(byte[] content, Oid oid) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    /** The OID of the content octets {@code buf[off, off + len)}, as {@link SnmpMessageDecoder} decodes it. */
    public Oid decode(byte[] buf, int off, int len) {
        SnmpMessageDecoder.checkRange(buf, off, len);
        BerReader r = new BerReader(buf, off);
        return oidContent(r, len);
    }

    /** The OID at the reader's position ({@code len} content octets), the reader moved past it. */
    Oid oidContent(BerReader r, int len) {
        if (len > MAX_CACHED || len == 0) {
            return r.oidContent(len);
        }
        byte[] b = r.buf;
        int off = r.pos;
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = h * 31 + b[i];
        }
        int slot = (h * 0x9E3779B9) >>> 24; // SLOTS = 2^8
        for (int way = 0; way < 2; way++) {
            Entry e = slots[slot ^ way];
            if (e != null && Arrays.equals(e.content, 0, e.content.length, b, off, off + len)) {
                r.pos = off + len;
                return e.oid; // the same octets were validated when the entry was made
            }
        }
        Oid oid = r.oidContent(len); // validates; throws for a malformed one, which is never kept
        Entry fresh = new Entry(Arrays.copyOfRange(b, off, off + len), oid);
        slots[slots[slot] == null ? slot : slot ^ 1] = fresh;
        return oid;
    }
}
