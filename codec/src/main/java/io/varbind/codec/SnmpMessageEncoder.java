package io.varbind.codec;

import java.util.List;

/**
 * Encodes SNMP messages in one pass into a caller-supplied buffer, with no intermediate arrays:
 * the message is written backwards from the end of the buffer (so every length is known when its
 * header is written) and then moved once to the caller's offset. Octets of {@code out} before
 * {@code off} are never touched. Stateless and thread-safe; the encode path allocates nothing
 * (an OID's content octets are computed once and kept by the {@link Oid}). Throws
 * {@link BerEncodeException} when the buffer is too small.
 */
public final class SnmpMessageEncoder {
    private static final int SEQ = BerTags.SEQUENCE;
    private static final int OCTETS = BerTags.OCTET_STRING;
    private static final int INT = BerTags.INTEGER;

    private SnmpMessageEncoder() {
    }

    /** Encodes {@code m} at {@code out[off]}; returns the number of octets written. */
    public static int encode(SnmpMessage m, byte[] out, int off) {
        if (m instanceof V3Message v3) {
            return encodeV3(v3, out, off).length();
        }
        CommunityMessage c = (CommunityMessage) m;
        checkRange(out, off);
        int end = out.length;
        int pos = c.pdu() instanceof Pdu p ? pdu(out, end, off, p) : trapV1(out, end, off, (TrapV1Pdu) c.pdu());
        pos = BerWriter.octets(out, pos, off, OCTETS, c.community(), 0, c.community().length);
        pos = BerWriter.signed(out, pos, off, INT, c.version());
        pos = BerWriter.header(out, pos, off, SEQ, end);
        return moveTo(out, pos, end, off);
    }

    /** Encodes {@code m} into a new array of exactly its size (tests and tools; not the hot path). */
    public static byte[] encode(SnmpMessage m) {
        byte[] tmp = new byte[65536 * 2];
        int n = encode(m, tmp, 0);
        return java.util.Arrays.copyOf(tmp, n);
    }

    /**
     * Encodes a v3 message at {@code out[off]}. The msgAuthenticationParameters octets are written
     * as given (a USM caller passes zeros of the MAC's length) and their absolute offset returned,
     * so the digest can be computed over the result and written in place.
     */
    public static EncodedV3 encodeV3(V3Message m, byte[] out, int off) {
        checkRange(out, off);
        int end = out.length;
        int pos;
        if (m.scopedPdu() != null) {
            pos = scopedPdu(out, end, off, m.scopedPdu());
        } else {
            byte[] enc = m.encryptedPduRaw();
            pos = BerWriter.octets(out, end, off, OCTETS, enc, 0, enc.length);
        }
        int authPos = -1;
        int spEnd = pos;
        UsmSecurityParameters u = m.usm();
        if (u != null) {
            int uEnd = pos;
            pos = BerWriter.octets(out, pos, off, OCTETS, u.privParameters(), 0, u.privParameters().length);
            int aEnd = pos;
            pos = BerWriter.putBytes(out, pos, off, u.authParameters(), 0, u.authParameters().length);
            authPos = u.authParameters().length == 0 ? -1 : pos;
            pos = BerWriter.header(out, pos, off, OCTETS, aEnd);
            pos = BerWriter.octets(out, pos, off, OCTETS, u.userName(), 0, u.userName().length);
            pos = BerWriter.signed(out, pos, off, INT, u.engineTime());
            pos = BerWriter.signed(out, pos, off, INT, u.engineBoots());
            pos = BerWriter.octets(out, pos, off, OCTETS, u.engineId(), 0, u.engineId().length);
            pos = BerWriter.header(out, pos, off, SEQ, uEnd);
        } else {
            byte[] raw = m.securityParametersRaw();
            pos = BerWriter.putBytes(out, pos, off, raw, 0, raw.length);
        }
        pos = globalData(out, pos, off, spEnd, m.msgId(), m.msgMaxSize(), m.msgFlags(), m.securityModel());
        int len = moveTo(out, pos, end, off);
        return new EncodedV3(len, authPos < 0 ? -1 : off + (authPos - pos));
    }

