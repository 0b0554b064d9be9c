package io.varbind.format;

import io.varbind.codec.BerTags;
import io.varbind.codec.OpaqueKind;
import io.varbind.codec.Variable;
import io.varbind.mib.DisplayHint;
import io.varbind.mib.IndexCodec;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.mib.OidFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Value strings as easysnmp returns them (its type names and plain values) and as Net-SNMP's
 * {@code sprint_value} prints them (type labels, enumeration labels, DISPLAY-HINTs, units,
 * Timeticks, hex strings), for the Session's {@code useSprintValue} and the command line.
 */
public final class ValueFormat {
    private ValueFormat() {
    }

    /** easysnmp's {@code snmp_type} of a received value, from its type on the wire. */
    public static String easyType(Variable v) {
        return easyType(v.tag());
    }

    /** {@link #easyType(Variable)} of a value's BER tag. */
    public static String easyType(int tag) {
        switch (tag) {
            case BerTags.INTEGER: return "INTEGER";
            case BerTags.OCTET_STRING: return "OCTETSTR";
            case BerTags.NULL: return "NULL";
            case BerTags.OBJECT_IDENTIFIER: return "OBJECTID";
            case BerTags.IP_ADDRESS: return "IPADDR";
            case BerTags.COUNTER32: return "COUNTER";
            case BerTags.GAUGE32: return "GAUGE";
            case BerTags.TIMETICKS: return "TICKS";
            case BerTags.OPAQUE: return "OPAQUE";
            case BerTags.NSAP_ADDRESS: return "NETADDR";
            case BerTags.COUNTER64: return "COUNTER64";
            case BerTags.UINTEGER32: return "UNSIGNED32";
            case BerTags.NO_SUCH_OBJECT: return "NOSUCHOBJECT";
            case BerTags.NO_SUCH_INSTANCE: return "NOSUCHINSTANCE";
            case BerTags.END_OF_MIB_VIEW: return "ENDOFMIBVIEW";
            default: return "OTHER";
        }
    }

    /**
     * easysnmp's plain value string: numbers in decimal, octets one character per byte
     * (ISO-8859-1), OIDs dotted with a leading dot, an exception's type name; with
     * {@code useEnums} the enumeration label of an INTEGER the MIB names.
     */
    public static String easyValue(Variable v, MibNode node, boolean useEnums) {
        switch (v.tag()) {
            case BerTags.INTEGER: {
                if (useEnums && node != null) {
                    String label = node.enums().get(v.longValue());
                    if (label != null) {
                        return label;
                    }
                }
                return Long.toString(v.longValue());
            }
            case BerTags.OCTET_STRING:
            case BerTags.NSAP_ADDRESS:
                return new String(v.bytes(), StandardCharsets.ISO_8859_1);
            case BerTags.OPAQUE:
                return v.opaqueKind() == OpaqueKind.NONE ? new String(v.bytes(), StandardCharsets.ISO_8859_1)
                        : opaqueNumber(v);
            case BerTags.NULL:
                return "";
            case BerTags.OBJECT_IDENTIFIER:
                return "." + v.oidValue();
            case BerTags.IP_ADDRESS:
                return ip(v);
            case BerTags.COUNTER64:
                return Long.toUnsignedString(v.longValue());
            case BerTags.NO_SUCH_OBJECT:
            case BerTags.NO_SUCH_INSTANCE:
            case BerTags.END_OF_MIB_VIEW:
                return easyType(v);
            default:
                return Long.toString(v.longValue());
        }
    }

    private static String opaqueNumber(Variable v) {
        switch (v.opaqueKind()) {
            case FLOAT:
                return cFixed(v.floatValue());
            case DOUBLE:
                return cFixed(v.doubleValue());
            case INT64:
                return Long.toString(v.longValue());
            default:
                return Long.toUnsignedString(v.longValue());
        }
    }

    /**
     * C's {@code printf("%f")}: six decimals of the exact binary value, ties to even (Java's
     * {@code %f} rounds ties up: 9.1015625 is 9.101562 in C, 9.101563 in Java).
     */
    static String cFixed(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String s = new java.math.BigDecimal(d).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return (d < 0 || d == 0 && 1 / d < 0) && !s.startsWith("-") ? "-" + s : s;
    }

    private static String ip(Variable v) {
        return v.byteAt(0) + "." + v.byteAt(1) + "." + v.byteAt(2) + "." + v.byteAt(3);
    }

