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
        pos = BerWriter.header(out, pos, off, OCTETS, spEnd);
        int gEnd = pos;
        pos = BerWriter.signed(out, pos, off, INT, m.securityModel());
        pos = BerWriter.put(out, pos, off, m.msgFlags());
        pos = BerWriter.put(out, pos, off, 1);
        pos = BerWriter.put(out, pos, off, OCTETS);
        pos = BerWriter.signed(out, pos, off, INT, m.msgMaxSize());
        pos = BerWriter.signed(out, pos, off, INT, m.msgId());
        pos = BerWriter.header(out, pos, off, SEQ, gEnd);
        pos = BerWriter.signed(out, pos, off, INT, 3);
        pos = BerWriter.header(out, pos, off, SEQ, end);
        int len = moveTo(out, pos, end, off);
        return new EncodedV3(len, authPos < 0 ? -1 : off + (authPos - pos));
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
