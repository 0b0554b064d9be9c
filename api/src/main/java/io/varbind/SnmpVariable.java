package io.varbind;

import io.varbind.session.PyRepr;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One variable binding as easysnmp's {@code SNMPVariable} holds it: the object name ({@link #oid()}),
 * its instance suffix ({@link #oidIndex()}), the value as a string and easysnmp's type name.
 * Immutable; {@link #valueBytes()} keeps the raw octets of an octet string.
 */
public final class SnmpVariable {
    // Made by the caller (or from a decoded varbind): the strings are set by the constructor.
    // Received straight from an answer's octets ({@link #receivedLazily}): octets, at, end and
    // from say where the varbind is and how to format it, and each string is made on first use
    // and kept; a race makes it twice, equal both times (as String.hash is cached). Null strings
    // of a lazy variable are made again on each call, which gives the same null.
    private String oid;
    private String oidIndex;
    private String value;
    private final String snmpType;
    private final byte[] valueBytes;
    private final byte[] octets;
    private final int at;
    private final int end;
    private final io.varbind.session.ReceivedVariables.Format from;

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
        this.octets = null;
        this.at = 0;
        this.end = 0;
        this.from = null;
        VarHandle.releaseFence(); // the strings are plain fields: published as final ones would be
    }

    /** A received variable: the value string and the raw octets it came from. */
    SnmpVariable(String oid, String oidIndex, String value, String snmpType, byte[] rawBytes) {
        this.oid = oid;
        this.oidIndex = oidIndex;
        this.value = value;
        this.snmpType = snmpType;
        this.valueBytes = rawBytes;
        this.octets = null;
        this.at = 0;
        this.end = 0;
        this.from = null;
        VarHandle.releaseFence();
    }

    private SnmpVariable(byte[] octets, int at, int end, String snmpType,
            io.varbind.session.ReceivedVariables.Format from, String oid, String oidIndex) {
        this.oid = oid;
        this.oidIndex = oidIndex;
        this.octets = octets;
        this.at = at;
        this.end = end;
        this.snmpType = snmpType;
        this.from = from;
        this.valueBytes = null;
    }

    /**
     * For internal use by the session: a received variable kept as the varbind at
     * {@code octets[at, end)} (not copied: the answer's own buffer, never written again), its
     * strings made by {@code from} on first use.
     */
    public static SnmpVariable receivedLazily(byte[] octets, int at, int end, String snmpType,
            io.varbind.session.ReceivedVariables.Format from) {
        return receivedLazily(octets, at, end, snmpType, from, null, null);
    }

    /**
     * For internal use by the session: {@link #receivedLazily(byte[], int, int, String,
     * io.varbind.session.ReceivedVariables.Format)} with the name and index already made (null:
     * made on first use like the value).
     */
    public static SnmpVariable receivedLazily(byte[] octets, int at, int end, String snmpType,
            io.varbind.session.ReceivedVariables.Format from, String oid, String oidIndex) {
        return new SnmpVariable(java.util.Objects.requireNonNull(octets), at, end, snmpType,
                java.util.Objects.requireNonNull(from), oid, oidIndex);
    }

    /** String {@code which} of a lazy variable, made now (all three at once where one lookup serves them). */
    private String part(int which) {
        if (from.separateParts()) {
            return from.part(octets, at, end, which);
        }
        String[] s = from.strings(octets, at, end);
        oid = s[0];
        oidIndex = s[1];
        value = s[2];
        return s[which];
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
        String s = oid;
        if (s == null && from != null) {
            oid = s = part(io.varbind.session.ReceivedVariables.Format.OID);
        }
        return s;
    }

    public String oidIndex() {
        String s = oidIndex;
        if (s == null && from != null) {
            oidIndex = s = part(io.varbind.session.ReceivedVariables.Format.INDEX);
        }
        return s;
    }

    public String value() {
        String s = value;
        if (s == null && from != null) {
            value = s = part(io.varbind.session.ReceivedVariables.Format.VALUE);
        }
        return s;
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
        if (from != null) {
            return from.valueBytes(octets, at, end); // a fresh array
        }
        return valueBytes == null ? null : valueBytes.clone();
    }

    /** {@code oid} and {@code oidIndex} joined as easysnmp sends them (a leading dot on the index accepted). */
    public String name() {
        String oid = oid();
        String oidIndex = oidIndex();
        if (oidIndex == null || oidIndex.isEmpty()) {
            return oid;
        }
        return oidIndex.startsWith(".") ? oid + oidIndex : oid + "." + oidIndex;
    }

    /** easysnmp's repr: {@code <SNMPVariable value='...' (oid='...', oid_index='...', snmp_type='...')>}. */
    @Override
    public String toString() {
        return "<SNMPVariable value=" + PyRepr.repr(PyRepr.stripNonPrintable(value()))
                + " (oid=" + PyRepr.repr(oid())
                + ", oid_index=" + PyRepr.repr(oidIndex())
                + ", snmp_type=" + PyRepr.repr(snmpType) + ")>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnmpVariable v && Objects.equals(oid(), v.oid()) && Objects.equals(oidIndex(), v.oidIndex())
                && Objects.equals(value(), v.value()) && Objects.equals(snmpType, v.snmpType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oid(), oidIndex(), value(), snmpType);
    }
}
