package io.varbind.codec;

/**
 * A reusable, allocation-free reader of a message's varbinds for hot loops: {@link #reset}
 * parses the header, {@link #next()} steps to each varbind, and the accessors read its OID arcs
 * into a caller array and its value straight from the input. Errors are the decoder's
 * {@link BerDecodeException}s. Not thread-safe; keep one per thread.
 *
 * <pre>{@code
 * VarBindCursor c = new VarBindCursor();
 * int[] arcs = new int[Oid.MAX_ARCS];
 * c.reset(buf, 0, n);
 * while (c.next()) {
 *     int len = c.oid(arcs);
 *     long v = c.longValue(); // for integer types
 * }
 * }</pre>
 */
public final class VarBindCursor {
    private final BerReader r = new BerReader(null, 0);
    private int version;
    private int pduType;
    private int requestId;
    private int errorStatus;
    private int errorIndex;
    private int communityOff;
    private int communityLen;
    private int listEnd;
    private int index;
    private int oidOff;
    private int oidLen;
    private int oidArcs;
    private int valueTag;
    private int valueOff;
    private int valueLen;
    private int valueStart;
    private int varBindStart;

    /**
     * Positions the cursor on a v1/v2c message or a v3 message with a plaintext scoped PDU.
     *
     * @throws BerDecodeException when the header is malformed or the v3 PDU is encrypted
     */
    public VarBindCursor reset(byte[] buf, int off, int len) {
        int limit = SnmpMessageDecoder.checkRange(buf, off, len);
        r.reset(buf, off);
        int msgLen = r.expect(BerTags.SEQUENCE, limit, "message SEQUENCE");
        int end = r.pos + msgLen;
        int versionAt = r.pos;
        version = r.int32(end, "msgVersion");
        if (version == 0 || version == 1) {
            int c = r.expect(BerTags.OCTET_STRING, end, "community");
            communityOff = r.pos;
            communityLen = c;
            r.pos += c;
            pduHeader(end);
        } else if (version == 3) {
            int g = r.expect(BerTags.SEQUENCE, end, "msgGlobalData");
            r.pos += g;
            int s = r.expect(BerTags.OCTET_STRING, end, "msgSecurityParameters");
            r.pos += s;
            communityOff = -1;
            communityLen = 0;
            int at = r.pos;
            if (r.tag(end) != BerTags.SEQUENCE) {
                throw new BerDecodeException("encrypted scoped PDU: decrypt it and use resetScopedPdu", at);
            }
            r.pos = at;
            scopedHeader(end);
        } else {
            throw new BerDecodeException("unsupported SNMP version " + version, versionAt);
        }
        return this;
    }

    /** Positions the cursor on a (decrypted) scoped PDU. */
    public VarBindCursor resetScopedPdu(byte[] buf, int off, int len) {
        int limit = SnmpMessageDecoder.checkRange(buf, off, len);
        r.reset(buf, off);
        version = 3;
        communityOff = -1;
        communityLen = 0;
        scopedHeader(limit);
        return this;
    }

    /**
     * Positions the cursor on the varbinds of a deferred PDU ({@link Pdu#isDeferred()}, from
     * {@link SnmpMessageDecoder#decodeDeferred}), already validated: nothing is allocated. The
     * version and community are not known here ({@link #version()} is -1).
     *
     * @throws IllegalArgumentException when {@code pdu} is not deferred
     */
    public VarBindCursor reset(Pdu pdu) {
        if (!pdu.isDeferred()) {
            throw new IllegalArgumentException("the PDU's varbinds are not deferred");
        }
        r.reset(pdu.encoded(), pdu.encodedOffset());
        version = -1;
        communityOff = -1;
        communityLen = 0;
        pduType = pdu.type();
        requestId = pdu.requestId();
        errorStatus = pdu.errorStatus();
        errorIndex = pdu.errorIndex();
        int l = r.expect(BerTags.SEQUENCE, pdu.encodedEnd(), "variable-bindings SEQUENCE");
        listEnd = r.pos + l;
        index = -1;
        return this;
    }

    /**
     * Positions the cursor before the one varbind at {@code buf[off, end)} (a SEQUENCE this or
     * another cursor read before: {@link #varBindOffset()} and {@link #varBindEnd()}), so that
     * {@link #next()} reads it again. For values kept as their received octets and read later.
     */
    public VarBindCursor resetVarBind(byte[] buf, int off, int end) {
        r.reset(buf, off);
        version = -1;
        communityOff = -1;
        communityLen = 0;
        pduType = 0;
        requestId = 0;
        errorStatus = 0;
        errorIndex = 0;
        listEnd = end;
        index = -1;
        return this;
    }

    private void scopedHeader(int limit) {
        int len = r.expect(BerTags.SEQUENCE, limit, "ScopedPDU SEQUENCE");
        int end = r.pos + len;
        int engineLen = r.expect(BerTags.OCTET_STRING, end, "contextEngineID");
        r.pos += engineLen;
        int nameLen = r.expect(BerTags.OCTET_STRING, end, "contextName");
        r.pos += nameLen;
        pduHeader(end);
    }

    private void pduHeader(int limit) {
        int at = r.pos;
        pduType = r.tag(limit);
        if (!BerTags.isPdu(pduType) || pduType == BerTags.TRAP_V1) {
            throw new BerDecodeException("expected a PDU, found " + BerTags.name(pduType), at);
        }
        int len = r.length(limit);
        int end = r.pos + len;
        requestId = r.int32(end, "request-id");
        errorStatus = r.int32(end, "error-status");
        errorIndex = r.int32(end, "error-index");
        int l = r.expect(BerTags.SEQUENCE, end, "variable-bindings SEQUENCE");
        listEnd = r.pos + l;
        index = -1;
    }

