package io.varbind.codec;

import java.util.List;

/**
 * Encodes SNMP messages in one pass into a caller-supplied buffer, with no intermediate arrays:
 * the message is written backwards from the end of the buffer (so every length is known when its
 * header is written) and then moved once to the caller's offset. Stateless and thread-safe.
 * Throws {@link BerEncodeException} when the buffer is too small.
 */
public final class SnmpMessageEncoder {
    private SnmpMessageEncoder() {
    }

    /** Encodes {@code m} at {@code out[off]}; returns the number of octets written. */
    public static int encode(SnmpMessage m, byte[] out, int off) {
        if (m instanceof V3Message v3) {
            return encodeV3(v3, out, off).length();
        }
        CommunityMessage c = (CommunityMessage) m;
        BerWriter w = new BerWriter(out, off, out.length);
        int end = w.pos;
        if (c.pdu() instanceof Pdu p) {
            pdu(w, p);
        } else {
            trapV1(w, (TrapV1Pdu) c.pdu());
        }
        w.octets(BerTags.OCTET_STRING, c.community(), 0, c.community().length);
        w.signed(BerTags.INTEGER, c.version());
        w.header(BerTags.SEQUENCE, end);
        return moveTo(out, w.pos, end, off);
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
        BerWriter w = new BerWriter(out, off, out.length);
        int end = w.pos;
        if (m.scopedPdu() != null) {
            scopedPdu(w, m.scopedPdu());
        } else {
            byte[] enc = m.encryptedPduRaw();
            w.octets(BerTags.OCTET_STRING, enc, 0, enc.length);
        }
        int authPos = -1;
        int spEnd = w.pos;
        UsmSecurityParameters u = m.usm();
        if (u != null) {
            int uEnd = w.pos;
            w.octets(BerTags.OCTET_STRING, u.privParameters(), 0, u.privParameters().length);
            int aEnd = w.pos;
            w.putBytes(u.authParameters(), 0, u.authParameters().length);
            authPos = u.authParameters().length == 0 ? -1 : w.pos;
            w.header(BerTags.OCTET_STRING, aEnd);
            w.octets(BerTags.OCTET_STRING, u.userName(), 0, u.userName().length);
            w.signed(BerTags.INTEGER, u.engineTime());
            w.signed(BerTags.INTEGER, u.engineBoots());
            w.octets(BerTags.OCTET_STRING, u.engineId(), 0, u.engineId().length);
            w.header(BerTags.SEQUENCE, uEnd);
        } else {
            byte[] raw = m.securityParametersRaw();
            w.putBytes(raw, 0, raw.length);
        }
        w.header(BerTags.OCTET_STRING, spEnd);
        int gEnd = w.pos;
        w.signed(BerTags.INTEGER, m.securityModel());
        w.put(m.msgFlags());
        w.put(1);
        w.put(BerTags.OCTET_STRING);
        w.signed(BerTags.INTEGER, m.msgMaxSize());
        w.signed(BerTags.INTEGER, m.msgId());
        w.header(BerTags.SEQUENCE, gEnd);
        w.signed(BerTags.INTEGER, 3);
        w.header(BerTags.SEQUENCE, end);
        int start = w.pos;
        int len = moveTo(out, start, end, off);
        return new EncodedV3(len, authPos < 0 ? -1 : off + (authPos - start));
    }

    /** Encodes a scoped PDU alone (the plaintext that privacy encrypts); returns its length. */
    public static int encodeScopedPdu(ScopedPdu sp, byte[] out, int off) {
        BerWriter w = new BerWriter(out, off, out.length);
        int end = w.pos;
        scopedPdu(w, sp);
        return moveTo(out, w.pos, end, off);
    }

    /** Encodes a PDU alone; returns its length. */
    public static int encodePdu(Pdu p, byte[] out, int off) {
        BerWriter w = new BerWriter(out, off, out.length);
        int end = w.pos;
        pdu(w, p);
        return moveTo(out, w.pos, end, off);
    }

    /** Encodes one value (tag, length, content); returns its length. */
    public static int encodeValue(Variable v, byte[] out, int off) {
        BerWriter w = new BerWriter(out, off, out.length);
        int end = w.pos;
        value(w, v);
        return moveTo(out, w.pos, end, off);
    }

    private static int moveTo(byte[] out, int start, int end, int off) {
        int len = end - start;
        if (start != off) {
            System.arraycopy(out, start, out, off, len);
        }
        return len;
    }

    private static void scopedPdu(BerWriter w, ScopedPdu sp) {
        int end = w.pos;
        pdu(w, sp.pdu());
        w.octets(BerTags.OCTET_STRING, sp.contextName(), 0, sp.contextName().length);
        w.octets(BerTags.OCTET_STRING, sp.contextEngineId(), 0, sp.contextEngineId().length);
        w.header(BerTags.SEQUENCE, end);
    }

    private static void pdu(BerWriter w, Pdu p) {
        int end = w.pos;
        varBinds(w, p.varBinds());
        w.signed(BerTags.INTEGER, p.errorIndex());
        w.signed(BerTags.INTEGER, p.errorStatus());
        w.signed(BerTags.INTEGER, p.requestId());
        w.header(p.type(), end);
    }

    private static void trapV1(BerWriter w, TrapV1Pdu t) {
        int end = w.pos;
        varBinds(w, t.varBinds());
        w.unsigned(BerTags.TIMETICKS, t.timestamp());
        w.signed(BerTags.INTEGER, t.specificTrap());
        w.signed(BerTags.INTEGER, t.genericTrap());
        byte[] addr = t.agentAddrRaw();
        w.octets(BerTags.IP_ADDRESS, addr, 0, 4);
        w.oid(BerTags.OBJECT_IDENTIFIER, t.enterprise());
        w.header(BerTags.TRAP_V1, end);
    }

    private static void varBinds(BerWriter w, List<VarBind> vbs) {
        int end = w.pos;
        for (int i = vbs.size() - 1; i >= 0; i--) {
            VarBind vb = vbs.get(i);
            int vbEnd = w.pos;
            value(w, vb.value());
            w.oid(BerTags.OBJECT_IDENTIFIER, vb.oid());
            w.header(BerTags.SEQUENCE, vbEnd);
        }
        w.header(BerTags.SEQUENCE, end);
    }

    static void value(BerWriter w, Variable v) {
        int tag = v.tag();
        switch (tag) {
            case BerTags.INTEGER:
                w.signed(tag, v.longValue());
                break;
            case BerTags.OCTET_STRING:
            case BerTags.IP_ADDRESS:
            case BerTags.OPAQUE:
            case BerTags.NSAP_ADDRESS:
                w.octets(tag, v.rawData(), v.rawOffset(), v.bytesLength());
                break;
            case BerTags.OBJECT_IDENTIFIER:
                w.oid(tag, v.oidValue());
                break;
            case BerTags.COUNTER32:
            case BerTags.GAUGE32:
            case BerTags.TIMETICKS:
            case BerTags.UINTEGER32:
            case BerTags.COUNTER64:
                w.unsigned(tag, v.longValue());
                break;
            default:
                // NULL and the three exception values: empty content
                w.put(0);
                w.put(tag);
                break;
        }
    }
}
