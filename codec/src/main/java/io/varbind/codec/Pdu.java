package io.varbind.codec;

import java.util.List;

/**
 * Every PDU but the v1 Trap-PDU (RFC 3416 section 3): the type tag, request id, error status and
 * index (non-repeaters and max-repetitions for GetBulk) and the varbinds. Immutable.
 */
public final class Pdu {
    private final int type;
    private final int requestId;
    private final int errorStatus;
    private final int errorIndex;
    private volatile List<VarBind> varBinds;
    // a PDU decoded with its varbinds deferred: the validated variable-bindings SEQUENCE in the
    // message's buffer, read by a VarBindCursor or materialised on the first varBinds() call
    private final byte[] encoded;
    private final int encodedOff;
    private final int encodedEnd;

    public Pdu(int type, int requestId, int errorStatus, int errorIndex, List<VarBind> varBinds) {
        if (!BerTags.isPdu(type) || type == BerTags.TRAP_V1) {
            throw new IllegalArgumentException("not a PDU type for Pdu: " + BerTags.name(type));
        }
        this.type = type;
        this.requestId = requestId;
        this.errorStatus = errorStatus;
        this.errorIndex = errorIndex;
        this.varBinds = List.copyOf(varBinds);
        this.encoded = null;
        this.encodedOff = 0;
        this.encodedEnd = 0;
    }

    /** The decoder's constructor: {@code owned} is a fresh list nobody else holds, so it is wrapped, not copied. */
    Pdu(int type, int requestId, int errorStatus, int errorIndex, java.util.ArrayList<VarBind> owned) {
        this.type = type;
        this.requestId = requestId;
        this.errorStatus = errorStatus;
        this.errorIndex = errorIndex;
        this.varBinds = java.util.Collections.unmodifiableList(owned);
        this.encoded = null;
        this.encodedOff = 0;
        this.encodedEnd = 0;
    }

    /**
     * The decoder's deferred constructor: the variable-bindings SEQUENCE at {@code off} (already
     * validated, ending at {@code end}) stays in {@code buf} until asked for.
     */
    Pdu(int type, int requestId, int errorStatus, int errorIndex, byte[] buf, int off, int end) {
        this.type = type;
        this.requestId = requestId;
        this.errorStatus = errorStatus;
        this.errorIndex = errorIndex;
        this.encoded = buf;
        this.encodedOff = off;
        this.encodedEnd = end;
    }

    /** Whether the varbinds are still in the received message's octets (see {@link VarBindCursor#reset(Pdu)}). */
    public boolean isDeferred() {
        return encoded != null;
    }

    byte[] encoded() {
        return encoded;
    }

    int encodedOffset() {
        return encodedOff;
    }

    int encodedEnd() {
        return encodedEnd;
    }

    /** A request of {@code type} for {@code oids} with NULL values. */
    public static Pdu request(int type, List<Oid> oids) {
        VarBind[] vbs = new VarBind[oids.size()];
        for (int i = 0; i < vbs.length; i++) {
            vbs[i] = VarBind.ofNull(oids.get(i));
        }
        return new Pdu(type, 0, 0, 0, List.of(vbs));
    }

    /** A GetBulkRequest (RFC 3416 section 4.2.3). */
    public static Pdu getBulk(int nonRepeaters, int maxRepetitions, List<Oid> oids) {
        Pdu p = request(BerTags.GETBULK, oids);
        return new Pdu(BerTags.GETBULK, 0, nonRepeaters, maxRepetitions, p.varBinds());
    }

    public int type() {
        return type;
    }

    public int requestId() {
        return requestId;
    }

    public int errorStatus() {
        return errorStatus;
    }

    public int errorIndex() {
        return errorIndex;
    }

    /** GetBulk's name for the error-status field. */
    public int nonRepeaters() {
        return errorStatus;
    }

    /** GetBulk's name for the error-index field. */
    public int maxRepetitions() {
        return errorIndex;
    }

    /** The varbinds; a deferred PDU decodes them on the first call (validated when it was decoded). */
    public List<VarBind> varBinds() {
        List<VarBind> v = varBinds;
        if (v == null) {
            v = java.util.Collections.unmodifiableList(
                    SnmpMessageDecoder.varBinds(new BerReader(encoded, encodedOff), encodedEnd));
            varBinds = v;
        }
        return v;
    }

    public Pdu withRequestId(int id) {
        return id == requestId ? this : new Pdu(type, id, errorStatus, errorIndex, varBinds());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdu p && p.type == type && p.requestId == requestId && p.errorStatus == errorStatus
                && p.errorIndex == errorIndex && p.varBinds().equals(varBinds());
    }

    @Override
    public int hashCode() {
        return ((type * 31 + requestId) * 31 + errorStatus) * 31 + errorIndex + varBinds().hashCode();
    }

    @Override
    public String toString() {
        return BerTags.name(type) + "[id=" + requestId + ", status=" + errorStatus + ", index=" + errorIndex + ", "
                + varBinds() + "]";
    }
}
