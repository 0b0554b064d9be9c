package io.varbind.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SNMP messages (RFC 1157, RFC 1901, RFC 3412 section 6). Stateless and thread-safe.
 * Lenient where real agents need it (non-minimal integers, OIDs and lengths, empty INTEGERs,
 * bytes after the message), strict where safety needs it: every malformed input raises a
 * {@link BerDecodeException} with the absolute offset, and no length field can make the decoder
 * read past {@code off + len} or allocate more than the input's size.
 *
 * <p>Decoded octet-string values refer to {@code buf}: do not reuse it while they are in use.
 */
public final class SnmpMessageDecoder {
    private SnmpMessageDecoder() {
    }

    public static SnmpMessage decode(byte[] buf, int off, int len) {
        return decode(buf, off, len, false, null);
    }

    /**
     * {@link #decode(byte[], int, int)}, with the OIDs of a v1/v2c message's varbinds (names and
     * OID values) and a v1 trap's enterprise taken from {@code names} when their octets were seen
     * recently: the same {@link Oid} objects, not decoded again. Validates and fails as the plain
     * decode does.
     */
    public static SnmpMessage decode(byte[] buf, int off, int len, OidCache names) {
        return decode(buf, off, len, false, names);
    }

    /**
     * {@link #decode(byte[], int, int)}, validating every varbind as it does but leaving the varbinds
     * of a v1/v2c message, and of a v3 message's plaintext ScopedPDU, in {@code buf}
     * ({@link Pdu#isDeferred()}): read them with a {@link VarBindCursor} or let
     * {@link Pdu#varBinds()} materialise them. For a receiver that owns {@code buf} and never reuses
     * it while the PDU is in use (a response handed to its caller). v1 traps are decoded into objects.
     */
    public static SnmpMessage decodeDeferred(byte[] buf, int off, int len) {
        return decode(buf, off, len, true, null);
    }

    private static SnmpMessage decode(byte[] buf, int off, int len, boolean defer, OidCache names) {
        int limit = checkRange(buf, off, len);
        BerReader r = new BerReader(buf, off);
        int msgLen = r.expect(BerTags.SEQUENCE, limit, "message SEQUENCE");
        int end = r.pos + msgLen;
        int versionAt = r.pos;
        int version = r.int32(end, "msgVersion");
        switch (version) {
            case 0:
            case 1: {
                byte[] community = r.octets(end, "community");
                int pduAt = r.pos;
                int tag = peekTag(r, end);
                if (tag == BerTags.TRAP_V1) {
                    if (version != 0) {
                        throw new BerDecodeException("v1 Trap-PDU in a v2c message", pduAt);
                    }
                    return new CommunityMessage(version, community, trapV1(r, end, names));
                }
                return new CommunityMessage(version, community, pdu(r, end, defer, names));
            }
            case 3:
                return v3(buf, off, len, defer);
            default:
                throw new BerDecodeException("unsupported SNMP version " + version, versionAt);
        }
    }

    public static SnmpMessage decode(byte[] buf) {
        return decode(buf, 0, buf.length);
    }

    /**
     * A scoped PDU (RFC 3412 section 6), as decrypted; bytes after its SEQUENCE (cipher padding)
     * are ignored.
     */
    public static ScopedPdu decodeScopedPdu(byte[] buf, int off, int len) {
        int limit = checkRange(buf, off, len);
        BerReader r = new BerReader(buf, off);
        return scopedPdu(r, limit);
    }

    /**
     * {@link #decodeScopedPdu}, validating every varbind as it does (the same errors for the same
     * input) but leaving them in {@code buf} ({@link Pdu#isDeferred()}): for a receiver that owns
     * {@code buf}, such as a v3 response decrypted where it was received.
     */
    public static ScopedPdu decodeScopedPduDeferred(byte[] buf, int off, int len) {
        int limit = checkRange(buf, off, len);
        return scopedPdu(new BerReader(buf, off), limit, true);
    }

