package io.varbind.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One varbind value: immutable, tagged with its {@link BerTags} type. Decoded octet strings refer
 * to the decoded buffer without copying it ({@link #bytes()} hands out copies), so a buffer given
 * to {@link SnmpMessageDecoder} must not be reused while its values are in use.
 */
public final class Variable {
    private static final byte[] NO_BYTES = new byte[0];
    private static final Variable NULL = new Variable(BerTags.NULL, OpaqueKind.NONE, 0, null, 0, 0, null);
    private static final Variable NO_SUCH_OBJECT =
            new Variable(BerTags.NO_SUCH_OBJECT, OpaqueKind.NONE, 0, null, 0, 0, null);
    private static final Variable NO_SUCH_INSTANCE =
            new Variable(BerTags.NO_SUCH_INSTANCE, OpaqueKind.NONE, 0, null, 0, 0, null);
    private static final Variable END_OF_MIB_VIEW =
            new Variable(BerTags.END_OF_MIB_VIEW, OpaqueKind.NONE, 0, null, 0, 0, null);

    /** Net-SNMP's opaque extension: first octet of the inner tag. */
    static final int OPAQUE_TAG1 = 0x9F;
    static final int OPAQUE_COUNTER64 = 0x76;
    static final int OPAQUE_FLOAT = 0x78;
    static final int OPAQUE_DOUBLE = 0x79;
    static final int OPAQUE_INT64 = 0x7A;
    static final int OPAQUE_UINT64 = 0x7B;

    private final int tag;
    private final OpaqueKind opaqueKind;
    /** Integer types: the value (Counter64 as raw bits); float/double opaques: the raw bits. */
    private final long num;
    private final byte[] data;
    private final int dataOff;
    private final int dataLen;
    private final Oid oid;

    Variable(int tag, OpaqueKind opaqueKind, long num, byte[] data, int dataOff, int dataLen, Oid oid) {
        this.tag = tag;
        this.opaqueKind = opaqueKind;
        this.num = num;
        this.data = data;
        this.dataOff = dataOff;
        this.dataLen = dataLen;
        this.oid = oid;
    }

    /**
     * INTEGERs 0 to 255, made once: enumerations, statuses and indexes are nearly always among
     * them, and a receiver decodes them again with every message (a Variable is immutable).
     */
    private static final Variable[] SMALL_INTEGERS = new Variable[256];

    static {
        for (int i = 0; i < SMALL_INTEGERS.length; i++) {
            SMALL_INTEGERS[i] = new Variable(BerTags.INTEGER, OpaqueKind.NONE, i, null, 0, 0, null);
        }
    }

    public static Variable integer(int value) {
        return integer64(value);
    }

    /** An INTEGER outside Integer32's range, as some agents send (decoded up to 64 bits). */
    public static Variable integer64(long value) {
        if (value >= 0 && value < SMALL_INTEGERS.length) {
            return SMALL_INTEGERS[(int) value];
        }
        return new Variable(BerTags.INTEGER, OpaqueKind.NONE, value, null, 0, 0, null);
    }

    public static Variable octetString(byte[] value) {
        byte[] copy = value.clone();
        return new Variable(BerTags.OCTET_STRING, OpaqueKind.NONE, 0, copy, 0, copy.length, null);
    }

    /** ISO-8859-1 when every character fits in it, else UTF-8. */
    public static Variable octetString(String value) {
        byte[] own = textBytes(value); // a fresh array nobody else holds: not copied again
        return new Variable(BerTags.OCTET_STRING, OpaqueKind.NONE, 0, own, 0, own.length, null);
    }

    /** The octets {@code octetString(String)} sends for {@code s}. */
    public static byte[] textBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static Variable nullValue() {
        return NULL;
    }

    public static Variable objectId(Oid value) {
        if (value == null) {
            throw new IllegalArgumentException("null OID");
        }
        return new Variable(BerTags.OBJECT_IDENTIFIER, OpaqueKind.NONE, 0, null, 0, 0, value);
    }

    public static Variable ipAddress(byte[] address) {
        if (address.length != 4) {
            throw new IllegalArgumentException("IpAddress needs 4 octets, got " + address.length);
        }
        byte[] copy = address.clone();
        return new Variable(BerTags.IP_ADDRESS, OpaqueKind.NONE, 0, copy, 0, 4, null);
    }

    public static Variable counter32(long value) {
        return unsigned(BerTags.COUNTER32, value);
    }

    public static Variable gauge32(long value) {
        return unsigned(BerTags.GAUGE32, value);
    }

    /** Unsigned32 shares Gauge32's tag (RFC 2578 section 7.1.11). */
    public static Variable unsigned32(long value) {
        return unsigned(BerTags.GAUGE32, value);
    }

    /** The obsolete UInteger32 tag (0x47) some SMIv1 agents still send. */
    public static Variable uinteger32(long value) {
        return unsigned(BerTags.UINTEGER32, value);
    }

    public static Variable timeTicks(long value) {
        return unsigned(BerTags.TIMETICKS, value);
    }

    /** Counter64 from its 64 bits (read as unsigned). */
    public static Variable counter64(long bits) {
        return new Variable(BerTags.COUNTER64, OpaqueKind.NONE, bits, null, 0, 0, null);
    }

    public static Variable opaque(byte[] value) {
        byte[] copy = value.clone();
        return new Variable(BerTags.OPAQUE, classifyOpaque(copy, 0, copy.length), opaqueNumber(copy, 0, copy.length),
                copy, 0, copy.length, null);
    }

    public static Variable opaqueFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        byte[] b = {(byte) OPAQUE_TAG1, (byte) OPAQUE_FLOAT, 4,
            (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        return new Variable(BerTags.OPAQUE, OpaqueKind.FLOAT, bits & 0xFFFFFFFFL, b, 0, b.length, null);
    }

    public static Variable opaqueDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        byte[] b = new byte[11];
        b[0] = (byte) OPAQUE_TAG1;
        b[1] = (byte) OPAQUE_DOUBLE;
        b[2] = 8;
        for (int i = 0; i < 8; i++) {
            b[3 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        return new Variable(BerTags.OPAQUE, OpaqueKind.DOUBLE, bits, b, 0, b.length, null);
    }

    public static Variable opaqueInt64(long value) {
        return opaqueInteger(OPAQUE_INT64, OpaqueKind.INT64, value, true);
    }

    public static Variable opaqueUInt64(long bits) {
        return opaqueInteger(OPAQUE_UINT64, OpaqueKind.UINT64, bits, false);
    }

    public static Variable noSuchObject() {
        return NO_SUCH_OBJECT;
    }

    public static Variable noSuchInstance() {
        return NO_SUCH_INSTANCE;
    }

    public static Variable endOfMibView() {
        return END_OF_MIB_VIEW;
    }

    private static Variable unsigned(int tag, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(BerTags.name(tag) + " out of range 0..4294967295: " + value);
        }
        return new Variable(tag, OpaqueKind.NONE, value, null, 0, 0, null);
    }

    private static Variable opaqueInteger(int innerTag, OpaqueKind kind, long value, boolean signed) {
        int n = signed ? BerWriter.signedLength(value) : BerWriter.unsignedLength(value);
        byte[] b = new byte[3 + n];
        b[0] = (byte) OPAQUE_TAG1;
        b[1] = (byte) innerTag;
        b[2] = (byte) n;
        for (int i = 0; i < n; i++) {
            int shift = 8 * (n - 1 - i);
            b[3 + i] = shift >= 64 ? 0 : (byte) (value >>> shift);
        }
        return new Variable(BerTags.OPAQUE, kind, value, b, 0, b.length, null);
    }

    /** Recognises Net-SNMP's opaque-wrapped numbers; anything malformed stays plain octets. */
    static OpaqueKind classifyOpaque(byte[] b, int off, int len) {
        if (len < 3 || (b[off] & 0xFF) != OPAQUE_TAG1) {
            return OpaqueKind.NONE;
        }
        int inner = b[off + 1] & 0xFF;
        int n = b[off + 2] & 0xFF;
        if (n != len - 3) {
            return OpaqueKind.NONE;
        }
        switch (inner) {
            case OPAQUE_FLOAT:
                return n == 4 ? OpaqueKind.FLOAT : OpaqueKind.NONE;
            case OPAQUE_DOUBLE:
                return n == 8 ? OpaqueKind.DOUBLE : OpaqueKind.NONE;
            case OPAQUE_INT64:
                return n >= 1 && n <= 8 ? OpaqueKind.INT64 : OpaqueKind.NONE;
            case OPAQUE_UINT64:
                return n >= 1 && (n <= 8 || (n == 9 && b[off + 3] == 0)) ? OpaqueKind.UINT64 : OpaqueKind.NONE;
            case OPAQUE_COUNTER64:
                return n >= 1 && (n <= 8 || (n == 9 && b[off + 3] == 0)) ? OpaqueKind.COUNTER64 : OpaqueKind.NONE;
            default:
                return OpaqueKind.NONE;
        }
    }

    static long opaqueNumber(byte[] b, int off, int len) {
        OpaqueKind k = classifyOpaque(b, off, len);
        if (k == OpaqueKind.NONE) {
            return 0;
        }
        int n = len - 3;
        long v = (k == OpaqueKind.INT64 && b[off + 3] < 0) ? -1L : 0L;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[off + 3 + i] & 0xFF);
        }
        return v;
    }

    public int tag() {
        return tag;
    }

    /** Integer types: the value (Counter32 and friends as 0..2^32-1, Counter64 as raw bits). */
    public long longValue() {
        return num;
    }

    public int intValue() {
        return (int) num;
    }

    /** A copy of the octets of an OCTET STRING, IpAddress, Opaque or NsapAddress; empty otherwise. */
    public byte[] bytes() {
        if (data == null) {
            return NO_BYTES;
        }
        return Arrays.copyOfRange(data, dataOff, dataOff + dataLen);
    }

    /**
     * This value with octets of its own: decoded OCTET STRING, IpAddress, Opaque and NsapAddress
     * values refer to the decoder's input, so one that outlives the input buffer (a value an
     * agent stores from a SET) must be detached first. Values without octets are returned as is.
     */
    public Variable detached() {
        if (data == null) {
            return this;
        }
        return new Variable(tag, opaqueKind, num, bytes(), 0, dataLen, oid);
    }

    public int bytesLength() {
        return data == null ? 0 : dataLen;
    }

    /** Octet {@code i} of the value, without copying. */
    public int byteAt(int i) {
        if (data == null || i < 0 || i >= dataLen) {
            throw new IndexOutOfBoundsException("octet " + i + " of " + bytesLength());
        }
        return data[dataOff + i] & 0xFF;
    }

    /** The value of an OBJECT IDENTIFIER, else null. */
    public Oid oidValue() {
        return oid;
    }

    public OpaqueKind opaqueKind() {
        return opaqueKind;
    }

    public float floatValue() {
        return opaqueKind == OpaqueKind.FLOAT ? Float.intBitsToFloat((int) num) : (float) doubleValue();
    }

    public double doubleValue() {
        switch (opaqueKind) {
            case FLOAT:
                return Float.intBitsToFloat((int) num);
            case DOUBLE:
                return Double.longBitsToDouble(num);
            default:
                return num;
        }
    }

    /** noSuchObject, noSuchInstance or endOfMibView. */
    public boolean isException() {
        return tag == BerTags.NO_SUCH_OBJECT || tag == BerTags.NO_SUCH_INSTANCE || tag == BerTags.END_OF_MIB_VIEW;
    }

    // package access for the encoder
    byte[] rawData() {
        return data;
    }

    int rawOffset() {
        return dataOff;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Variable v) || v.tag != tag || v.num != num || v.opaqueKind != opaqueKind) {
            return false;
        }
        if (oid != null ? !oid.equals(v.oid) : v.oid != null) {
            return false;
        }
        if ((data == null) != (v.data == null)) {
            return false;
        }
        return data == null || Arrays.equals(data, dataOff, dataOff + dataLen, v.data, v.dataOff, v.dataOff + v.dataLen);
    }

    @Override
    public int hashCode() {
        int h = tag * 31 + Long.hashCode(num);
        if (oid != null) {
            h = h * 31 + oid.hashCode();
        }
        if (data != null) {
            for (int i = 0; i < dataLen; i++) {
                h = h * 31 + data[dataOff + i];
            }
        }
        return h;
    }

    /** Net-SNMP-like text for logs and tests: {@code Counter32: 5}, {@code STRING: "x"}. */
    @Override
    public String toString() {
        switch (tag) {
            case BerTags.INTEGER:
                return "INTEGER: " + num;
            case BerTags.OCTET_STRING:
                return "STRING: \"" + new String(data, dataOff, dataLen, StandardCharsets.ISO_8859_1) + "\"";
            case BerTags.NULL:
                return "NULL";
            case BerTags.OBJECT_IDENTIFIER:
                return "OID: ." + oid;
            case BerTags.IP_ADDRESS:
                return dataLen == 4 ? "IpAddress: " + byteAt(0) + "." + byteAt(1) + "." + byteAt(2) + "." + byteAt(3)
                        : "IpAddress: " + hex();
            case BerTags.COUNTER64:
                return "Counter64: " + Long.toUnsignedString(num);
            case BerTags.OPAQUE:
                switch (opaqueKind) {
                    case FLOAT:
                    case DOUBLE:
                        return "Opaque: " + opaqueKind + ": " + doubleValue();
                    case INT64:
                        return "Opaque: INT64: " + num;
                    case NONE:
                        return "Opaque: " + hex();
                    default:
                        return "Opaque: " + opaqueKind + ": " + Long.toUnsignedString(num);
                }
            case BerTags.NSAP_ADDRESS:
                return "NsapAddress: " + hex();
            default:
                if (isException()) {
                    return BerTags.name(tag);
                }
                return BerTags.name(tag) + ": " + num;
        }
    }

    private String hex() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dataLen; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", data[dataOff + i] & 0xFF));
        }
        return sb.toString();
    }
}
