package io.varbind.mib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of compiled modules: facts only (names, OIDs, syntax facts, access,
 * status, units, DEFVAL, INDEX), never DESCRIPTION text. Layout: magic "VBM1", a string table,
 * a table of shared syntax facts, then each module with its types and nodes. Integers are LEB128
 * varints (signed ones zig-zag); a node OID is stored as the length shared with the previous node
 * plus the remaining arcs.
 */
final class CompiledTreeFormat {
    private static final int MAGIC = 0x56424d31; // "VBM1"

    private CompiledTreeFormat() { }

    // ----------------------------------------------------------------------------------- writing

    static byte[] write(Collection<MibModule> modules) {
        return write(modules, false);
    }

    /** As {@link #write(Collection)}, keeping each module's file name when {@code withFiles} (a cached tree). */
    static byte[] write(Collection<MibModule> modules, boolean withFiles) {
        Map<String, Integer> strings = new LinkedHashMap<>();
        IdentityHashMap<TypeFacts, Integer> facts = new IdentityHashMap<>();
        List<TypeFacts> factList = new ArrayList<>();
        Out body = new Out();
        body.uv(modules.size());
        for (MibModule m : modules) {
            body.uv(str(strings, m.name()));
            body.uv(str(strings, withFiles ? m.file() : null));
            body.uv(m.imports.size());
            for (String s : m.imports) {
                body.uv(str(strings, s));
            }
            body.uv(m.types.size());
            for (MibType t : m.types.values()) {
                body.uv(str(strings, t.name()));
                body.uv(t.mibKind().ordinal());
                body.uv(str(strings, t.tc()));
                body.uv(str(strings, t.status()));
                body.uv(fact(facts, factList, t.facts));
            }
            body.uv(m.nodes.size());
            int[] prev = new int[0];
            for (MibNode n : m.nodes) {
                body.uv(str(strings, n.name()));
                body.uv(n.mibKind().ordinal());
                body.uv(str(strings, n.nodeType()));
                int common = 0;
                while (common < prev.length && common < n.oid.length && prev[common] == n.oid[common]) {
                    common++;
                }
                body.uv(common);
                body.uv(n.oid.length - common);
                for (int i = common; i < n.oid.length; i++) {
                    body.uv(n.oid[i] & 0xffffffffL);
                }
                prev = n.oid;
                body.uv(str(strings, n.tc()));
                body.uv(fact(facts, factList, n.facts));
                body.uv(str(strings, n.access()));
                body.uv(str(strings, n.status()));
                body.uv(str(strings, n.units()));
                body.uv(str(strings, n.defval()));
                body.uv(n.index().size());
                for (String s : n.index()) {
                    body.uv(str(strings, s));
                }
                body.uv(n.implied() ? 1 : 0);
                body.uv(str(strings, n.augments()));
                body.uv(n.objects().size());
                for (String s : n.objects()) {
                    body.uv(str(strings, s));
                }
            }
        }
        Out f = new Out();
        f.uv(factList.size());
        for (TypeFacts t : factList) {
            f.uv(str(strings, t.base));
            f.uv(str(strings, t.hint));
            int ne = t.enumLabels == null ? 0 : t.enumLabels.length;
            f.uv(ne);
            for (int i = 0; i < ne; i++) {
                f.uv(str(strings, t.enumLabels[i]));
                f.sv(t.enumValues[i]);
            }
            int nb = t.bitLabels == null ? 0 : t.bitLabels.length;
            f.uv(nb);
            for (int i = 0; i < nb; i++) {
                f.uv(str(strings, t.bitLabels[i]));
                f.uv(t.bitValues[i] & 0xffffffffL);
            }
            ranges(f, t.ranges);
            ranges(f, t.sizes);
        }
        Out head = new Out();
        head.u32(MAGIC);
        head.uv(strings.size());
        for (String s : strings.keySet()) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head.uv(b.length);
            head.bytes(b);
        }
        head.bytes(f.toByteArray());
        head.bytes(body.toByteArray());
        return head.toByteArray();
    }

    private static void ranges(Out o, List<long[]> r) {
        int n = r == null ? 0 : r.size();
        o.uv(n);
        for (int i = 0; i < n; i++) {
            o.sv(r.get(i)[0]);
            o.sv(r.get(i)[1]);
        }
    }

    private static int str(Map<String, Integer> table, String s) {
        if (s == null) {
            return 0;
        }
        Integer i = table.get(s);
        if (i == null) {
            i = table.size() + 1;
            table.put(s, i);
        }
        return i;
    }

    private static int fact(IdentityHashMap<TypeFacts, Integer> facts, List<TypeFacts> list, TypeFacts t) {
        Integer i = facts.get(t);
        if (i == null) {
            i = list.size();
            list.add(t);
            facts.put(t, i);
        }
        return i;
    }

    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(1 << 16);
        }

        void uv(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void sv(long v) {
            uv((v << 1) ^ (v >> 63));
        }

        void u32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }
    }

    // ----------------------------------------------------------------------------------- reading

    /** Decodes modules; IllegalArgumentException naming the offset when the bytes are not this format. */
    static LinkedHashMap<String, MibModule> read(byte[] b) {
        In in = new In(b);
        try {
            if (in.u32() != MAGIC) {
                throw new IllegalArgumentException("not a compiled MIB tree (bad magic)");
            }
            int ns = in.count();
            String[] strs = new String[ns + 1];
            for (int i = 1; i <= ns; i++) {
                int len = in.count();
                strs[i] = in.string(len);
            }
            int nf = in.count();
            TypeFacts[] facts = new TypeFacts[nf];
            for (int i = 0; i < nf; i++) {
                String base = strs[in.ref(ns)];
                String hint = strs[in.ref(ns)];
                int ne = in.count();
                String[] el = ne == 0 ? null : new String[ne];
                long[] ev = ne == 0 ? null : new long[ne];
                for (int k = 0; k < ne; k++) {
                    el[k] = strs[in.ref(ns)];
                    ev[k] = in.sv();
                }
                int nb = in.count();
                String[] bl = nb == 0 ? null : new String[nb];
                int[] bv = nb == 0 ? null : new int[nb];
                for (int k = 0; k < nb; k++) {
                    bl[k] = strs[in.ref(ns)];
                    bv[k] = (int) in.uv();
                }
                facts[i] = new TypeFacts(base, hint, el, ev, bl, bv, in.ranges(), in.ranges());
            }
            int nm = in.count();
            LinkedHashMap<String, MibModule> out = new LinkedHashMap<>();
            Map<String, List<String>> interned = new HashMap<>();
            for (int m = 0; m < nm; m++) {
                String name = strs[in.ref(ns)];
                String file = strs[in.ref(ns)];
                MibModule mod = new MibModule(name, file);
                int ni = in.count();
                for (int k = 0; k < ni; k++) {
                    mod.imports.add(strs[in.ref(ns)]);
                }
                int nt = in.count();
                for (int k = 0; k < nt; k++) {
                    String tn = strs[in.ref(ns)];
                    MibKind kind = kind(in.count());
                    String tc = strs[in.ref(ns)];
                    String status = strs[in.ref(ns)];
                    int fi = in.count();
                    if (fi >= nf) {
                        throw new IllegalArgumentException("bad facts reference at offset " + in.pos);
                    }
                    mod.types.put(tn, new MibType(name, tn, kind, tc, status, facts[fi]));
                }
                int nn = in.count();
                int[] prev = new int[0];
                for (int k = 0; k < nn; k++) {
                    String nName = strs[in.ref(ns)];
                    MibKind kind = kind(in.count());
                    String nodeType = strs[in.ref(ns)];
                    int common = in.count();
                    int rest = in.count();
                    if (common > prev.length) {
                        throw new IllegalArgumentException("bad OID prefix at offset " + in.pos);
                    }
                    int[] oid = new int[common + rest];
                    System.arraycopy(prev, 0, oid, 0, common);
                    for (int i = common; i < oid.length; i++) {
                        oid[i] = (int) in.uv();
                    }
                    prev = oid;
                    String tc = strs[in.ref(ns)];
                    int fi = in.count();
                    if (fi >= nf) {
                        throw new IllegalArgumentException("bad facts reference at offset " + in.pos);
                    }
                    String access = strs[in.ref(ns)];
                    String status = strs[in.ref(ns)];
                    String units = strs[in.ref(ns)];
                    String defval = strs[in.ref(ns)];
                    List<String> index = in.names(strs, ns, interned);
                    boolean implied = in.count() != 0;
                    String augments = strs[in.ref(ns)];
                    List<String> objects = in.names(strs, ns, interned);
                    mod.add(new MibNode(name, nName, oid, kind, nodeType, tc, facts[fi], access, status, units, defval,
                            index, implied, augments, objects));
                }
                out.put(name, mod);
            }
            return out;
        } catch (ArrayIndexOutOfBoundsException | NullPointerException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("compiled MIB tree truncated at offset " + in.pos);
        }
    }

    private static final MibKind[] KINDS = MibKind.values();

    private static MibKind kind(int i) {
        if (i >= KINDS.length) {
            throw new IllegalArgumentException("bad kind " + i);
        }
        return KINDS[i];
    }

    private static final class In {
        final byte[] b;
        int pos;

        In(byte[] b) {
            this.b = b;
        }

        int u32() {
            int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        long uv() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalArgumentException("bad varint at offset " + pos);
                }
            }
        }

        long sv() {
            long v = uv();
            return (v >>> 1) ^ -(v & 1);
        }

        int count() {
            long v = uv();
            if (v > b.length) {
                throw new IllegalArgumentException("bad count at offset " + pos);
            }
            return (int) v;
        }

        int ref(int max) {
            long v = uv();
            if (v > max) {
                throw new IllegalArgumentException("bad string reference at offset " + pos);
            }
            return (int) v;
        }

        String string(int len) {
            if (pos + len > b.length) {
                throw new IllegalArgumentException("string past the end at offset " + pos);
            }
            boolean ascii = true;
            for (int i = pos; i < pos + len; i++) {
                if (b[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            String s = new String(b, pos, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        List<long[]> ranges() {
            int n = count();
            if (n == 0) {
                return null;
            }
            List<long[]> r = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                r.add(new long[] {sv(), sv()});
            }
            return r;
        }

        List<String> names(String[] strs, int ns, Map<String, List<String>> interned) {
            int n = count();
            if (n == 0) {
                return null;
            }
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = strs[ref(ns)];
            }
            return List.of(a);
        }
    }
}
