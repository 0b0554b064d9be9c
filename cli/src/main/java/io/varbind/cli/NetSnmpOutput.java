package io.varbind.cli;

import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.format.EasyNames;
import io.varbind.format.OutputOptions;
import io.varbind.format.ValueFormat;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;

/**
 * One variable as Net-SNMP's {@code snmpget}/{@code snmpwalk} print it under the {@code -O} flags
 * ({@code SNMPv2-MIB::sysDescr.0 = STRING: text}), or as a JSON object with easysnmp's fields.
 */
final class NetSnmpOutput {
    private final MibTree tree;
    private final OutputOptions options;

    NetSnmpOutput(MibTree tree, OutputOptions options) {
        this.tree = tree;
        this.options = options;
    }

    private MibNode node(int[] arcs) {
        Match m = tree.lookup(arcs, arcs.length);
        return m == null ? null : m.node();
    }

    OutputOptions options() {
        return options;
    }

    /** The output of a command that starts with quick print on (snmptable), its -O letters toggling from there. */
    NetSnmpOutput quickFirst(String flags) {
        return new NetSnmpOutput(tree, OutputOptions.parse(flags, OutputOptions.DEFAULT.withQuick()));
    }

    /** The value alone, as Net-SNMP's sprint_value prints it. */
    String value(VarBind vb) {
        return value(vb.oid().toArray(), vb.value());
    }

    /** The value alone, for a varbind named {@code arcs}. */
    String value(int[] arcs, Variable v) {
        return ValueFormat.netSnmp(v, node(arcs), tree, options);
    }

    String name(int[] arcs) {
        return ValueFormat.oid(arcs, tree, options);
    }

    String line(VarBind vb) {
        return line(vb.oid().toArray(), vb.value());
    }

    /** One output line for the varbind named {@code arcs} (as received) with value {@code v}. */
    String line(int[] arcs, Variable v) {
        String value = ValueFormat.netSnmp(v, node(arcs), tree, options);
        if (options.valueOnly()) {
            return value;
        }
        if (options.dropsEquals()) {
            return name(arcs) + " " + value;
        }
        return name(arcs) + " = " + value;
    }

    String json(VarBind vb) {
        return json(vb.oid().toArray(), vb.value());
    }

    /** One JSON object with easysnmp's fields for the varbind named {@code arcs} with value {@code v}. */
    String json(int[] arcs, Variable v) {
        String[] split = EasyNames.split(arcs, tree, false, false);
        String value = ValueFormat.easyValue(v, node(arcs), false);
        return "{\"oid\":" + quote(split[0]) + ",\"oid_index\":" + quote(split[1]) + ",\"value\":" + quote(value)
                + ",\"snmp_type\":" + quote(ValueFormat.easyType(v)) + "}";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
