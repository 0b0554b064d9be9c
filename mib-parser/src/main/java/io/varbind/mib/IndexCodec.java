package io.varbind.mib;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Table index values to and from an instance suffix (RFC 2578 section 7.7): integers one
 * sub-identifier, IpAddress four, fixed-size strings their octets, variable strings and object
 * identifiers length-prefixed unless IMPLIED and last. Renders suffixes as Net-SNMP prints them.
 */
public final class IndexCodec {
    private IndexCodec() { }

    /** How one index value is carried in the suffix. */
    public enum IndexKind { INTEGER, UNSIGNED, IP_ADDRESS, FIXED_STRING, STRING, IMPLIED_STRING, OID, IMPLIED_OID }

    /**
     * One decoded index value: {@code Long} for integers, {@code byte[]} for strings and IpAddress,
     * {@code int[]} for object identifiers.
     */
    public record IndexValue(String name, MibNode object, IndexKind kind, Object value) {
        /** The enumeration label of an integer index, or null. */
        public String label() {
            return object != null && value instanceof Long l ? object.enums().get(l) : null;
        }
    }

    /** The INDEX objects of the row a column or row belongs to (following AUGMENTS); empty when none. */
    public static List<MibNode> indexObjects(MibTree tree, MibNode node) {
        MibNode row = node;
        if (row != null && "column".equals(row.nodeType())) {
            row = row.parent();
        }
        if (row == null || !"row".equals(row.nodeType())) {
            return List.of();
        }
        for (int hop = 0; hop < 8 && row.augments() != null && row.index().isEmpty(); hop++) {
            MibNode target = find(tree, row, row.augments());
            if (target == null) {
                return List.of();
            }
            row = target;
        }
        List<MibNode> out = new ArrayList<>();
        for (String name : row.index()) {
            out.add(find(tree, row, name)); // may be null: an SMIv1 type name such as INTEGER
        }
        return out;
    }

    private static MibNode row(MibTree tree, MibNode node) {
        MibNode row = "column".equals(node.nodeType()) ? node.parent() : node;
        for (int hop = 0; row != null && hop < 8 && row.augments() != null && row.index().isEmpty(); hop++) {
            row = find(tree, row, row.augments());
        }
        return row;
    }

    private static MibNode find(MibTree tree, MibNode near, String name) {
        MibModule m = tree.module(near.module());
        MibNode n = m == null ? null : m.node(name);
        return n != null ? n : tree.node(name);
    }

    private static IndexKind kindOf(MibNode obj, String typeName, boolean impliedLast) {
        String base = obj != null ? obj.baseType() : ModuleResolver.baseName(typeName);
        if (base == null) {
            return null;
        }
        switch (base) {
            case "INTEGER":
            case "Integer32":
                return IndexKind.INTEGER;
            case "Unsigned32":
            case "Gauge32":
            case "Counter32":
            case "TimeTicks":
            case "Counter64":
                return IndexKind.UNSIGNED;
            case "IpAddress":
            case "NetworkAddress":
                return IndexKind.IP_ADDRESS;
            case "OBJECT IDENTIFIER":
                return impliedLast ? IndexKind.IMPLIED_OID : IndexKind.OID;
            case "OCTET STRING":
            case "BITS":
            case "Opaque":
                if (obj != null && obj.sizes().size() == 1 && obj.sizes().get(0)[0] == obj.sizes().get(0)[1]) {
                    return IndexKind.FIXED_STRING;
                }
                return impliedLast ? IndexKind.IMPLIED_STRING : IndexKind.STRING;
            default:
                return null;
        }
    }

    /**
     * Decodes oid[from..to) into the INDEX values of node's row; null when the suffix does not fit
     * the INDEX clause (too short, too long, or an octet above 255).
     */
    public static List<IndexValue> decode(MibTree tree, MibNode node, int[] oid, int from, int to) {
        MibNode row = node == null ? null : row(tree, node);
        if (row == null || row.index().isEmpty() || from >= to) {
            return null;
        }
        List<IndexValue> out = new ArrayList<>(row.index().size());
        int end = decodeInto(tree, row, oid, from, to, out);
        return end == to && out.size() == row.index().size() ? out : null;
    }

