package io.varbind.session;

import io.varbind.SnmpUndeterminedTypeException;
import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Turns a set value (String, Number, byte[], InetAddress or an enumeration label) into the
 * codec's {@link Variable}, typed as easysnmp types it: the MIB object's syntax first, else the
 * given {@code snmpType} (easysnmp's names or Net-SNMP's letter codes).
 */
public final class SetValues {
    private SetValues() {
    }

    /** The wire kinds a set value can take. */
    enum Kind { INTEGER, UNSIGNED, COUNTER32, TIMETICKS, COUNTER64, IPADDR, OBJECTID, OCTETS, HEX, DECIMAL, NULL,
        OPAQUE, FLOAT, DOUBLE, INT64, UINT64 }

    /**
     * @param name the OID as the caller wrote it, for messages
     * @throws SnmpUndeterminedTypeException when neither the MIB nor {@code snmpType} gives a type
     * @throws IllegalArgumentException when the value does not convert to the type
     */
    public static Variable convert(String name, Object value, String snmpType, MibNode node, MibTree tree) {
        Kind mib = node != null ? fromMib(node) : null;
        Kind given = snmpType == null || snmpType.isEmpty() ? null : fromSnmpType(snmpType);
        // the MIB's type wins (as in easysnmp); hex and decimal notations still spell an OCTET STRING
        Kind kind = mib == null ? given
                : mib == Kind.OCTETS && (given == Kind.HEX || given == Kind.DECIMAL) ? given : mib;
        if (kind == null) {
            throw new SnmpUndeterminedTypeException("could not determine the type of " + name
                    + ": the MIB does not define it; give snmp_type");
        }
        return build(kind, name, value, node, tree);
    }

    static Kind fromMib(MibNode node) {
        String base = node.baseType();
        if (base == null) {
            return null;
        }
        switch (base) {
            case "INTEGER":
            case "Integer32":
                return Kind.INTEGER;
            case "Unsigned32":
            case "Gauge32":
                return Kind.UNSIGNED;
            case "Counter32":
                return Kind.COUNTER32;
            case "TimeTicks":
                return Kind.TIMETICKS;
            case "Counter64":
                return Kind.COUNTER64;
            case "IpAddress":
            case "NetworkAddress":
                return Kind.IPADDR;
            case "OBJECT IDENTIFIER":
                return Kind.OBJECTID;
            case "OCTET STRING":
            case "BITS":
                return Kind.OCTETS;
            case "Opaque":
                return Kind.OPAQUE;
            default:
                return null;
        }
    }

    static Kind fromSnmpType(String t) {
        switch (t.length() == 1 ? t : t.toUpperCase(Locale.ROOT)) {
            case "i": case "INTEGER": case "INTEGER32":
                return Kind.INTEGER;
            case "u": case "UNSIGNED32": case "GAUGE": case "UINTEGER":
                return Kind.UNSIGNED;
            case "c": case "COUNTER":
                return Kind.COUNTER32;
            case "t": case "TICKS": case "TIMETICKS":
                return Kind.TIMETICKS;
            case "C": case "COUNTER64":
                return Kind.COUNTER64;
            case "a": case "IPADDR": case "NETADDR":
                return Kind.IPADDR;
            case "o": case "OBJECTID":
                return Kind.OBJECTID;
            case "s": case "OCTETSTR": case "BITS": case "b":
                return Kind.OCTETS;
            case "x":
                return Kind.HEX;
            case "d":
                return Kind.DECIMAL;
            case "n": case "NULL":
                return Kind.NULL;
            case "OPAQUE":
                return Kind.OPAQUE;
            case "F":
                return Kind.FLOAT;
            case "D":
                return Kind.DOUBLE;
            case "I":
                return Kind.INT64;
            case "U":
                return Kind.UINT64;
            default:
                throw new IllegalArgumentException("unknown snmp_type '" + t + "'");
        }
    }