    /**
     * The PDU of a ScopedPDU as {@link #decodeScopedPduDeferred} has it (the same checks, the same
     * errors), its context fields checked but not copied: for a receiver that has no use for them
     * (a manager's engine reading an answer), so nothing but the PDU is allocated.
     */
    public static Pdu decodeScopedPduDeferredPdu(byte[] buf, int off, int len) {
        int limit = checkRange(buf, off, len);
        BerReader r = new BerReader(buf, off);
        int sLen = r.expect(BerTags.SEQUENCE, limit, "ScopedPDU SEQUENCE");
        int end = r.pos + sLen;
        int engineIdLen = r.expect(BerTags.OCTET_STRING, end, "contextEngineID");
        r.pos += engineIdLen;
        int nameLen = r.expect(BerTags.OCTET_STRING, end, "contextName");
        r.pos += nameLen;
        return pdu(r, end, true, null);
    }

    /** A PDU on its own (its tag first). */
    public static Pdu decodePdu(byte[] buf, int off, int len) {
        int limit = checkRange(buf, off, len);
        return pdu(new BerReader(buf, off), limit);
    }

    /** msgVersion of a message (0, 1 or 3 as sent), reading only its header. */
    public static int peekVersion(byte[] buf, int off, int len) {
        int limit = checkRange(buf, off, len);
        BerReader r = new BerReader(buf, off);
        int msgLen = r.expect(BerTags.SEQUENCE, limit, "message SEQUENCE");
        return r.int32(r.pos + msgLen, "msgVersion");
    }

    /**
     * The request-id of a v1/v2c message or the msgID of a v3 message, reading only the header
     * (for correlating a response with its request before decoding it).
     *
     * @throws BerDecodeException when the header is malformed
     */
    public static int peekRequestId(byte[] buf, int off, int len) {
        int limit = checkRange(buf, off, len);
        BerReader r = new BerReader(buf, off);
        int msgLen = r.expect(BerTags.SEQUENCE, limit, "message SEQUENCE");
        int end = r.pos + msgLen;
        int versionAt = r.pos;
        int version = r.int32(end, "msgVersion");
        if (version == 3) {
            int g = r.expect(BerTags.SEQUENCE, end, "msgGlobalData");
            return r.int32(r.pos + g, "msgID");
        }
        if (version != 0 && version != 1) {
            throw new BerDecodeException("unsupported SNMP version " + version, versionAt);
        }
        int c = r.expect(BerTags.OCTET_STRING, end, "community");
        r.pos += c;
        int pduAt = r.pos;
        int tag = r.tag(end);
        if (!BerTags.isPdu(tag) || tag == BerTags.TRAP_V1) {
            throw new BerDecodeException("expected a PDU with a request-id, found " + BerTags.name(tag), pduAt);
        }
        int pduLen = r.length(end);
        return r.int32(r.pos + pduLen, "request-id");
    }