    /** Steps to the next varbind; false after the last. */
    public boolean next() {
        int p = r.pos;
        if (p >= listEnd) {
            return false;
        }
        // fast path: short-form lengths throughout, the shape of nearly every varbind
        byte[] b = r.buf;
        if (p + 4 <= listEnd && b[p] == BerTags.SEQUENCE && b[p + 1] >= 0
                && b[p + 2] == BerTags.OBJECT_IDENTIFIER && b[p + 3] >= 0) {
            int vbEnd = p + 2 + b[p + 1];
            int q = p + 4 + b[p + 3];
            if (vbEnd <= listEnd && q + 2 <= vbEnd) {
                int t = b[q] & 0xFF;
                int l = b[q + 1];
                if ((t & 0x1F) != 0x1F && l >= 0 && q + 2 + l == vbEnd
                        && (t != BerTags.IP_ADDRESS || l == 4)) {
                    varBindStart = p;
                    oidOff = p + 4;
                    oidLen = b[p + 3];
                    oidArcs = -1;
                    valueStart = q;
                    valueTag = t;
                    valueOff = q + 2;
                    valueLen = l;
                    r.pos = vbEnd;
                    index++;
                    return true;
                }
            }
        }
        return nextSlow();
    }

    private boolean nextSlow() {
        varBindStart = r.pos;
        int vbLen = r.expect(BerTags.SEQUENCE, listEnd, "VarBind SEQUENCE");
        int vbEnd = r.pos + vbLen;
        int l = r.expect(BerTags.OBJECT_IDENTIFIER, vbEnd, "name");
        oidOff = r.pos;
        oidLen = l;
        oidArcs = -1;
        r.pos += l;
        int at = r.pos;
        valueStart = at;
        valueTag = r.tag(vbEnd);
        valueLen = r.length(vbEnd);
        valueOff = r.pos;
        r.pos += valueLen;
        if (r.pos != vbEnd) {
            throw new BerDecodeException("extra octets after the value of a VarBind", r.pos);
        }
        if (valueTag == BerTags.IP_ADDRESS && valueLen != 4) {
            throw new BerDecodeException("IpAddress of " + valueLen + " octets, not 4", at);
        }
        index++;
        return true;
    }

    public int version() {
        return version;
    }

    public int pduType() {
        return pduType;
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

    /** Offset of the community octets in the buffer (v1/v2c), else -1. */
    public int communityOffset() {
        return communityOff;
    }

    public int communityLength() {
        return communityLen;
    }

    /** Position of the current varbind, from 0. */
    public int index() {
        return index;
    }

    /** Where the current varbind's SEQUENCE starts in {@link #buffer()}. */
    public int varBindOffset() {
        return varBindStart;
    }

    /** Where the current varbind ends in {@link #buffer()} (exclusive). */
    public int varBindEnd() {
        return r.pos;
    }

    /** Number of arcs of the current varbind's OID. */
    public int oidLength() {
        if (oidArcs < 0) {
            int save = r.pos;
            r.pos = oidOff;
            oidArcs = r.oidArcCount(oidLen);
            r.pos = save;
        }
        return oidArcs;
    }

    /**
     * Decodes (and validates) the current OID into {@code dst}, which must hold
     * {@link Oid#MAX_ARCS} arcs; returns its length.
     */
    public int oid(int[] dst) {
        return oidArcs = r.oidDecode(oidOff, oidLen, dst);
    }

    /**
     * Decodes the current value, an OBJECT IDENTIFIER, into {@code dst}; returns its length.
     *
     * @throws BerDecodeException if the value is not an OID or is malformed
     */
    public int oidValue(int[] dst) {
        if (valueTag != BerTags.OBJECT_IDENTIFIER) {
            throw new BerDecodeException("not an OBJECT IDENTIFIER value: " + BerTags.name(valueTag), valueOff);
        }
        return r.oidDecode(valueOff, valueLen, dst);
    }

    /** The buffer the cursor reads (offsets such as {@link #valueOffset()} are into it). */
    public byte[] buffer() {
        return r.buf;
    }

    public int valueTag() {
        return valueTag;
    }

    public int valueOffset() {
        return valueOff;
    }

    public int valueLength() {
        return valueLen;
    }

    public boolean isException() {
        return valueTag == BerTags.NO_SUCH_OBJECT || valueTag == BerTags.NO_SUCH_INSTANCE
                || valueTag == BerTags.END_OF_MIB_VIEW;
    }

    /**
     * The value of an integer-typed varbind: INTEGER signed, Counter32/Gauge32/TimeTicks as
     * 0..2^32-1, Counter64 as raw bits.
     *
     * @throws BerDecodeException if the value is not an integer type or is malformed
     */
    public long longValue() {
        int save = r.pos;
        r.pos = valueOff;
        try {
            switch (valueTag) {
                case BerTags.INTEGER:
                    return r.signedContent(valueLen, "INTEGER");
                case BerTags.COUNTER32:
                case BerTags.GAUGE32:
                case BerTags.TIMETICKS:
                case BerTags.UINTEGER32:
                    return r.unsigned32Content(valueLen, valueTag);
                case BerTags.COUNTER64:
                    return r.unsigned64Content(valueLen, valueTag);
                default:
                    throw new BerDecodeException("not an integer value: " + BerTags.name(valueTag), valueOff);
            }
        } finally {
            r.pos = save;
        }
    }

    /** The current value as a {@link Variable} (allocates; for the cold path). */
    public Variable value() {
        int save = r.pos;
        r.pos = valueStart;
        try {
            return SnmpMessageDecoder.value(r, valueOff + valueLen);
        } finally {
            r.pos = save;
        }
    }
}
