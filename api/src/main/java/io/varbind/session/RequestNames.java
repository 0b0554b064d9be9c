package io.varbind.session;

import io.varbind.SnmpException;
import io.varbind.SnmpUnknownObjectIdException;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How easysnmp reads the OIDs a caller asks for: the split of a spelling into name and index
 * ({@code normalize_oid}), the {@code best_guess} lookups (Net-SNMP's {@code -Ib} and
 * {@code -IR}) and the wire form of the root spellings.
 */
public final class RequestNames {

    /**
     * easysnmp's rule for splitting an index off a name: a numeric OID (kept whole), a symbolic
     * name of two or more word characters with {@code -} and {@code :} inside, or a path from
     * {@code iso}; whatever follows after an optional dot is the index. Python 3 matches {@code \w}
     * and {@code \d} over Unicode, hence the flag.
     */
    private static final Pattern OID_INDEX = Pattern.compile(
            "(\\.?\\d+(?:\\.\\d+)*|(?:\\w+(?:[-:]*\\w+)+)|(?:\\.?iso(?:\\.\\w+[-:]*\\w+)+))\\.?(.*)",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** What easysnmp's __scan_num_objid takes for a numeric OID ({@code .} alone is the root, iso). */
    private static final Pattern NUMERIC = Pattern.compile("\\.|\\.?\\d+(?:\\.\\d+)*\\.?");

    /** easysnmp's text when a best-guess lookup finds nothing (Net-SNMP's SNMPERR_BAD_NAME path). */
    public static final String CANNOT_BUILD = "Error building ASN.1 representation (Can't build OID for variable)";

    private RequestNames() {
    }

    /**
     * {@code [name, index]} as easysnmp's {@code normalize_oid} splits a spelling
     * ({@code sysDescr.0} gives {@code sysDescr} and {@code 0}, {@code iso.9} gives {@code iso} and
     * {@code 9}, {@code .1.3.6.1.2.1.1.99.0} stays whole with an empty index); the index is null
     * when the spelling fits none of its forms (as {@code .}).
     */
    public static String[] split(String spec) {
        Matcher m = OID_INDEX.matcher(spec);
        if (m.lookingAt()) {
            return new String[] {m.group(1), m.group(2)};
        }
        return new String[] {spec, null};
    }

    /**
     * Resolves a requested spelling as easysnmp does for {@code best_guess} 0, 1 and 2.
     * 0: any spelling Net-SNMP's tools accept, else {@link SnmpUnknownObjectIdException}.
     * 1 and 2: the name part (see {@link #split}) is a number, or is looked up as Net-SNMP's
     * {@code -Ib} (a case-insensitive regular expression over all labels, the best match winning)
     * or {@code -IR} (a label anywhere in the tree, optionally {@code MODULE::}, followed by more
     * labels or numbers); the index is appended as numbers. What they cannot resolve is a plain
     * {@link SnmpException} with easysnmp's text. Where easysnmp reads an index that is not made
     * of numbers as uninitialised memory, this refuses it the same way.
     */
    public static int[] resolve(MibTree tree, String spec, int bestGuess) {
        if (spec == null) {
            throw new SnmpUnknownObjectIdException("unknown object id (None)");
        }
        if (bestGuess != 1 && bestGuess != 2) {
            try {
                return tree.resolve(spec, 0).oid();
            } catch (RuntimeException e) {
                // easysnmp names the name part alone, as normalize_oid split it ("foo.0" -> "foo")
                throw new SnmpUnknownObjectIdException("unknown object id (" + split(spec)[0] + ")", e);
            }
        }
        String[] parts = split(spec);
        String name = parts[0];
        int[] base;
        try {
            if (NUMERIC.matcher(name).matches()) {
                base = tree.resolve(name, 0).oid();
            } else if (bestGuess == 1) {
                base = tree.resolve(name, 1).oid();
            } else {
                base = randomAccess(tree, name);
            }
        } catch (RuntimeException e) {
            throw new SnmpException(CANNOT_BUILD, e);
        }
        return appendIndex(base, parts[1]);
    }

    /** Net-SNMP's get_node ({@code -IR}): {@code [.]label[.label-or-number...]} or {@code MODULE::label...}. */
    private static int[] randomAccess(MibTree tree, String name) {
        String s = name.startsWith(".") ? name.substring(1) : name;
        int dot = s.indexOf('.');
        String first = dot < 0 ? s : s.substring(0, dot);
        MibNode node = tree.node(first);
        if (node == null) {
            throw new SnmpException("no node " + first);
        }
        if (dot < 0) {
            return node.oid();
        }
        // the labels and numbers after the first one walk down from it, as the exact lookup does
        return tree.resolve("." + node.oidString() + s.substring(dot), 0).oid();
    }

    /** easysnmp's __concat_oid_str: the index's dot-separated numbers after the name's OID. */
    private static int[] appendIndex(int[] base, String index) {
        if (index == null || index.isEmpty()) {
            return base;
        }
        String s = index.startsWith(".") ? index.substring(1) : index;
        int[] out = Arrays.copyOf(base, base.length + s.length() / 2 + 1);
        int n = base.length;
        for (String part : s.split("\\.")) {
            if (part.isEmpty()) {
                continue; // strtok skips empty fields
            }
            long v = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9' || (v = v * 10 + (c - '0')) > 0xffffffffL) {
                    throw new SnmpException(CANNOT_BUILD);
                }
            }
            out[n++] = (int) v;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The OID to put on the wire for a request. Net-SNMP encodes a one-arc OID (what {@code iso},
     * {@code .} and {@code .1} resolve to) as that arc alone in the first octet, which an agent
     * reads as {@code 0.arc} ({@code ccitt.1}); sending {@code 0.arc} gives the agent the same octets.
     */
    public static int[] wireForm(int[] oid) {
        if (oid.length == 1 && oid[0] >= 0 && oid[0] <= 2) {
            return new int[] {0, oid[0]};
        }
        return oid;
    }
}