    /** Writes, in front of {@code pos}, the security parameters' OCTET STRING header, msgGlobalData, the version and the message SEQUENCE. */
    private static int globalData(byte[] out, int pos, int min, int spEnd, int msgId, int maxSize, int flags,
            int model) {
        int end = out.length;
        pos = BerWriter.header(out, pos, min, OCTETS, spEnd);
        int gEnd = pos;
        pos = BerWriter.signed(out, pos, min, INT, model);
        pos = BerWriter.put(out, pos, min, flags);
        pos = BerWriter.put(out, pos, min, 1);
        pos = BerWriter.put(out, pos, min, OCTETS);
        pos = BerWriter.signed(out, pos, min, INT, maxSize);
        pos = BerWriter.signed(out, pos, min, INT, msgId);
        pos = BerWriter.header(out, pos, min, SEQ, gEnd);
        pos = BerWriter.signed(out, pos, min, INT, 3);
        return BerWriter.header(out, pos, min, SEQ, end);
    }

    /**
     * Encodes a USM message at {@code out[off]} without allocating, for the USM to encrypt and
     * sign in place: msgAuthenticationParameters are {@code authLength} zero octets, and with
     * {@code blockSize} above 0 the ScopedPDU is written as the content of the encryptedPDU
     * OCTET STRING, still in plaintext and zero-padded to a multiple of {@code blockSize} (1 for
     * a stream mode such as AES-CFB, 8 for CBC-DES), for the caller to encrypt where it lies
     * ({@code layout}'s data offset and length). {@code layout} receives the offsets of what was
     * written, as {@link V3Envelope#parse} would give them.
     *
     * @param blockSize 0 for a plaintext ScopedPDU
     * @return the message length
     */
    public static int encodeV3Usm(byte[] out, int off, int msgId, int maxSize, int flags, byte[] engineId,
            int boots, int time, byte[] userName, int authLength, byte[] privParameters, ScopedPdu sp,
            int blockSize, V3Envelope layout) {
        checkRange(out, off);
        int end = out.length;
        int pos = scopedPdu(out, end, off, sp);
        int dataLen = end - pos;
        if (blockSize > 1 && dataLen % blockSize != 0) {
            int padded = (dataLen + blockSize - 1) / blockSize * blockSize;
            int shift = padded - dataLen;
            if (pos - shift < off) {
                throw BerWriter.overflow(out, off);
            }
            System.arraycopy(out, pos, out, pos - shift, dataLen);
            pos -= shift;
            java.util.Arrays.fill(out, end - shift, end, (byte) 0);
            dataLen = padded;
        }
        int dataPos = pos;
        if (blockSize > 0) {
            pos = BerWriter.header(out, pos, off, OCTETS, end);
        }
        int spEnd = pos;
        int uEnd = pos;
        pos = BerWriter.octets(out, pos, off, OCTETS, privParameters, 0, privParameters.length);
        int privPos = uEnd - privParameters.length;
        int aEnd = pos;
        if (pos - authLength < off) {
            throw BerWriter.overflow(out, off);
        }
        pos -= authLength;
        java.util.Arrays.fill(out, pos, aEnd, (byte) 0);
        int authPos = pos;
        pos = BerWriter.header(out, pos, off, OCTETS, aEnd);
        int userPos = pos - userName.length;
        pos = BerWriter.octets(out, pos, off, OCTETS, userName, 0, userName.length);
        pos = BerWriter.signed(out, pos, off, INT, time);
        pos = BerWriter.signed(out, pos, off, INT, boots);
        int enginePos = pos - engineId.length;
        pos = BerWriter.octets(out, pos, off, OCTETS, engineId, 0, engineId.length);
        pos = BerWriter.header(out, pos, off, SEQ, uEnd);
        int paramsPos = pos;
        pos = globalData(out, pos, off, spEnd, msgId, maxSize, flags, V3Message.SECURITY_MODEL_USM);
        int len = moveTo(out, pos, end, off);
        int shift = off - pos;
        layout.buf = out;
        layout.wholeOff = off;
        layout.wholeLen = len;
        layout.msgId = msgId;
        layout.maxSize = maxSize;
        layout.flags = flags;
        layout.securityModel = V3Message.SECURITY_MODEL_USM;
        layout.paramsOff = paramsPos + shift;
        layout.paramsLen = spEnd - paramsPos;
        layout.engineIdOff = enginePos + shift;
        layout.engineIdLen = engineId.length;
        layout.boots = boots;
        layout.time = time;
        layout.userOff = userPos + shift;
        layout.userLen = userName.length;
        layout.authOff = authPos + shift;
        layout.authLen = authLength;
        layout.privOff = privPos + shift;
        layout.privLen = privParameters.length;
        layout.dataOff = dataPos + shift;
        layout.dataLen = blockSize > 0 ? dataLen : end - dataPos;
        layout.encrypted = blockSize > 0;
        return len;
    }

