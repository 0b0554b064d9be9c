package io.varbind.cli;

import io.varbind.SnmpVariable;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;

/**
 * Rebuilds the wire value of a variable a numeric session returned ({@code useNumeric}, plain
 * values): its numeric OID from oid and index, its type from {@code snmpType} and its value from
 * the value string or, for octets, the raw bytes. Lossless for every type easysnmp names.
 */
final class Received {
    private Received() {
    }

    static VarBind varBind(SnmpVariable v) {
        String name = v.oidIndex() == null || v.oidIndex().isEmpty() ? v.oid() : v.oid() + "." + v.oidIndex();
        Oid oid = Oid.parse(name);
        String s = v.value();
        Variable value;
        switch (v.snmpType()) {
            case "INTEGER":
                value = Variable.integer64(Long.parseLong(s));
                break;
            case "OCTETSTR":
                value = Variable.octetString(v.valueBytes());
                break;
            case "OBJECTID":
                value = Variable.objectId(Oid.parse(s));
                break;
            case "TICKS":
                value = Variable.timeTicks(Long.parseLong(s));
                break;
            case "COUNTER":
                value = Variable.counter32(Long.parseLong(s));
                break;
            case "GAUGE":
                value = Variable.gauge32(Long.parseLong(s));
                break;
            case "UNSIGNED32":
                value = Variable.uinteger32(Long.parseLong(s));
                break;
            case "COUNTER64":
                value = Variable.counter64(Long.parseUnsignedLong(s));
                break;
            case "IPADDR":
                value = Variable.ipAddress(v.valueBytes());
                break;
            case "OPAQUE":
                value = Variable.opaque(v.valueBytes());
                break;
            case "NOSUCHOBJECT":
                value = Variable.noSuchObject();
                break;
            case "NOSUCHINSTANCE":
                value = Variable.noSuchInstance();
                break;
            case "ENDOFMIBVIEW":
                value = Variable.endOfMibView();
                break;
            default:
                value = Variable.nullValue();
        }
        return new VarBind(oid, value);
    }
}
