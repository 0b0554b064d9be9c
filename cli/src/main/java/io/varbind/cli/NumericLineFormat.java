package io.varbind.cli;

import io.varbind.codec.BerTags;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One binding as Net-SNMP's {@code snmpwalk -On} prints it when no MIB describes the object:
 * numeric OID, type label, value without DISPLAY-HINTs or enumeration labels. Used by
 * {@code demo} until the MIB-aware formatter of {@code io.varbind.format} is wired in; the output
 * is also exactly what the agent's {@code --data} files contain, so it reads back unchanged.
 */
final class NumericLineFormat {

    private NumericLineFormat() {
    }

    static String line(VarBind vb) {
        return "." + vb.oid() + " = " + value(vb.value());
    }

    static String value(Variable v) {
        switch (v.tag()) {
            case BerTags.INTEGER:
                return "INTEGER: " + v.longValue();
            case BerTags.OCTET_STRING:
                return octets(v.bytes());
            case BerTags.NULL:
                return "NULL";
            case BerTags.OBJECT_IDENTIFIER:
                return "OID: ." + v.oidValue();
            case BerTags.IP_ADDRESS: {
                byte[] a = v.bytes();
                return "IpAddress: " + (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
            }
            case BerTags.COUNTER32:
                return "Counter32: " + (v.longValue() & 0xFFFFFFFFL);
            case BerTags.GAUGE32:
                return "Gauge32: " + (v.longValue() & 0xFFFFFFFFL);
            case BerTags.TIMETICKS:
                return "Timeticks: (" + (v.longValue() & 0xFFFFFFFFL) + ") " + uptime(v.longValue() & 0xFFFFFFFFL);
            case BerTags.COUNTER64:
                return "Counter64: " + Long.toUnsignedString(v.longValue());
            case BerTags.OPAQUE:
                return switch (v.opaqueKind()) {
                    // Net-SNMP labels an Opaque double "Float" as well.
                    case FLOAT -> String.format(Locale.ROOT, "Opaque: Float: %f", v.floatValue());
                    case DOUBLE -> String.format(Locale.ROOT, "Opaque: Float: %f", v.doubleValue());
                    case INT64 -> "Opaque: Int64: " + v.longValue();
                    case UINT64 -> "Opaque: UInt64: " + Long.toUnsignedString(v.longValue());
                    default -> "Opaque: " + hex(v.bytes());
                };
            case BerTags.NO_SUCH_OBJECT:
                return "No Such Object available on this agent at this OID";
            case BerTags.NO_SUCH_INSTANCE:
                return "No Such Instance currently exists at this OID";
            case BerTags.END_OF_MIB_VIEW:
                return "No more variables left in this MIB View (It is past the end of the MIB tree)";
            default:
                return "Wrong Type: 0x" + Integer.toHexString(v.tag());
        }
    }

    /** Printable text quoted (with {@code "} and {@code \} escaped), anything else in hex. */
    static String octets(byte[] b) {
        if (b.length == 0) {
            return "\"\"";
        }
        for (byte x : b) {
            int c = x & 0xff;
            boolean printable = c >= 0x20 && c < 0x7f;
            boolean space = c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
            if (!printable && !space) {
                return "Hex-STRING: " + hex(b);
            }
        }
        String s = new String(b, StandardCharsets.ISO_8859_1);
        return "STRING: \"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code XX XX } with a line break after every 16 octets, as Net-SNMP prints hex. */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3 + b.length / 16);
        for (int i = 0; i < b.length; i++) {
            if (i > 0 && i % 16 == 0) {
                sb.append('\n');
            }
            sb.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b[i] & 0xf, 16))).append(' ');
        }
        return sb.toString();
    }

    /** Net-SNMP's uptime text: {@code h:mm:ss.cc}, with {@code N day(s), } in front after a day. */
    static String uptime(long ticks) {
        long cs = ticks % 100;
        long s = ticks / 100;
        long days = s / 86400;
        String hms = String.format(Locale.ROOT, "%d:%02d:%02d.%02d", (s / 3600) % 24, (s / 60) % 60, s % 60, cs);
        return days == 0 ? hms : days + (days == 1 ? " day, " : " days, ") + hms;
    }
}
