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
     * The varbind a cursor is on, its name {@code arcs[0..len)}, for one-off answers such as a
     * GET's (a walk keeps a {@link Reader}): kept as its received octets, its strings made on first
     * use ({@link Format}). The cursor's buffer must be the answer's own, never written again.
     */
    public static SnmpVariable of(VarBindCursor c, int[] arcs, int len, MibTree t, boolean useLongNames,
            boolean useNumeric, boolean useSprintValue, boolean useEnums) {
        return new Format(t, useLongNames, useNumeric, useSprintValue, useEnums).of(c);
    }

    /** What a lazily built variable's strings are made with: the tree and the display flags. Immutable. */
    public static final class Format {
        /** {@link #part} of the object name, without the index. */
        public static final int OID = 0;
        /** {@link #part} of the index. */
        public static final int INDEX = 1;
        /** {@link #part} of the value string. */
        public static final int VALUE = 2;

        private final MibTree tree;
        private final boolean useLongNames;
        private final boolean useNumeric;
        private final boolean useSprintValue;
        private final boolean useEnums;
        private final boolean plain;

        /** The tree names and values are looked up in, and a session's display flags. */
        public Format(MibTree tree, boolean useLongNames, boolean useNumeric, boolean useSprintValue,
                boolean useEnums) {
            this.tree = tree;
            this.useLongNames = useLongNames;
            this.useNumeric = useNumeric;
            this.useSprintValue = useSprintValue;
            this.useEnums = useEnums;
            this.plain = useNumeric && !useSprintValue && !useEnums;
        }

        /**
         * The variable of the varbind the cursor is on, kept as its octets (the cursor's buffer,
         * which must never be written again) and formatted on first use: reading a walk's varbinds
         * costs nothing but this object until the caller looks at them.
         */
        public SnmpVariable of(VarBindCursor c) {
            return SnmpVariable.receivedLazily(c.buffer(), c.varBindOffset(), c.varBindEnd(),
                    ValueFormat.easyType(c.valueTag()), this);
        }

        /** A varbind decoded into objects, formatted now. */
        public SnmpVariable of(VarBind vb) {
            return ReceivedVariables.of(vb, tree, useLongNames, useNumeric, useSprintValue, useEnums);
        }

        /**
         * Whether each string is made on its own ({@link #part}): numeric names of plain values.
         * Otherwise a MIB lookup serves all three at once ({@link #strings}).
         */
        public boolean separateParts() {
            return plain;
        }

        /** One string ({@link #OID}, {@link #INDEX} or {@link #VALUE}) of the varbind at {@code b[at, end)}. */
        public String part(byte[] b, int at, int end, int which) {
            Scratch sc = SCRATCH.get();
            VarBindCursor c = sc.at(b, at, end);
            if (plain && which == VALUE) {
                return plainValue(c, sc); // the name does not matter to a plain value
            }
            int len = c.oid(sc.arcs);
            if (!plain || len < 2) {
                return strings(c, sc.arcs, len)[which];
            }
            switch (which) {
                case OID:
                    return dotted(sc.arcs, len - 1, sc.text);
                case INDEX: {
                    int last = sc.arcs[len - 1];
                    return last >= 0 && last < SMALL.length ? SMALL[last] : Integer.toUnsignedString(last);
                }
                default:
                    return plainValue(c, sc);
            }
        }

        /** The name, index and value strings of the varbind at {@code b[at, end)}, in that order. */
        public String[] strings(byte[] b, int at, int end) {
            Scratch sc = SCRATCH.get();
            VarBindCursor c = sc.at(b, at, end);
            return strings(c, sc.arcs, c.oid(sc.arcs));
        }

        private String[] strings(VarBindCursor c, int[] arcs, int len) {
            SnmpVariable v = ReceivedVariables.of(Arrays.copyOf(arcs, len), c.value(), tree, useLongNames, useNumeric,
                    useSprintValue, useEnums);
            return new String[] {v.oid(), v.oidIndex(), v.value()};
        }

        /**
         * The raw octets of an octet string, IpAddress, Opaque or NSAP value at {@code b[at, end)}
         * (a fresh array), else null: what a received variable's {@code valueBytes()} gives.
         */
        public byte[] valueBytes(byte[] b, int at, int end) {
            VarBindCursor c = SCRATCH.get().at(b, at, end);
            switch (c.valueTag()) {
                case BerTags.OCTET_STRING:
                case BerTags.NSAP_ADDRESS: {
                    int off = c.valueOffset();
                    return Arrays.copyOfRange(c.buffer(), off, off + c.valueLength());
                }
                case BerTags.IP_ADDRESS:
                case BerTags.OPAQUE:
                    return c.value().bytes();
                default:
                    return null;
            }
        }
    }

    /** A plain value's string (numeric names, no sprint, no enums), made from the octets. */
    private static String plainValue(VarBindCursor c, Scratch sc) {
        int tag = c.valueTag();
        switch (tag) {
            case BerTags.INTEGER:
            case BerTags.COUNTER32:
            case BerTags.GAUGE32:
            case BerTags.TIMETICKS:
            case BerTags.UINTEGER32:
                return Long.toString(c.longValue());
            case BerTags.COUNTER64:
                return Long.toUnsignedString(c.longValue());
            case BerTags.OCTET_STRING:
            case BerTags.NSAP_ADDRESS:
                return new String(c.buffer(), c.valueOffset(), c.valueLength(), StandardCharsets.ISO_8859_1);
            case BerTags.OBJECT_IDENTIFIER:
                return oidValue(c, sc);
            default:
                return ValueFormat.easyValue(c.value(), null, false);
        }
    }

    /** An OBJECT IDENTIFIER value as easysnmp has it: dotted with a leading dot. */
    private static String oidValue(VarBindCursor c, Scratch sc) {
        return dotted(sc.valueArcs, c.oidValue(sc.valueArcs), sc.text);
    }

    /** {@code .arcs[0..n)} (each arc unsigned; "." when n is 0), formatted in {@code text} (room for {@link Oid#MAX_ARCS} arcs). */
    private static String dotted(int[] arcs, int n, byte[] text) {
        int pos = 0;
        for (int i = 0; i < n; i++) {
            text[pos++] = '.';
            pos = unsigned(arcs[i], text, pos);
        }
        if (n == 0) {
            text[pos++] = '.';
        }
        return new String(text, 0, pos, StandardCharsets.ISO_8859_1);
    }

    /** Octets enough for a dotted name of {@link Oid#MAX_ARCS} arcs of ten digits. */
    private static final int DOTTED_ROOM = Oid.MAX_ARCS * 11 + 1;

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

    /** Per thread: a cursor and arc arrays to read a kept varbind with (variables are read from any thread). */
    private static final class Scratch {
        final VarBindCursor cursor = new VarBindCursor();
        final int[] arcs = new int[Oid.MAX_ARCS];
        final int[] valueArcs = new int[Oid.MAX_ARCS];
        final byte[] text = new byte[DOTTED_ROOM];

        VarBindCursor at(byte[] b, int at, int end) {
            VarBindCursor c = cursor.resetVarBind(b, at, end);
            if (!c.next()) {
                throw new IllegalStateException("no varbind at " + at);
            }
            return c;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Builds the variables of one call or walk from the received octets: each variable keeps its
     * varbind's octets and makes its strings on first use ({@link Format}). With numeric names of
     * plain values the index is set at once (small ones are shared strings), and so is the dotted
     * object name from the second varbind of a run of the same object on (a walk of a column: made
     * once for the run). Not thread-safe: one per call or walk, whose answers come one at a time.
     */
    public static final class Reader {
        private final Format format;
        // the last varbind's object name (arcs), and its dotted text once a second varbind shared it
        private final byte[] text = new byte[DOTTED_ROOM];
        private final int[] prefix = new int[Oid.MAX_ARCS];
        private int prefixLen;
        private String prefixName;

        /** A reader for one call or walk, with the tree and the display flags it started with. */
        public Reader(MibTree tree, boolean useLongNames, boolean useNumeric, boolean useSprintValue,
                boolean useEnums) {
            this.format = new Format(tree, useLongNames, useNumeric, useSprintValue, useEnums);
        }

        /** A varbind decoded into objects. */
        public SnmpVariable of(VarBind vb) {
            return format.of(vb);
        }

        /**
         * The varbind the cursor is on, its name {@code arcs[0..len)} (already read by the caller),
         * kept as its octets: the cursor's buffer must be the answer's own, never written again.
         */
        public SnmpVariable of(VarBindCursor c, int[] arcs, int len) {
            if (!format.separateParts() || len < 2) {
                return format.of(c);
            }
            int last = arcs[len - 1];
            String index = last >= 0 && last < SMALL.length ? SMALL[last] : Integer.toUnsignedString(last);
            return SnmpVariable.receivedLazily(c.buffer(), c.varBindOffset(), c.varBindEnd(),
                    ValueFormat.easyType(c.valueTag()), format, sharedName(arcs, len - 1), index);
        }

        /**
         * {@code .arcs[0..n)} when the last varbind had the same object name: made once and shared
         * by the rest of the run (a walk of a column); else null, made by the variable on first use
         * (consecutive varbinds of different objects, a GETBULK across a table's row).
         */
        private String sharedName(int[] arcs, int n) {
            if (n == prefixLen && Arrays.equals(arcs, 0, n, prefix, 0, n)) {
                if (prefixName == null) {
                    prefixName = dotted(arcs, n, text);
                }
                return prefixName;
            }
            System.arraycopy(arcs, 0, prefix, 0, n);
            prefixLen = n;
            prefixName = null;
            return null;
        }
    }
}
