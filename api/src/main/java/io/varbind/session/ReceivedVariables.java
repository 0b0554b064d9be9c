package io.varbind.session;

import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.codec.Variable;
import io.varbind.format.EasyNames;
import io.varbind.format.ValueFormat;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.mib.OidFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A received varbind as easysnmp returns it, under the display flags of a {@link io.varbind.Session}
 * ({@code useLongNames}, {@code useNumeric}, {@code useSprintValue}, {@code useEnums}): one home for
 * the session's results and the notification receiver's variables. {@link Reader} builds them
 * straight from a response's octets.
 */
public final class ReceivedVariables {
    private ReceivedVariables() {
    }

    public static SnmpVariable of(VarBind vb, MibTree t, boolean useLongNames, boolean useNumeric,
            boolean useSprintValue, boolean useEnums) {
        return of(vb.oid().toArray(), vb.value(), t, useLongNames, useNumeric, useSprintValue, useEnums);
    }

    private static SnmpVariable of(int[] arcs, Variable v, MibTree t, boolean useLongNames, boolean useNumeric,
            boolean useSprintValue, boolean useEnums) {
        // the MIB is needed for names, enumeration labels and sprint values; numeric names of plain
        // values (a poller's usual settings) need no lookup at all
        Match m = useNumeric && !useSprintValue && !useEnums ? null : t.lookup(arcs, arcs.length);
        String[] split = EasyNames.split(arcs, t, m, useLongNames, useNumeric);
        MibNode node = m == null ? null : m.node();
        int tag = v.tag();
        byte[] raw = tag == BerTags.OCTET_STRING || tag == BerTags.IP_ADDRESS || tag == BerTags.OPAQUE
                || tag == BerTags.NSAP_ADDRESS ? v.bytes() : null;
        String value;
        if (useSprintValue) {
            value = ValueFormat.easySprint(v, node, t, useLongNames, useNumeric);
        } else if (raw != null && (tag == BerTags.OCTET_STRING || tag == BerTags.NSAP_ADDRESS)) {
            value = new String(raw, StandardCharsets.ISO_8859_1); // the octets copied once
        } else {
            value = ValueFormat.easyValue(v, node, useEnums);
        }
        return SnmpVariable.received(split[0], split[1], value, ValueFormat.easyType(tag), raw);
    }

