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
        // the MIB is needed for names, enumeration labels and sprint values; numeric names of plain
        // values (a poller's usual settings) need no lookup at all
        Match m = useNumeric && !useSprintValue && !useEnums ? null : t.lookup(arcs, arcs.length);
        String[] split = EasyNames.split(arcs, t, m, useLongNames, useNumeric);
        MibNode node = m == null ? null : m.node();
        Variable v = vb.value();
        int tag = v.tag();
        byte[] raw = tag == BerTags.OCTET_STRING || tag == BerTags.IP_ADDRESS || tag == BerTags.OPAQUE
                || tag == BerTags.NSAP_ADDRESS ? v.bytes() : null;
        String value;
        if (useSprintValue) {
            value = ValueFormat.easySprint(v, node, t, useLongNames, useNumeric);
        } else if (raw != null && (tag == BerTags.OCTET_STRING || tag == BerTags.NSAP_ADDRESS)) {
            value = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1); // the octets copied once
        } else {
            value = ValueFormat.easyValue(v, node, useEnums);
        }
        return SnmpVariable.received(split[0], split[1], value, ValueFormat.easyType(v), raw);
    }
}