    /** Net-SNMP's Timeticks text: {@code 0:00:42.13}, {@code 3 days, 1:02:03.04}; quick print {@code 0:0:00:42.13}. */
    public static String timeticks(long ticks, boolean quick) {
        long centis = ticks % 100;
        long seconds = ticks / 100;
        long days = seconds / 86400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        // by hand, not String.format: a Formatter's first use loads the JDK's locale data, about
        // 20 ms of a one-shot command's start (cli/README.md, Start-up)
        StringBuilder sb = new StringBuilder(24);
        if (quick) {
            sb.append(days).append(':');
        } else if (days != 0) {
            sb.append(days).append(days == 1 ? " day, " : " days, ");
        }
        sb.append(hours).append(':');
        twoDigits(sb, minutes).append(':');
        twoDigits(sb, secs).append('.');
        return twoDigits(sb, centis).toString();
    }

    private static StringBuilder twoDigits(StringBuilder sb, long n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** Net-SNMP's hex dump of octets: {@code 3A 9B 00 } (a space after each, a new line every 16). */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0 && i % 16 == 0) {
                sb.append('\n');
            }
            sb.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b[i] & 0xF, 16))).append(' ');
        }
        return sb.toString();
    }

    private static boolean printable(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            boolean ok = printableOrSpace(c);
            // Net-SNMP also accepts a trailing NUL
            if (!ok && !(c == 0 && i == b.length - 1)) {
                return false;
            }
        }
        return true;
    }

    /** C's {@code isprint(c) || isspace(c)} in the C locale, Net-SNMP's test for showing an octet as itself. */
    private static boolean printableOrSpace(int c) {
        return c >= 0x20 && c < 0x7F || c >= '\t' && c <= '\r';
    }

    /**
     * The text Net-SNMP prints for a value after {@code " = "} (or after the name in quick print):
     * with the type label ({@code STRING: }, {@code INTEGER: }, {@code Timeticks: (n) }...) unless
     * {@code o.quick()}, enumeration labels unless {@code o.noEnums()}, hints, units unless
     * {@code o.noUnits()}, OID values in {@code o.oidStyle()}.
     *
     * @param node the MIB object of the varbind (its hint, enums, units), or null
     */
    public static String netSnmp(Variable v, MibNode node, MibTree tree, OutputOptions o) {
        boolean q = o.bareValues();
        String units = node != null && node.units() != null && !o.noUnits() ? " " + node.units() : "";
        switch (v.tag()) {
            case BerTags.OCTET_STRING:
                return octets(v.bytes(), node, o, q);
            case BerTags.INTEGER: {
                long n = v.longValue();
                if (node != null && !o.noEnums()) {
                    String label = node.enums().get(n);
                    if (label != null) {
                        return (q ? label : "INTEGER: " + label + "(" + n + ")") + units;
                    }
                }
                String hinted = node != null && node.hint() != null ? DisplayHint.integer(node.hint(), n, false) : null;
                return (q ? "" : "INTEGER: ") + (hinted != null ? hinted : Long.toString(n)) + units;
            }
            case BerTags.COUNTER32:
                return (q ? "" : "Counter32: ") + v.longValue() + units;
            case BerTags.GAUGE32: {
                String hinted = node != null && node.hint() != null ? DisplayHint.integer(node.hint(), v.longValue(), true)
                        : null;
                return (q ? "" : "Gauge32: ") + (hinted != null ? hinted : Long.toString(v.longValue())) + units;
            }
            case BerTags.UINTEGER32:
                return (q ? "" : "UInteger32: ") + v.longValue() + units;
            case BerTags.TIMETICKS:
                if (o.numericTimeticks()) {
                    return Long.toString(v.longValue()); // -Ot: the bare number, as Net-SNMP prints it
                }
                return q ? timeticks(v.longValue(), true) : "Timeticks: (" + v.longValue() + ") "
                        + timeticks(v.longValue(), false) + units;
            case BerTags.COUNTER64:
                return (q ? "" : "Counter64: ") + Long.toUnsignedString(v.longValue()) + units;
            case BerTags.IP_ADDRESS:
                if (node != null && "NetworkAddress".equals(node.baseType())) {
                    // an SMIv1 NetworkAddress (RFC 1155 section 3.2.3.1): Net-SNMP prints its octets in hex
                    return (q ? "" : "Network Address: ") + colonHex(v.bytes());
                }
                return (q ? "" : "IpAddress: ") + ip(v);
            case BerTags.OBJECT_IDENTIFIER:
                return (q ? "" : "OID: ") + oid(v.oidValue().toArray(), tree, o);
            case BerTags.OPAQUE:
                switch (v.opaqueKind()) {
                    case FLOAT:
                        return (q ? "" : "Opaque: Float: ") + opaqueNumber(v);
                    case DOUBLE:
                        // Net-SNMP 5.9 labels a double "Float" too (mib.c sprint_realloc_double)
                        return (q ? "" : "Opaque: Float: ") + opaqueNumber(v);
                    case INT64:
                        return (q ? "" : "Opaque: Int64: ") + opaqueNumber(v);
                    case UINT64:
                        return (q ? "" : "Opaque: UInt64: ") + opaqueNumber(v);
                    case COUNTER64:
                        return (q ? "" : "Opaque: Counter64: ") + opaqueNumber(v);
                    default:
                        return (q ? "" : "OPAQUE: ") + hex(v.bytes());
                }
            case BerTags.NULL:
                return "NULL"; // under quick print too (mib.c sprint_realloc_null)
            case BerTags.NSAP_ADDRESS:
                return (q ? "" : "NsapAddress: ") + hex(v.bytes());
            case BerTags.NO_SUCH_OBJECT:
                return "No Such Object available on this agent at this OID";
            case BerTags.NO_SUCH_INSTANCE:
                return "No Such Instance currently exists at this OID";
            case BerTags.END_OF_MIB_VIEW:
                return "No more variables left in this MIB View (It is past the end of the MIB tree)";
            default:
                return "Wrong Type: " + v;
        }
    }

    private static String octets(byte[] b, MibNode node, OutputOptions o, boolean q) {
        if (node != null) {
            Map<String, Integer> bits = node.bits();
            if (bits != null && !bits.isEmpty() && "BITS".equals(node.baseType())) {
                if (q) {
                    return "\"" + hex(b) + "\""; // quick print: the octets alone, quoted, no labels
                }
                StringBuilder sb = new StringBuilder("BITS: ").append(hex(b));
                for (Map.Entry<String, Integer> e : bits.entrySet()) {
                    int bit = e.getValue();
                    if (bit / 8 < b.length && (b[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                        sb.append(e.getKey()).append('(').append(bit).append(") ");
                    }
                }
                return sb.toString();
            }
            // a DISPLAY-HINT wins over -Ox, as in Net-SNMP
            String hinted = node.hint() != null ? DisplayHint.octets(node.hint(), b) : null;
            if (hinted != null) {
                return (q ? "" : "STRING: ") + hinted;
            }
        }
        if (b.length == 0) {
            return "\"\""; // Net-SNMP prints an empty string without a hint as "" alone, no type
        }
        if (o.asciiStrings() && !printable(b)) {
            // -Oa: every octet as a character, the unprintable ones as dots (Net-SNMP's sprint_asciistring)
            StringBuilder sb = new StringBuilder(b.length + 12).append(q ? "\"" : "STRING: \"");
            for (byte x : b) {
                int c = x & 0xFF;
                sb.append(printableOrSpace(c) ? (char) c : '.');
            }
            return sb.append('"').toString();
        }
        if (!o.hexStrings() && printable(b)) {
            int n = b.length > 0 && b[b.length - 1] == 0 ? b.length - 1 : b.length;
            StringBuilder sb = new StringBuilder(n + 12).append(q ? "\"" : "STRING: \"");
            for (int i = 0; i < n; i++) {
                char c = (char) (b[i] & 0xFF);
                if (c == '"' || c == '\\') {
                    sb.append('\\'); // Net-SNMP escapes quotes and backslashes inside its quotes
                }
                sb.append(c);
            }
            return sb.append('"').toString();
        }
        String dump = o.hexWithText() ? hexWithText(b) : hex(b);
        return q ? "\"" + dump + "\"" : "Hex-STRING: " + dump;
    }

    /** {@code -OT}: the hex dump with each line's octets as text after it ({@code 41 42   [AB]}). */
    private static String hexWithText(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 4 + 8);
        for (int line = 0; line < b.length; line += 16) {
            int end = Math.min(b.length, line + 16);
            if (line > 0) {
                sb.append('\n');
            }
            for (int i = line; i < end; i++) {
                sb.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b[i] & 0xF, 16))).append(' ');
            }
            sb.append("  [");
            for (int i = line; i < end; i++) {
                int c = b[i] & 0xFF;
                sb.append(printableOrSpace(c) ? (char) c : '.');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** Octets as two upper-case hex digits each, joined by colons ({@code C0:00:02:01}). */
    private static String colonHex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 15, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b[i] & 15, 16)));
        }
        return sb.toString();
    }

    /** An OID value in the output style (as Net-SNMP prints it after {@code OID: }, and names). */
    public static String oid(int[] oid, MibTree tree, OutputOptions o) {
        if (tree == null || o.oidStyle() == OutputOptions.OidStyle.NUMERIC) {
            return "." + OidFormat.numeric(oid, oid.length);
        }
        OidFormat.Style style = switch (o.oidStyle()) {
            case FULL, UCD -> OidFormat.Style.FULL;
            case SHORT -> OidFormat.Style.SHORT;
            default -> OidFormat.Style.MODULE;
        };
        String s;
        Match m = o.numericIndexes() || o.extendedIndex() ? tree.lookup(oid, oid.length) : null;
        if (m != null && m.indexStart() < oid.length && !o.numericIndexes()) {
            // -OX: each index component in brackets
            int[] base = java.util.Arrays.copyOf(oid, m.indexStart());
            s = OidFormat.format(tree, base, style) + IndexCodec.renderExtended(tree, m.node(), oid, m.indexStart(),
                    oid.length, new IndexCodec.ExtendedIndex() {
                        @Override
                        public String hintedString(MibNode object, byte[] value) {
                            return octets(value, object, o, o.bareValues());
                        }

                        @Override
                        public String oid(int[] arcs) {
                            return ValueFormat.oid(arcs, tree, o);
                        }
                    });
        } else if (m != null && m.indexStart() < oid.length) {
            // -Ob: the node's name, then the index as plain numbers
            int[] base = java.util.Arrays.copyOf(oid, m.indexStart());
            StringBuilder sb = new StringBuilder(OidFormat.format(tree, base, style)).append('.');
            s = OidFormat.appendNumeric(sb, java.util.Arrays.copyOfRange(oid, m.indexStart(), oid.length),
                    oid.length - m.indexStart()).toString();
        } else {
            s = OidFormat.format(tree, oid, style);
        }
        if (o.oidStyle() == OutputOptions.OidStyle.UCD) {
            s = ucd(s);
        }
        // -OE: the quotes of string indexes escaped (no label or module name holds one)
        return o.escapeQuotes() ? s.replace("\"", "\\\"") : s;
    }

    /** Net-SNMP's UCD-style prefixes (its mib_prefixes list), cut with the dot after them under {@code -Ou}. */
    private static final String[] UCD_PREFIXES = {".iso.org.dod.internet.mgmt.mib-2",
        ".iso.org.dod.internet.experimental", ".iso.org.dod.internet.private", ".iso.org.dod.internet.snmpParties",
        ".iso.org.dod.internet.snmpSecrets"};

    private static String ucd(String full) {
        for (String p : UCD_PREFIXES) {
            if (full.length() > p.length() && full.startsWith(p)) {
                return full.substring(p.length() + 1);
            }
        }
        return full;
    }

    /**
     * easysnmp's {@code use_sprint_value}: Net-SNMP quick print; OID values short (suffix), or
     * numeric with {@code useNumeric}, or full with {@code useLongNames}, as those flags set
     * Net-SNMP's OID output format.
     */
    public static String easySprint(Variable v, MibNode node, MibTree tree, boolean useLongNames, boolean useNumeric) {
        if (v.tag() == BerTags.OBJECT_IDENTIFIER) {
            // easysnmp turns Net-SNMP's index breakdown off (-Ob): the instance suffix stays numeric
            return EasyNames.netSnmpName(v.oidValue().toArray(), tree, useLongNames, useNumeric);
        }
        return netSnmp(v, node, tree, useNumeric ? EASY_SPRINT_NUMERIC : useLongNames ? EASY_SPRINT_FULL : EASY_SPRINT);
    }

    private static final OutputOptions EASY_SPRINT = OutputOptions.parse("qs");
    private static final OutputOptions EASY_SPRINT_NUMERIC = OutputOptions.parse("qn");
    private static final OutputOptions EASY_SPRINT_FULL = OutputOptions.parse("qf");
}
