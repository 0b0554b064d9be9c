package io.varbind;

import io.varbind.session.PyRepr;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One variable binding as easysnmp's {@code SNMPVariable} holds it: the object name ({@link #oid()}),
 * its instance suffix ({@link #oidIndex()}), the value as a string and easysnmp's type name.
 * Immutable; {@link #valueBytes()} keeps the raw octets of an octet string.
 */
public final class SnmpVariable {


    private final String oid;
    private final String oidIndex;
    private final String value;
    private final String snmpType;
    private final byte[] valueBytes;

    /**
     * easysnmp's constructor. A null {@code oidIndex} splits the index off {@code oid}
     * ({@code "sysDescr.0"} gives {@code sysDescr} and {@code 0}); the value is kept as its
     * string form (a {@code byte[]} one byte per character, ISO-8859-1; an {@link InetAddress}
     * as its address text).
     */
    public SnmpVariable(String oid, String oidIndex, Object value, String snmpType) {
        if (oidIndex == null && oid != null) {
            String[] split = io.varbind.session.RequestNames.split(oid);
            if (split[1] != null) {
                oidIndex = split[1];
                oid = split[0];
            }
        }
        this.oid = oid;
        this.oidIndex = oidIndex;
        this.snmpType = snmpType;
        if (value instanceof byte[] b) {
            this.valueBytes = b.clone();
            this.value = new String(b, StandardCharsets.ISO_8859_1);
        } else {
            this.value = stringOf(value);
            this.valueBytes = this.value == null ? null : textBytes(this.value);
        }
    }

    /** A received variable: the value string and the raw octets it came from. */
    SnmpVariable(String oid, String oidIndex, String value, String snmpType, byte[] rawBytes) {
        this.oid = oid;
        this.oidIndex = oidIndex;
        this.value = value;
        this.snmpType = snmpType;
        this.valueBytes = rawBytes;
    }

    /** For internal use by the session: a received variable keeping the raw octets (not copied). */
    public static SnmpVariable received(String oid, String oidIndex, String value, String snmpType, byte[] raw) {
        return new SnmpVariable(oid, oidIndex, value, snmpType, raw);
    }

    /** A variable to set, its type taken from the MIB: easysnmp's tuple {@code (oid, value)}. */
    public static SnmpVariable of(String oid, Object value) {
        return new SnmpVariable(oid, null, value, null);
    }

    /** A variable to set with an explicit type: easysnmp's tuple {@code (oid, value, snmp_type)}. */
    public static SnmpVariable of(String oid, Object value, String snmpType) {
        return new SnmpVariable(oid, null, value, snmpType);
    }

    private static String stringOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof InetAddress a) {
            return a.getHostAddress();
        }
        return value.toString();
    }

    /** ISO-8859-1 when every character fits, else UTF-8 (API.md). */
    static byte[] textBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public String oid() {
        return oid;
    }

    public String oidIndex() {
        return oidIndex;
    }

    public String value() {
        return value;
    }

    public String snmpType() {
        return snmpType;
    }

    /**
     * The raw octets of the value: for a received octet string, IpAddress or Opaque exactly the
     * bytes on the wire; otherwise the value string's bytes (ISO-8859-1 when every character fits,
     * else UTF-8). Null when the value is null. A fresh copy each call.
     */
    public byte[] valueBytes() {
        return valueBytes == null ? null : valueBytes.clone();
    }

    /** {@code oid} and {@code oidIndex} joined as easysnmp sends them (a leading dot on the index accepted). */
    public String name() {
        if (oidIndex == null || oidIndex.isEmpty()) {
            return oid;
        }
        return oidIndex.startsWith(".") ? oid + oidIndex : oid + "." + oidIndex;
    }

    /** easysnmp's repr: {@code <SNMPVariable value='...' (oid='...', oid_index='...', snmp_type='...')>}. */
    @Override
    public String toString() {
        return "<SNMPVariable value=" + PyRepr.repr(PyRepr.stripNonPrintable(value))
                + " (oid=" + PyRepr.repr(oid)
                + ", oid_index=" + PyRepr.repr(oidIndex)
                + ", snmp_type=" + PyRepr.repr(snmpType) + ")>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnmpVariable v && Objects.equals(oid, v.oid) && Objects.equals(oidIndex, v.oidIndex)
                && Objects.equals(value, v.value) && Objects.equals(snmpType, v.snmpType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oid, oidIndex, value, snmpType);
    }
}