    private static final String[] SMALL = new String[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    /**
     * The varbind a cursor is on, its name {@code arcs[0..len)}, read straight from the octets
     * (for one-off answers such as a GET's; a walk keeps a {@link Reader}).
     */
    public static SnmpVariable of(VarBindCursor c, int[] arcs, int len, MibTree t, boolean useLongNames,
            boolean useNumeric, boolean useSprintValue, boolean useEnums) {
        if (!useNumeric || useSprintValue || useEnums || len < 2) {
            return of(Arrays.copyOf(arcs, len), c.value(), t, useLongNames, useNumeric, useSprintValue, useEnums);
        }
        StringBuilder sb = new StringBuilder(len * 4 + 1).append('.');
        return plain(c, arcs, len, OidFormat.appendNumeric(sb, arcs, len - 1).toString(), null);
    }

    /**
     * A numeric name's variable of a plain value: the index and value strings made from the octets
     * ({@code reader}, when given, formats OBJECT IDENTIFIER values without objects).
     */
    private static SnmpVariable plain(VarBindCursor c, int[] arcs, int len, String oid, Reader reader) {
        int tag = c.valueTag();
        int last = arcs[len - 1];
        String index = last >= 0 && last < SMALL.length ? SMALL[last] : Integer.toUnsignedString(last);
        String value;
        byte[] raw = null;
        switch (tag) {
            case BerTags.INTEGER:
            case BerTags.COUNTER32:
            case BerTags.GAUGE32:
            case BerTags.TIMETICKS:
            case BerTags.UINTEGER32:
                value = Long.toString(c.longValue());
                break;
            case BerTags.COUNTER64:
                value = Long.toUnsignedString(c.longValue());
                break;
            case BerTags.OCTET_STRING:
            case BerTags.NSAP_ADDRESS: {
                int off = c.valueOffset();
                raw = Arrays.copyOfRange(c.buffer(), off, off + c.valueLength());
                value = new String(raw, StandardCharsets.ISO_8859_1);
                break;
            }
            case BerTags.OBJECT_IDENTIFIER:
                if (reader != null) {
                    value = reader.oidValue(c);
                    break;
                }
                // fall through: formatted from the decoded value
            default: {
                Variable v = c.value();
                if (tag == BerTags.IP_ADDRESS || tag == BerTags.OPAQUE) {
                    raw = v.bytes();
                }
                value = ValueFormat.easyValue(v, null, false);
            }
        }
        return SnmpVariable.received(oid, index, value, ValueFormat.easyType(tag), raw);
    }

    /**
     * Builds the variables of one call or walk straight from the received octets: with numeric
     * names and plain values (a poller's settings) nothing but the variable's own strings is made,
     * and the dotted object name is shared by consecutive varbinds of the same object (a walk of a
     * column). Not thread-safe: one per call or walk, whose answers come one at a time.
     */
    public static final class Reader {
        private final MibTree tree;
        private final boolean useLongNames;
        private final boolean useNumeric;
        private final boolean useSprintValue;
        private final boolean useEnums;
        private final boolean plain;
        // the last name formatted, '.' and dotted arcs as Latin-1 octets, and where each arc ends
        // in it: the next name reuses the arcs it shares (a column's prefix, a table's entry)
        private byte[] text = new byte[128];
        private final int[] ends = new int[Oid.MAX_ARCS + 1];
        private final int[] prefix = new int[Oid.MAX_ARCS];
        private int prefixLen;
        private String prefixName;
        private int[] valueArcs;

        public Reader(MibTree tree, boolean useLongNames, boolean useNumeric, boolean useSprintValue,
                boolean useEnums) {
            this.tree = tree;
            this.useLongNames = useLongNames;
            this.useNumeric = useNumeric;
            this.useSprintValue = useSprintValue;
            this.useEnums = useEnums;
            this.plain = useNumeric && !useSprintValue && !useEnums;
        }

        /** A varbind decoded into objects. */
        public SnmpVariable of(VarBind vb) {
            return ReceivedVariables.of(vb, tree, useLongNames, useNumeric, useSprintValue, useEnums);
        }

        /** The varbind the cursor is on, its name {@code arcs[0..len)}. */
        public SnmpVariable of(VarBindCursor c, int[] arcs, int len) {
            if (!plain || len < 2) {
                return ReceivedVariables.of(Arrays.copyOf(arcs, len), c.value(), tree, useLongNames, useNumeric,
                        useSprintValue, useEnums);
            }
            return plain(c, arcs, len, prefixName(arcs, len - 1), this);
        }

        /** {@code .arcs[0..n)}: the same String as the last call's for the same arcs, else made from the shared octets. */
        private String prefixName(int[] arcs, int n) {
            int k = 0;
            int common = Math.min(n, prefixLen);
            while (k < common && arcs[k] == prefix[k]) {
                k++;
            }
            if (k == n && n == prefixLen && prefixName != null) {
                return prefixName;
            }
            int pos = append(arcs, k, n);
            prefixLen = n;
            return prefixName = new String(text, 0, pos, StandardCharsets.ISO_8859_1);
        }

        /** Formats arcs {@code [from, n)} after the octets of the first {@code from}; returns the end. */
        private int append(int[] arcs, int from, int n) {
            text[0] = '.';
            ends[0] = 1;
            int pos = ends[from];
            for (int i = from; i < n; i++) {
                if (pos + 12 > text.length) {
                    text = Arrays.copyOf(text, text.length * 2);
                }
                if (i > 0) {
                    text[pos++] = '.';
                }
                pos = unsigned(arcs[i], text, pos);
                ends[i + 1] = pos;
                prefix[i] = arcs[i];
            }
            return pos;
        }

        /** An OBJECT IDENTIFIER value as easysnmp has it: dotted with a leading dot. */
        String oidValue(VarBindCursor c) {
            if (valueArcs == null) {
                valueArcs = new int[Oid.MAX_ARCS];
            }
            int n = c.oidValue(valueArcs);
            byte[] b = new byte[1 + n * 11];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                b[pos++] = '.';
                pos = unsigned(valueArcs[i], b, pos);
            }
            return n == 0 ? "." : new String(b, 0, pos, StandardCharsets.ISO_8859_1);
        }

        /** Writes {@code arc} (unsigned) in decimal at {@code pos}; returns the end. */
        private static int unsigned(int arc, byte[] b, int pos) {
            long v = arc & 0xFFFF_FFFFL;
            if (v < 10) {
                b[pos] = (byte) ('0' + v);
                return pos + 1;
            }
            int digits = 1;
            for (long t = v; t >= 10; t /= 10) {
                digits++;
            }
            int end = pos + digits;
            for (int i = end - 1; i >= pos; i--) {
                b[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            return end;
        }
    }
}
