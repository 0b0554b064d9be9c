package io.varbind.mib;

/** OID text forms: numeric ({@code -On}), full labels ({@code -Of}), short ({@code -Os}), module-qualified (default). */
public final class OidFormat {
    /** Net-SNMP's output styles. */
    public enum Style { NUMERIC, FULL, SHORT, MODULE }

    private OidFormat() { }

    /** Dotted unsigned arcs without a leading dot. */
    public static String numeric(int[] oid, int len) {
        return appendNumeric(new StringBuilder(len * 4), oid, len).toString();
    }

    /**
     * Appends {@code oid[0..len)} dotted (no leading dot), each arc unsigned, without a String per
     * arc: received names are formatted per varbind, so this is on the hot path of every walk.
     */
    public static StringBuilder appendNumeric(StringBuilder sb, int[] oid, int len) {
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append('.');
            }
            int a = oid[i];
            if (a >= 0) {
                sb.append(a);
            } else {
                sb.append(a & 0xFFFF_FFFFL);
            }
        }
        return sb;
    }

    /** Parses {@code 1.3.6.1} or {@code .1.3.6.1}; IllegalArgumentException on bad text. */
    public static int[] parseNumeric(String s) {
        int i = s.startsWith(".") ? 1 : 0;
        int n = s.length();
        if (i >= n) {
            return new int[0];
        }
        int[] out = new int[8];
        int k = 0;
        while (i <= n) {
            int j = i;
            long v = 0;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                v = v * 10 + (s.charAt(j) - '0');
                if (v > 0xffffffffL) {
                    throw new IllegalArgumentException("sub-identifier too large in " + s);
                }
                j++;
            }
            if (j == i || (j < n && s.charAt(j) != '.')) {
                throw new IllegalArgumentException("not a numeric OID: " + s);
            }
            if (k == out.length) {
                out = java.util.Arrays.copyOf(out, k * 2);
            }
            out[k++] = (int) v;
            i = j + 1;
            if (j == n) {
                break;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** Formats oid in the given style, rendering the instance suffix as Net-SNMP does. */
    public static String format(MibTree tree, int[] oid, Style style) {
        if (style == Style.NUMERIC) {
            return "." + numeric(oid, oid.length);
        }
        Match m = tree.lookup(oid, oid.length);
        if (m == null) {
            return "." + numeric(oid, oid.length);
        }
        MibNode node = m.node();
        String suffix = IndexCodec.render(tree, node, oid, m.indexStart(), oid.length);
        switch (style) {
            case FULL: {
                StringBuilder sb = new StringBuilder();
                OidTrie.Entry e = node.entry;
                java.util.ArrayDeque<String> labels = new java.util.ArrayDeque<>();
                OidTrie.Entry below = null;
                while (e != null && e.parent != null) {
                    labels.addFirst(e.node != null ? e.node.name() : trapArc(e, below));
                    below = e;
                    e = e.parent;
                }
                for (String l : labels) {
                    sb.append('.').append(l);
                }
                return sb.append(suffix).toString();
            }
            case SHORT:
                return node.name() + suffix;
            default:
                if (node.oidLength() == 1) {
                    return node.name() + suffix; // Net-SNMP's built-in roots belong to no module: ccitt.1, iso.9
                }
                return node.module() + "::" + node.name() + suffix;
        }
    }

    /**
     * The label of an arc no module names: its number, except the 0 between an SMIv1 enterprise and
     * the TRAP-TYPEs under it, which Net-SNMP's parser creates as {@code ENTERPRISE#}
     * ({@code hhmsagent.hhmsagent#.hhmsCriticalStatus}).
     */
    private static String trapArc(OidTrie.Entry e, OidTrie.Entry below) {
        if (e.arc == 0 && below != null && below.node != null && below.node.mibKind() == MibKind.NOTIFICATION
                && e.parent.node != null) {
            return e.parent.node.name() + "#";
        }
        return Integer.toUnsignedString(e.arc);
    }

    /** {@code snmptranslate}'s translation of any OID spelling in the given style. */
    public static String translate(MibTree tree, String spec, Style style) {
        return format(tree, tree.resolve(spec, 0).oid(), style);
    }
}
