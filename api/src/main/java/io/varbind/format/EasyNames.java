package io.varbind.format;

import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.mib.OidFormat;

/** How easysnmp names a received OID: its {@code oid} and {@code oid_index} fields. */
public final class EasyNames {

    private EasyNames() {
    }

    /**
     * Splits a received OID into easysnmp's {@code [oid, oid_index]}. easysnmp prints the name with
     * numeric instance suffixes and cuts it as its {@code __get_label_iid} does: with
     * {@code useNumeric} the index is the last sub-identifier and the oid the dotted rest
     * ({@code .1.3.6.1.2.1.1.4}, {@code 0}); otherwise the oid is the object's descriptor (the whole
     * label path with {@code useLongNames}) and the index the numeric suffix
     * ({@code sysUpTime.0} gives {@code sysUpTimeInstance} and {@code ""}). A name under no
     * object type is kept whole as the oid with an empty index.
     */
    public static String[] split(int[] oid, MibTree tree, boolean useLongNames, boolean useNumeric) {
        return split(oid, tree, useNumeric || tree == null ? null : tree.lookup(oid, oid.length), useLongNames,
                useNumeric);
    }

    /** {@link #split(int[], MibTree, boolean, boolean)} with the tree's match of {@code oid} already looked up. */
    public static String[] split(int[] oid, MibTree tree, Match m, boolean useLongNames, boolean useNumeric) {
        if (useNumeric || tree == null) {
            if (oid.length < 2) {
                return new String[] {dotted(oid, oid.length), ""};
            }
            return new String[] {dotted(oid, oid.length - 1), Integer.toUnsignedString(oid[oid.length - 1])};
        }
        if (m == null || m.node() == null) {
            return new String[] {"." + OidFormat.numeric(oid, oid.length), ""};
        }
        MibNode node = m.node();
        int start = m.indexStart();
        String label = useLongNames ? fullLabel(tree, oid, start) : node.name();
        String index = start < oid.length ? OidFormat.numeric(java.util.Arrays.copyOfRange(oid, start, oid.length),
                oid.length - start) : "";
        if (!isLeaf(node)) {
            // easysnmp's NON_LEAF_NAME: the whole name is the oid. With long names, numbers right
            // under a root give its first four characters up to the root's arc (.iso.9 is .1.9, and
            // .ccitt.1 becomes .0tt.1, as easysnmp's copy leaves it); anything deeper stays
            String whole = useLongNames ? label : node.name();
            String full = index.isEmpty() ? whole : whole + "." + index;
            if (useLongNames && !index.isEmpty() && start == 1 && full.length() > 4) {
                full = "." + Integer.toUnsignedString(oid[0]) + full.substring(4);
            }
            return new String[] {full, ""};
        }
        return new String[] {label, index};
    }

    /**
     * A name as easysnmp has Net-SNMP print it: the descriptor (or the whole label path with
     * {@code useLongNames}) followed by the numeric instance suffix; dotted numbers with
     * {@code useNumeric} or when the tree knows no prefix of it.
     */
    public static String netSnmpName(int[] oid, MibTree tree, boolean useLongNames, boolean useNumeric) {
        if (useNumeric || tree == null) {
            return "." + OidFormat.numeric(oid, oid.length);
        }
        Match m = tree.lookup(oid, oid.length);
        if (m == null || m.node() == null) {
            return "." + OidFormat.numeric(oid, oid.length);
        }
        int start = m.indexStart();
        String label = useLongNames ? fullLabel(tree, oid, start) : m.node().name();
        if (start >= oid.length) {
            return label;
        }
        return label + "." + OidFormat.numeric(java.util.Arrays.copyOfRange(oid, start, oid.length), oid.length - start);
    }

    /** {@code .1.3.6...}: the first {@code len} arcs with a leading dot, in one builder. */
    private static String dotted(int[] oid, int len) {
        return OidFormat.appendNumeric(new StringBuilder(len * 4 + 1).append('.'), oid, len).toString();
    }

    private static String fullLabel(MibTree tree, int[] oid, int start) {
        return OidFormat.format(tree, java.util.Arrays.copyOf(oid, start), OidFormat.Style.FULL);
    }

    /** easysnmp's {@code __is_leaf}: the node or its parent has a syntax. */
    private static boolean isLeaf(MibNode node) {
        if (node.baseType() != null) {
            return true;
        }
        MibNode p = node.parent();
        return p != null && p.baseType() != null;
    }

}
