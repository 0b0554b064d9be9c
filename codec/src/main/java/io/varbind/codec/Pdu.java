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
    private final List<VarBind> varBinds;

    public Pdu(int type, int requestId, int errorStatus, int errorIndex, List<VarBind> varBinds) {
        if (!BerTags.isPdu(type) || type == BerTags.TRAP_V1) {
            throw new IllegalArgumentException("not a PDU type for Pdu: " + BerTags.name(type));
        }
        this.type = type;
        this.requestId = requestId;
        this.errorStatus = errorStatus;
        this.errorIndex = errorIndex;
        this.varBinds = List.copyOf(varBinds);
    }

    /** The decoder's constructor: {@code owned} is a fresh list nobody else holds, so it is wrapped, not copied. */
    Pdu(int type, int requestId, int errorStatus, int errorIndex, java.util.ArrayList<VarBind> owned) {
        this.type = type;
        this.requestId = requestId;
        this.errorStatus = errorStatus;
        this.errorIndex = errorIndex;
        this.varBinds = java.util.Collections.unmodifiableList(owned);
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
        return new Pdu(BerTags.GETBULK, 0, nonRepeaters, maxRepetitions, p.varBinds);
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

    public List<VarBind> varBinds() {
        return varBinds;
    }

    public Pdu withRequestId(int id) {
        return id == requestId ? this : new Pdu(type, id, errorStatus, errorIndex, varBinds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdu p && p.type == type && p.requestId == requestId && p.errorStatus == errorStatus
                && p.errorIndex == errorIndex && p.varBinds.equals(varBinds);
    }

    @Override
    public int hashCode() {
        return ((type * 31 + requestId) * 31 + errorStatus) * 31 + errorIndex + varBinds.hashCode();
    }

    @Override
    public String toString() {
        return BerTags.name(type) + "[id=" + requestId + ", status=" + errorStatus + ", index=" + errorIndex + ", "
                + varBinds + "]";
    }
}