    /** Decodes as many index values as fit; returns the position after the last one decoded. */
    private static int decodeInto(MibTree tree, MibNode row, int[] oid, int from, int to, List<IndexValue> out) {
        List<String> names = row.index();
        int p = from;
        int mark = p;
        for (int i = 0; i < names.size(); i++, mark = p) {
            int r = decodeOne(tree, row, names, i, oid, p, to, out);
            if (r < 0) {
                return mark;
            }
            p = r;
        }
        return p;
    }

    private static int decodeOne(MibTree tree, MibNode row, List<String> names, int i, int[] oid, int p, int to,
                                 List<IndexValue> out) {
        {
            String name = names.get(i);
            MibNode obj = find(tree, row, name);
            boolean impliedLast = row.implied() && i == names.size() - 1;
            IndexKind k = kindOf(obj, name, impliedLast);
            if (k == null || p >= to && k != IndexKind.IMPLIED_STRING && k != IndexKind.IMPLIED_OID) {
                return -1;
            }
            switch (k) {
                case INTEGER -> {
                    if (p >= to) {
                        return -1;
                    }
                    out.add(new IndexValue(name, obj, k, (long) oid[p++]));
                }
                case UNSIGNED -> {
                    if (p >= to) {
                        return -1;
                    }
                    out.add(new IndexValue(name, obj, k, oid[p++] & 0xffffffffL));
                }
                case IP_ADDRESS, FIXED_STRING -> {
                    int len = k == IndexKind.IP_ADDRESS ? 4 : (int) obj.sizes().get(0)[0];
                    byte[] b = octets(oid, p, len, to);
                    if (b == null) {
                        return -1;
                    }
                    p += len;
                    out.add(new IndexValue(name, obj, k, b));
                }
                case STRING, OID -> {
                    if (p >= to) {
                        return -1;
                    }
                    long len = oid[p++] & 0xffffffffL;
                    if (len > to - p) {
                        return -1;
                    }
                    Object v = k == IndexKind.STRING ? octets(oid, p, (int) len, to) : Arrays.copyOfRange(oid, p, p + (int) len);
                    if (v == null) {
                        return -1;
                    }
                    p += (int) len;
                    out.add(new IndexValue(name, obj, k, v));
                }
                case IMPLIED_STRING -> {
                    byte[] b = octets(oid, p, to - p, to);
                    if (b == null) {
                        return -1;
                    }
                    p = to;
                    out.add(new IndexValue(name, obj, k, b));
                }
                case IMPLIED_OID -> {
                    out.add(new IndexValue(name, obj, k, Arrays.copyOfRange(oid, p, to)));
                    p = to;
                }
                default -> {
                    return -1;
                }
            }
        }
        return p;
    }

