package io.varbind.mib;

import java.util.Arrays;
import java.util.List;

/** The numeric tree: one entry per arc with sorted child arrays (binary search, no boxing). */
final class OidTrie {
    static final class Entry {
        final int arc;
        final Entry parent;
        final int depth;
        /** Creation order: Net-SNMP lists the newest child first. */
        final int seq;
        MibNode node;
        int[] arcs = EMPTY;
        Entry[] kids = NONE;
        int n;

        Entry(int arc, Entry parent, int seq) {
            this.counter = parent == null ? new int[1] : parent.counter;
            this.arc = arc;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.seq = seq;
        }

        Entry child(int a) {
            int i = find(a);
            return i >= 0 ? kids[i] : null;
        }

        int find(int a) {
            int lo = 0, hi = n - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Integer.compareUnsigned(arcs[mid], a);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        private final int[] counter;

        Entry childOrCreate(int a) {
            int i = find(a);
            if (i >= 0) {
                return kids[i];
            }
            int at = -(i + 1);
            if (n == arcs.length) {
                int cap = Math.max(4, n * 2);
                arcs = Arrays.copyOf(arcs, cap);
                kids = Arrays.copyOf(kids, cap);
            }
            System.arraycopy(arcs, at, arcs, at + 1, n - at);
            System.arraycopy(kids, at, kids, at + 1, n - at);
            Entry e = new Entry(a, this, ++counter[0]);
            arcs[at] = a;
            kids[at] = e;
            n++;
            return e;
        }

        void collectChildren(List<MibNode> out) {
            for (int i = 0; i < n; i++) {
                Entry k = kids[i];
                if (k.node != null) {
                    out.add(k.node);
                } else {
                    k.collectChildren(out);
                }
            }
        }

        /** The arcs from the root to this entry. */
        int[] path() {
            int[] p = new int[depth];
            Entry e = this;
            for (int i = depth - 1; i >= 0; i--) {
                p[i] = e.arc;
                e = e.parent;
            }
            return p;
        }
    }

    private static final int[] EMPTY = new int[0];
    private static final Entry[] NONE = new Entry[0];

    final Entry root = new Entry(-1, null, 0);

    private Entry last;
    private int[] lastOid;

    /** Places the node; the first node placed at an OID stays the one that names it. */
    Entry insert(MibNode node) {
        int[] oid = node.oid;
        Entry e = root;
        int from = 0;
        // nodes arrive mostly in tree order: start from the deepest entry shared with the previous one
        if (last != null) {
            int common = 0;
            int max = Math.min(oid.length, lastOid.length);
            while (common < max && oid[common] == lastOid[common]) {
                common++;
            }
            e = last;
            for (int up = lastOid.length; up > common; up--) {
                e = e.parent;
            }
            from = common;
        }
        for (int i = from; i < oid.length; i++) {
            e = e.childOrCreate(oid[i]);
        }
        last = e;
        lastOid = oid;
        if (e.node == null) {
            e.node = node;
        }
        node.entry = e;
        return e;
    }

    /** The deepest entry along oid[0..len) that carries a node, or null. */
    Entry longestMatch(int[] oid, int len) {
        Entry e = root;
        Entry best = null;
        for (int i = 0; i < len; i++) {
            e = e.child(oid[i]);
            if (e == null) {
                break;
            }
            if (e.node != null) {
                best = e;
            }
        }
        return best;
    }
}