    static int checkRange(byte[] buf, int off, int len) {
        if (buf == null) {
            throw new BerDecodeException("no input", 0);
        }
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new BerDecodeException("range " + off + "+" + len + " outside a buffer of " + buf.length, Math.max(off, 0));
        }
        return off + len;
    }

    private static int peekTag(BerReader r, int limit) {
        int at = r.pos;
        int t = r.tag(limit);
        r.pos = at;
        return t;
    }

    static Pdu pdu(BerReader r, int limit) {
        return pdu(r, limit, false, null);
    }

    private static Pdu pdu(BerReader r, int limit, boolean defer, OidCache names) {
        int at = r.pos;
        int type = r.tag(limit);
        if (!BerTags.isPdu(type) || type == BerTags.TRAP_V1) {
            throw new BerDecodeException("expected a PDU, found " + BerTags.name(type), at);
        }
        int len = r.length(limit);
        int end = r.pos + len;
        int requestId = r.int32(end, "request-id");
        int errorStatus = r.int32(end, type == BerTags.GETBULK ? "non-repeaters" : "error-status");
        int errorIndex = r.int32(end, type == BerTags.GETBULK ? "max-repetitions" : "error-index");
        if (defer) {
            int listAt = r.pos;
            checkVarBinds(r, end);
            return new Pdu(type, requestId, errorStatus, errorIndex, r.buf, listAt, end);
        }
        ArrayList<VarBind> vbs = varBinds(r, end, names);
        return new Pdu(type, requestId, errorStatus, errorIndex, vbs);
    }

    private static TrapV1Pdu trapV1(BerReader r, int limit, OidCache names) {
        int len = r.expect(BerTags.TRAP_V1, limit, "Trap-PDU");
        int end = r.pos + len;
        Oid enterprise = oid(r, end, "enterprise", names);
        int addrAt = r.pos;
        int alen = r.expect(BerTags.IP_ADDRESS, end, "agent-addr");
        if (alen != 4) {
            throw new BerDecodeException("agent-addr of " + alen + " octets, not 4", addrAt);
        }
        byte[] addr = new byte[4];
        System.arraycopy(r.buf, r.pos, addr, 0, 4);
        r.pos += 4;
        int generic = r.int32(end, "generic-trap");
        int specific = r.int32(end, "specific-trap");
        int tlen = r.expect(BerTags.TIMETICKS, end, "time-stamp");
        long ts = r.unsigned32Content(tlen, BerTags.TIMETICKS);
        ArrayList<VarBind> vbs = varBinds(r, end, names);
        return new TrapV1Pdu(enterprise, addr, generic, specific, ts, vbs);
    }

    /** Validates a variable-bindings SEQUENCE as {@link #varBinds} decodes it, allocating nothing. */
    private static void checkVarBinds(BerReader r, int limit) {
        int len = r.expect(BerTags.SEQUENCE, limit, "variable-bindings SEQUENCE");
        int end = r.pos + len;
        while (r.pos < end) {
            int at = r.pos;
            int vbLen = r.expect(BerTags.SEQUENCE, end, "VarBind SEQUENCE");
            int vbEnd = r.pos + vbLen;
            int oidLen = r.expect(BerTags.OBJECT_IDENTIFIER, vbEnd, "name");
            r.oidArcCount(oidLen);
            r.pos += oidLen;
            valueOrCheck(r, vbEnd, false, null);
            if (r.pos != vbEnd) {
                throw new BerDecodeException("extra octets after the value of a VarBind", r.pos);
            }
            if (r.pos <= at) {
                throw new BerDecodeException("no progress in VarBind list", at);
            }
        }
    }

    static ArrayList<VarBind> varBinds(BerReader r, int limit) {
        return varBinds(r, limit, null);
    }

    private static Oid oid(BerReader r, int limit, String what, OidCache names) {
        if (names == null) {
            return r.oid(limit, what);
        }
        int len = r.expect(BerTags.OBJECT_IDENTIFIER, limit, what);
        return names.oidContent(r, len);
    }

    private static ArrayList<VarBind> varBinds(BerReader r, int limit, OidCache names) {
        int len = r.expect(BerTags.SEQUENCE, limit, "variable-bindings SEQUENCE");
        int end = r.pos + len;
        // each varbind takes at least 6 octets, so the capacity never exceeds the input
        ArrayList<VarBind> vbs = new ArrayList<>(Math.min(len / 6 + 1, 16));
        while (r.pos < end) {
            int at = r.pos;
            int vbLen = r.expect(BerTags.SEQUENCE, end, "VarBind SEQUENCE");
            int vbEnd = r.pos + vbLen;
            Oid oid = oid(r, vbEnd, "name", names);
            Variable value = valueOrCheck(r, vbEnd, true, names);
            if (r.pos != vbEnd) {
                throw new BerDecodeException("extra octets after the value of a VarBind", r.pos);
            }
            vbs.add(new VarBind(oid, value));
            if (r.pos <= at) {
                throw new BerDecodeException("no progress in VarBind list", at);
            }
        }
        return vbs;
    }

    static Variable value(BerReader r, int limit) {
        return valueOrCheck(r, limit, true, null);
    }

    /** Reads one value; with {@code make} false it is only validated (same checks) and null returned. */
    private static Variable valueOrCheck(BerReader r, int limit, boolean make, OidCache names) {
        int at = r.pos;
        int tag = r.tag(limit);
        int len = r.length(limit);
        int start = r.pos;
        switch (tag) {
            case BerTags.INTEGER: {
                long v = r.signedContent(len, "INTEGER");
                return make ? Variable.integer64(v) : null;
            }
            case BerTags.OCTET_STRING:
            case BerTags.NSAP_ADDRESS:
                r.pos += len;
                return make ? new Variable(tag, OpaqueKind.NONE, 0, r.buf, start, len, null) : null;
            case BerTags.IP_ADDRESS:
                if (len != 4) {
                    throw new BerDecodeException("IpAddress of " + len + " octets, not 4", at);
                }
                r.pos += len;
                return make ? new Variable(tag, OpaqueKind.NONE, 0, r.buf, start, len, null) : null;
            case BerTags.OPAQUE: {
                r.pos += len;
                if (!make) {
                    return null;
                }
                OpaqueKind kind = Variable.classifyOpaque(r.buf, start, len);
                return new Variable(tag, kind, Variable.opaqueNumber(r.buf, start, len), r.buf, start, len, null);
            }
            case BerTags.NULL:
                r.pos += len;
                return make ? Variable.nullValue() : null;
            case BerTags.OBJECT_IDENTIFIER:
                if (make) {
                    return Variable.objectId(names == null ? r.oidContent(len) : names.oidContent(r, len));
                }
                r.oidArcCount(len);
                r.pos += len;
                return null;
            case BerTags.COUNTER32:
            case BerTags.GAUGE32:
            case BerTags.TIMETICKS:
            case BerTags.UINTEGER32: {
                long v = r.unsigned32Content(len, tag);
                return make ? new Variable(tag, OpaqueKind.NONE, v, null, 0, 0, null) : null;
            }
            case BerTags.COUNTER64: {
                long v = r.unsigned64Content(len, tag);
                return make ? Variable.counter64(v) : null;
            }
            case BerTags.NO_SUCH_OBJECT:
                r.pos += len;
                return make ? Variable.noSuchObject() : null;
            case BerTags.NO_SUCH_INSTANCE:
                r.pos += len;
                return make ? Variable.noSuchInstance() : null;
            case BerTags.END_OF_MIB_VIEW:
                r.pos += len;
                return make ? Variable.endOfMibView() : null;
            default:
                throw new BerDecodeException(String.format("unknown value type 0x%02X", tag), at);
        }
    }

    static ScopedPdu scopedPdu(BerReader r, int limit) {
        return scopedPdu(r, limit, false);
    }

    private static ScopedPdu scopedPdu(BerReader r, int limit, boolean defer) {
        int len = r.expect(BerTags.SEQUENCE, limit, "ScopedPDU SEQUENCE");
        int end = r.pos + len;
        byte[] ctxEngine = r.octets(end, "contextEngineID");
        byte[] ctxName = r.octets(end, "contextName");
        return new ScopedPdu(ctxEngine, ctxName, pdu(r, end, defer, null));
    }

    private static V3Message v3(byte[] buf, int off, int len, boolean defer) {
        V3Envelope e = new V3Envelope().parse(buf, off, len);
        UsmSecurityParameters usm = null;
        byte[] rawParams = null;
        if (e.securityModel == V3Message.SECURITY_MODEL_USM) {
            usm = new UsmSecurityParameters(copy(buf, e.engineIdOff, e.engineIdLen), e.boots, e.time,
                    copy(buf, e.userOff, e.userLen), copy(buf, e.authOff, e.authLen), copy(buf, e.privOff, e.privLen));
        } else {
            rawParams = copy(buf, e.paramsOff, e.paramsLen);
        }
        V3Message m;
        if (e.encrypted) {
            m = new V3Message(e.msgId, e.maxSize, e.flags, e.securityModel, usm, rawParams, null,
                    copy(buf, e.dataOff, e.dataLen));
            m.encryptedOffset = e.dataOff;
            m.encryptedLength = e.dataLen;
        } else {
            BerReader r = new BerReader(buf, e.dataOff);
            m = new V3Message(e.msgId, e.maxSize, e.flags, e.securityModel, usm, rawParams,
                    scopedPdu(r, e.dataOff + e.dataLen, defer), null);
            m.scopedPduOffset = e.dataOff;
        }
        m.wholeOffset = e.wholeOff;
        m.wholeLength = e.wholeLen;
        m.authParamsOffset = e.authOff;
        return m;
    }

    private static byte[] copy(byte[] buf, int off, int len) {
        byte[] r = new byte[len];
        System.arraycopy(buf, off, r, 0, len);
        return r;
    }
}