    /** Encodes a scoped PDU alone (the plaintext that privacy encrypts); returns its length. */
    public static int encodeScopedPdu(ScopedPdu sp, byte[] out, int off) {
        checkRange(out, off);
        return moveTo(out, scopedPdu(out, out.length, off, sp), out.length, off);
    }

    /** Encodes a PDU alone; returns its length. */
    public static int encodePdu(Pdu p, byte[] out, int off) {
        checkRange(out, off);
        return moveTo(out, pdu(out, out.length, off, p), out.length, off);
    }

    /** Encodes one value (tag, length, content); returns its length. */
    public static int encodeValue(Variable v, byte[] out, int off) {
        checkRange(out, off);
        return moveTo(out, value(out, out.length, off, v), out.length, off);
    }

    private static void checkRange(byte[] out, int off) {
        if (off < 0 || off > out.length) {
            throw new BerEncodeException("offset " + off + " outside a buffer of " + out.length);
        }
    }

    private static int moveTo(byte[] out, int start, int end, int off) {
        int len = end - start;
        if (start != off) {
            System.arraycopy(out, start, out, off, len);
        }
        return len;
    }

    private static int scopedPdu(byte[] b, int end, int min, ScopedPdu sp) {
        int pos = pdu(b, end, min, sp.pdu());
        pos = BerWriter.octets(b, pos, min, OCTETS, sp.contextName(), 0, sp.contextName().length);
        pos = BerWriter.octets(b, pos, min, OCTETS, sp.contextEngineId(), 0, sp.contextEngineId().length);
        return BerWriter.header(b, pos, min, SEQ, end);
    }

    private static int pdu(byte[] b, int end, int min, Pdu p) {
        int pos = varBinds(b, end, min, p.varBinds());
        pos = BerWriter.signed(b, pos, min, INT, p.errorIndex());
        pos = BerWriter.signed(b, pos, min, INT, p.errorStatus());
        pos = BerWriter.signed(b, pos, min, INT, p.requestId());
        return BerWriter.header(b, pos, min, p.type(), end);
    }

    private static int trapV1(byte[] b, int end, int min, TrapV1Pdu t) {
        int pos = varBinds(b, end, min, t.varBinds());
        pos = BerWriter.unsigned(b, pos, min, BerTags.TIMETICKS, t.timestamp());
        pos = BerWriter.signed(b, pos, min, INT, t.specificTrap());
        pos = BerWriter.signed(b, pos, min, INT, t.genericTrap());
        pos = BerWriter.octets(b, pos, min, BerTags.IP_ADDRESS, t.agentAddrRaw(), 0, 4);
        pos = BerWriter.oid(b, pos, min, BerTags.OBJECT_IDENTIFIER, t.enterprise());
        return BerWriter.header(b, pos, min, BerTags.TRAP_V1, end);
    }

    private static int varBinds(byte[] b, int end, int min, List<VarBind> vbs) {
        int pos = end;
        for (int i = vbs.size() - 1; i >= 0; i--) {
            VarBind vb = vbs.get(i);
            int vbEnd = pos;
            pos = value(b, pos, min, vb.value());
            pos = BerWriter.oid(b, pos, min, BerTags.OBJECT_IDENTIFIER, vb.oid());
            pos = BerWriter.header(b, pos, min, SEQ, vbEnd);
        }
        return BerWriter.header(b, pos, min, SEQ, end);
    }

    static int value(byte[] b, int pos, int min, Variable v) {
        int tag = v.tag();
        switch (tag) {
            case BerTags.INTEGER:
                return BerWriter.signed(b, pos, min, tag, v.longValue());
            case BerTags.OCTET_STRING:
            case BerTags.IP_ADDRESS:
            case BerTags.OPAQUE:
            case BerTags.NSAP_ADDRESS:
                return BerWriter.octets(b, pos, min, tag, v.rawData(), v.rawOffset(), v.bytesLength());
            case BerTags.OBJECT_IDENTIFIER:
                return BerWriter.oid(b, pos, min, tag, v.oidValue());
            case BerTags.COUNTER32:
            case BerTags.GAUGE32:
            case BerTags.TIMETICKS:
            case BerTags.UINTEGER32:
            case BerTags.COUNTER64:
                return BerWriter.unsigned(b, pos, min, tag, v.longValue());
            default:
                // NULL and the three exception values: empty content
                pos = BerWriter.put(b, pos, min, 0);
                return BerWriter.put(b, pos, min, tag);
        }
    }
}
