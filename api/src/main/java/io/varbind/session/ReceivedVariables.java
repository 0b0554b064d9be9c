package io.varbind.session;

import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.format.EasyNames;
import io.varbind.format.ValueFormat;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;

/**
 * A received varbind as easysnmp returns it, under the display flags of a {@link io.varbind.Session}
 * ({@code useLongNames}, {@code useNumeric}, {@code useSprintValue}, {@code useEnums}): one home for
 * the session's results and the notification receiver's variables.
 */
public final class ReceivedVariables {
    private ReceivedVariables() {
    }

    public static SnmpVariable of(VarBind vb, MibTree t, boolean useLongNames, boolean useNumeric,
            boolean useSprintValue, boolean useEnums) {
        int[] arcs = vb.oid().toArray();
        String[] split = EasyNames.split(arcs, t, useLongNames, useNumeric);
        Match m = t.lookup(arcs, arcs.length);
        MibNode node = m == null ? null : m.node();
        Variable v = vb.value();
        String value = useSprintValue ? ValueFormat.easySprint(v, node, t, useLongNames, useNumeric)
                : ValueFormat.easyValue(v, node, useEnums);
        byte[] raw = v.tag() == BerTags.OCTET_STRING || v.tag() == BerTags.IP_ADDRESS || v.tag() == BerTags.OPAQUE
                || v.tag() == BerTags.NSAP_ADDRESS ? v.bytes() : null;
        return SnmpVariable.received(split[0], split[1], value, ValueFormat.easyType(v), raw);
    }
}