    private static byte[] octets(int[] oid, int p, int len, int to) {
        if (len < 0 || len > to - p) {
            return null;
        }
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            int v = oid[p + i];
            if (v < 0 || v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    /**
     * Encodes index values for node's row. Each value may be a Number, an enumeration label, a
     * String or byte[] (strings, IpAddress as 4 bytes or dotted text), or an int[] / dotted String (OIDs).
     *
     * @throws IllegalArgumentException when a value does not fit its index object
     */
    public static int[] encode(MibTree tree, MibNode node, List<?> values) {
        MibNode row = node == null ? null : row(tree, node);
        if (row == null || row.index().isEmpty()) {
            throw new IllegalArgumentException(node + " is not a table row or column");
        }
        List<String> names = row.index();
        if (values.size() != names.size()) {
            throw new IllegalArgumentException(row.name() + " has " + names.size() + " index objects, got " + values.size());
        }
        int[] out = new int[16];
        int len = 0;
        for (int i = 0; i < names.size(); i++) {
            MibNode obj = find(tree, row, names.get(i));
            IndexKind k = kindOf(obj, names.get(i), row.implied() && i == names.size() - 1);
            Object v = values.get(i);
            int[] arcs;
            if (k == null) {
                throw new IllegalArgumentException("index " + names.get(i) + " has no known syntax");
            }
            switch (k) {
                case INTEGER, UNSIGNED -> {
                    long x;
                    if (v instanceof Number num) {
                        x = num.longValue();
                    } else {
                        Long e = obj == null ? null : obj.enumValue(String.valueOf(v));
                        x = e != null ? e : Long.decode(String.valueOf(v));
                    }
                    arcs = new int[] {(int) x};
                }
                case IP_ADDRESS -> {
                    byte[] b = v instanceof byte[] bb ? bb : ipv4(String.valueOf(v));
                    if (b.length != 4) {
                        throw new IllegalArgumentException("IpAddress index needs 4 octets");
                    }
                    arcs = unsigned(b, false);
                }
                case FIXED_STRING, STRING, IMPLIED_STRING -> {
                    byte[] b = v instanceof byte[] bb ? bb : String.valueOf(v).getBytes(StandardCharsets.ISO_8859_1);
                    if (k == IndexKind.FIXED_STRING && b.length != obj.sizes().get(0)[0]) {
                        throw new IllegalArgumentException(names.get(i) + " needs exactly " + obj.sizes().get(0)[0] + " octets");
                    }
                    arcs = unsigned(b, k == IndexKind.STRING);
                }
                default -> {
                    int[] o = v instanceof int[] ia ? ia : OidFormat.parseNumeric(String.valueOf(v));
                    if (k == IndexKind.OID) {
                        arcs = new int[o.length + 1];
                        arcs[0] = o.length;
                        System.arraycopy(o, 0, arcs, 1, o.length);
                    } else {
                        arcs = o;
                    }
                }
            }
            if (len + arcs.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, len + arcs.length));
            }
            System.arraycopy(arcs, 0, out, len, arcs.length);
            len += arcs.length;
        }
        return Arrays.copyOf(out, len);
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static int[] unsigned(byte[] b, boolean lengthPrefix) {
        int off = lengthPrefix ? 1 : 0;
        int[] a = new int[b.length + off];
        if (lengthPrefix) {
            a[0] = b.length;
        }
        for (int i = 0; i < b.length; i++) {
            a[i + off] = b[i] & 0xff;
        }
        return a;
    }

    /**
     * The suffix oid[from..to) as Net-SNMP prints it after a name: {@code .1}, {@code ."hello"},
     * {@code .127.0.0.1}, {@code .'implied'}; plain dotted numbers when it does not fit the INDEX.
     */
    public static String render(MibTree tree, MibNode node, int[] oid, int from, int to) {
        return render(tree, node, oid, from, to, null);
    }

    /**
     * How Net-SNMP's extended index format ({@code -OX}) prints what only the caller can: an octet
     * string index whose object has a DISPLAY-HINT (as a value, {@code STRING: hello}) and an
     * OBJECT IDENTIFIER index (as a name in the output style).
     */
    public interface ExtendedIndex {
        /** An octet string index value of {@code object}, which has a DISPLAY-HINT. */
        String hintedString(MibNode object, byte[] value);

        /** An OBJECT IDENTIFIER index value. */
        String oid(int[] arcs);
    }

    /**
     * The suffix oid[from..to) in Net-SNMP's extended index format ({@code -OX}): each INDEX
     * component in brackets, no dot before it ({@code [1]}, {@code ["127.0.0.1"]},
     * {@code [STRING: hello]}, {@code [ipv4]}); what does not fit the INDEX follows as dotted numbers.
     */
    public static String renderExtended(MibTree tree, MibNode node, int[] oid, int from, int to, ExtendedIndex ext) {
        return render(tree, node, oid, from, to, ext);
    }

    private static String render(MibTree tree, MibNode node, int[] oid, int from, int to, ExtendedIndex ext) {
        if (from >= to) {
            return "";
        }
        MibNode row = node == null ? null : row(tree, node);
        List<IndexValue> vals = new ArrayList<>();
        int end = row == null || row.index().isEmpty() ? from : decodeInto(tree, row, oid, from, to, vals);
        StringBuilder sb = new StringBuilder();
        long addressType = -1; // the last InetAddressType index value, which types the InetAddress after it
        for (IndexValue v : vals) {
            sb.append(ext == null ? "." : "[");
            if (v.kind() == IndexKind.STRING && tcIs(v.object(), "InetAddress")
                    && appendInetAddress(sb, addressType, (byte[]) v.value())) {
                if (ext != null) {
                    sb.append(']');
                }
                continue;
            }
            if (ext != null && v.object() != null && v.value() instanceof byte[] b && v.kind() != IndexKind.IP_ADDRESS
                    && v.object().hint() != null) {
                sb.append(ext.hintedString(v.object(), b)).append(']');
                continue;
            }
            if (ext != null && v.value() instanceof int[] o) {
                sb.append(ext.oid(o)).append(']');
                continue;
            }
            switch (v.kind()) {
                case INTEGER, UNSIGNED -> {
                    String label = v.label();
                    sb.append(label != null ? label : String.valueOf(v.value()));
                    if (tcIs(v.object(), "InetAddressType")) {
                        addressType = (Long) v.value();
                    }
                }
                case IP_ADDRESS -> {
                    byte[] b = (byte[]) v.value();
                    sb.append(b[0] & 0xff).append('.').append(b[1] & 0xff).append('.').append(b[2] & 0xff)
                            .append('.').append(b[3] & 0xff);
                }
                case FIXED_STRING, STRING, IMPLIED_STRING -> {
                    // as Net-SNMP's dump_realloc_oid_to_string: one character per octet, '.' for the unprintable
                    char q = v.kind() == IndexKind.IMPLIED_STRING ? '\'' : '"';
                    sb.append(q);
                    for (byte x : (byte[]) v.value()) {
                        int c = x & 0xff;
                        sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
                    }
                    sb.append(q);
                }
                default -> {
                    int[] o = (int[]) v.value();
                    if (v.kind() == IndexKind.OID) {
                        sb.append(o.length).append(o.length > 0 ? "." : "");
                    }
                    sb.append(OidFormat.numeric(o, o.length));
                }
            }
            if (ext != null) {
                sb.append(']');
            }
        }
        for (int i = end; i < to; i++) {
            sb.append('.').append(Integer.toUnsignedString(oid[i]));
        }
        return sb.toString();
    }

    /** Whether the object's syntax is the named textual convention itself (any module), as Net-SNMP checks. */
    private static boolean tcIs(MibNode object, String name) {
        String tc = object == null ? null : object.tc();
        return tc != null && (tc.equals(name) || tc.endsWith("::" + name));
    }

    /**
     * An InetAddress index after an InetAddressType one, as Net-SNMP's
     * dump_realloc_oid_to_inetaddress prints it: ipv4(1) {@code "192.0.2.1"}, ipv6(2) sixteen
     * two-digit hex octets joined by colons, ipv4z(3) and ipv6z(4) the same with {@code %zone}
     * (RFC 4001 section 3: the zone index is the last four octets, network order). False, leaving the
     * plain string form, for any other type or a length that does not fit the type.
     */
    private static boolean appendInetAddress(StringBuilder sb, long type, byte[] b) {
        int addressLength = type == 1 || type == 3 ? 4 : type == 2 || type == 4 ? 16 : -1;
        boolean zoned = type == 3 || type == 4;
        if (addressLength < 0 || b.length != addressLength + (zoned ? 4 : 0)) {
            return false;
        }
        sb.append('"');
        for (int i = 0; i < addressLength; i++) {
            int o = b[i] & 0xff;
            if (addressLength == 4) {
                sb.append(i > 0 ? "." : "").append(o);
            } else {
                sb.append(i > 0 ? ":" : "").append(Character.forDigit(o >> 4, 16)).append(Character.forDigit(o & 15, 16));
            }
        }
        if (zoned) {
            long zone = 0;
            for (int i = addressLength; i < b.length; i++) {
                zone = zone << 8 | (b[i] & 0xff);
            }
            sb.append('%').append(zone);
        }
        sb.append('"');
        return true;
    }
}