    private static Variable build(Kind kind, String name, Object value, MibNode node, MibTree tree) {
        switch (kind) {
            case INTEGER: {
                long v = integer(name, value, node);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + ": " + value + " is outside Integer32");
                }
                return Variable.integer((int) v);
            }
            case UNSIGNED:
                return Variable.gauge32(unsigned32(name, value, node));
            case COUNTER32:
                return Variable.counter32(unsigned32(name, value, node));
            case TIMETICKS:
                return Variable.timeTicks(unsigned32(name, value, node));
            case COUNTER64:
                return Variable.counter64(unsigned64(name, value));
            case UINT64:
                return Variable.opaqueUInt64(unsigned64(name, value));
            case INT64:
                return Variable.opaqueInt64(integer(name, value, null));
            case FLOAT:
                return Variable.opaqueFloat((float) real(name, value));
            case DOUBLE:
                return Variable.opaqueDouble(real(name, value));
            case IPADDR:
                return Variable.ipAddress(ipv4(name, value));
            case OBJECTID:
                return Variable.objectId(oid(name, value, tree));
            case NULL:
                return Variable.nullValue();
            case HEX:
                return Variable.octetString(hex(name, value));
            case DECIMAL:
                return Variable.octetString(decimal(name, value));
            case OPAQUE:
                return Variable.opaque(octets(value));
            default:
                return Variable.octetString(octets(value));
        }
    }

    private static byte[] octets(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        return Variable.textBytes(String.valueOf(value));
    }

    private static long integer(String name, Object value, MibNode node) {
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)
                && !(value instanceof java.math.BigDecimal)) {
            return n.longValue();
        }
        String s = String.valueOf(value).trim();
        if (node != null) {
            Long e = node.enumValue(s);
            if (e != null) {
                return e;
            }
        }
        Long v = strtol(s);
        if (v == null) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a number"
                    + (node != null && !node.enums().isEmpty() ? " nor one of " + node.enums().values() : ""));
        }
        return v;
    }

    private static long unsigned32(String name, Object value, MibNode node) {
        long v = integer(name, value, node);
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(name + ": " + value + " is outside 0..4294967295");
        }
        return v;
    }

    private static long unsigned64(String name, Object value) {
        BigInteger b;
        try {
            b = value instanceof BigInteger bi ? bi : new BigInteger(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            Long v = strtol(String.valueOf(value).trim());
            if (v == null) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
            }
            b = BigInteger.valueOf(v);
        }
        if (b.signum() < 0 || b.bitLength() > 64) {
            throw new IllegalArgumentException(name + ": " + value + " is outside 0..18446744073709551615");
        }
        return b.longValue();
    }

    private static double real(String name, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
        }
    }

    /** Whether {@code s} is a whole number as C's strtol(s, 0) reads one (decimal, 0x hex, leading-0 octal). */
    public static boolean isInteger(String s) {
        return integer(s) != null;
    }

    /** {@code s} as C's strtol(s, 0) reads a whole number, or null when it is none. */
    public static Long integer(String s) {
        return strtol(s.trim());
    }

    /** C's strtol(s, 0) on the whole string: decimal, 0x hex, leading-0 octal; null if it is not all a number. */
    static Long strtol(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.length() > i + 1 && s.charAt(i) == '0') {
            radix = 8;
            i += 1;
        }
        if (i >= s.length()) {
            return radix == 8 ? 0L : null;
        }
        try {
            String digits = s.substring(i);
            if (digits.startsWith("-") || digits.startsWith("+")) {
                return null;
            }
            // the sign parsed with the digits: -9223372036854775808 has no positive counterpart
            return Long.parseLong(neg ? "-" + digits : digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] ipv4(String name, Object value) {
        if (value instanceof Inet4Address a) {
            return a.getAddress();
        }
        if (value instanceof InetAddress) {
            throw new IllegalArgumentException(name + ": IpAddress is IPv4 only, not " + value);
        }
        if (value instanceof byte[] b && b.length == 4) {
            return b;
        }
        String[] parts = String.valueOf(value).trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not an IPv4 address");
        }
        byte[] out = new byte[4];
        for (int k = 0; k < 4; k++) {
            try {
                int n = Integer.parseInt(parts[k]);
                if (n < 0 || n > 255) {
                    throw new NumberFormatException();
                }
                out[k] = (byte) n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not an IPv4 address");
            }
        }
        return out;
    }

    private static Oid oid(String name, Object value, MibTree tree) {
        String s = String.valueOf(value).trim();
        try {
            return Oid.parse(s);
        } catch (IllegalArgumentException notNumeric) {
            if (tree == null) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not an OID");
            }
            try {
                return Oid.of(tree.resolve(s, 0).oid());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not an OID the MIBs know");
            }
        }
    }

    private static byte[] hex(String name, Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        String s = String.valueOf(value).replaceAll("[\\s:]", "");
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.length() % 2 != 0 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a hex string");
        }
        return java.util.HexFormat.of().parseHex(s);
    }

    private static byte[] decimal(String name, Object value) {
        String[] parts = String.valueOf(value).trim().split("[.\\s]+");
        byte[] out = new byte[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                int n = Integer.parseInt(parts[k]);
                if (n < 0 || n > 255) {
                    throw new NumberFormatException();
                }
                out[k] = (byte) n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a decimal octet string");
            }
        }
        return out;
    }

}
