package io.varbind.codec;

/**
 * An allocation-free view of an SNMPv3 message (RFC 3412 section 6) for hot paths: {@link #parse}
 * reads msgGlobalData and, for the USM (RFC 3414 section 2.4), the security parameters, and keeps
 * every variable-length field as an offset and a length into the input instead of copying it.
 * The message data is either a plaintext ScopedPDU ({@link #encrypted()} false: the offsets cover
 * its whole SEQUENCE) or an encryptedPDU ({@code true}: the offsets cover the OCTET STRING's
 * content). {@link SnmpMessageEncoder#encodeV3Usm} fills the same fields for what it writes.
 * Reusable; not thread-safe (keep one per thread).
 */
public final class V3Envelope {
    private final BerReader r = new BerReader(null, 0);
    byte[] buf;
    int wholeOff;
    int wholeLen;
    int msgId;
    int maxSize;
    int flags;
    int securityModel;
    int paramsOff;
    int paramsLen;
    int engineIdOff;
    int engineIdLen;
    int boots;
    int time;
    int userOff;
    int userLen;
    int authOff;
    int authLen;
    int privOff;
    int privLen;
    int dataOff;
    int dataLen;
    boolean encrypted;
    int version;

    /**
     * Parses the v3 message at {@code buf[off..off+len)}; fields of a non-USM security model's
     * parameters are left at -1 (only {@link #securityParametersOffset()} covers them).
     *
     * @throws BerDecodeException when the message is malformed or not version 3
     */
    public V3Envelope parse(byte[] buf, int off, int len) {
        int limit = SnmpMessageDecoder.checkRange(buf, off, len);
        this.buf = buf;
        version = -1;
        r.reset(buf, off);
        int msgLen = r.expect(BerTags.SEQUENCE, limit, "message SEQUENCE");
        int end = r.pos + msgLen;
        int versionAt = r.pos;
        version = r.int32(end, "msgVersion");
        if (version != 3) {
            throw new BerDecodeException("not an SNMPv3 message (version " + version + ")", versionAt);
        }
        int gLen = r.expect(BerTags.SEQUENCE, end, "msgGlobalData");
        int gEnd = r.pos + gLen;
        msgId = r.int32(gEnd, "msgID");
        maxSize = r.int32(gEnd, "msgMaxSize");
        int flagsAt = r.pos;
        int fLen = r.expect(BerTags.OCTET_STRING, gEnd, "msgFlags");
        if (fLen != 1) {
            throw new BerDecodeException("msgFlags of " + fLen + " octets, not 1", flagsAt);
        }
        flags = r.buf[r.pos++] & 0xFF;
        securityModel = r.int32(gEnd, "msgSecurityModel");
        r.pos = gEnd;

        int spLen = r.expect(BerTags.OCTET_STRING, end, "msgSecurityParameters");
        paramsOff = r.pos;
        paramsLen = spLen;
        int spEnd = r.pos + spLen;
        engineIdOff = engineIdLen = userOff = userLen = authOff = authLen = privOff = privLen = -1;
        boots = time = -1;
        if (securityModel == V3Message.SECURITY_MODEL_USM) {
            int uLen = r.expect(BerTags.SEQUENCE, spEnd, "UsmSecurityParameters");
            int uEnd = r.pos + uLen;
            engineIdLen = r.expect(BerTags.OCTET_STRING, uEnd, "msgAuthoritativeEngineID");
            engineIdOff = r.pos;
            r.pos += engineIdLen;
            boots = r.int32(uEnd, "msgAuthoritativeEngineBoots");
            time = r.int32(uEnd, "msgAuthoritativeEngineTime");
            userLen = r.expect(BerTags.OCTET_STRING, uEnd, "msgUserName");
            userOff = r.pos;
            r.pos += userLen;
            authLen = r.expect(BerTags.OCTET_STRING, uEnd, "msgAuthenticationParameters");
            authOff = r.pos;
            r.pos += authLen;
            privLen = r.expect(BerTags.OCTET_STRING, uEnd, "msgPrivacyParameters");
            privOff = r.pos;
        }
        r.pos = spEnd;

        int dataAt = r.pos;
        int tag = r.tag(end);
        r.pos = dataAt;
        if (tag == BerTags.OCTET_STRING) {
            dataLen = r.expect(BerTags.OCTET_STRING, end, "encryptedPDU");
            dataOff = r.pos;
            encrypted = true;
        } else if (tag == BerTags.SEQUENCE) {
            int sLen = r.expect(BerTags.SEQUENCE, end, "ScopedPDU SEQUENCE");
            dataOff = dataAt;
            dataLen = r.pos + sLen - dataAt;
            encrypted = false;
        } else {
            throw new BerDecodeException("expected msgData (ScopedPDU or encryptedPDU), found " + BerTags.name(tag),
                    dataAt);
        }
        wholeOff = off;
        wholeLen = end - off;
        return this;
    }

    /** The array the offsets refer to. */
    public byte[] buffer() {
        return buf;
    }

    /** Where the message starts (its SEQUENCE tag). */
    public int wholeMessageOffset() {
        return wholeOff;
    }

    /** The message's length, tag to last content octet (what the USM digest covers). */
    public int wholeMessageLength() {
        return wholeLen;
    }

    public int msgId() {
        return msgId;
    }

    public int msgMaxSize() {
        return maxSize;
    }

    public int msgFlags() {
        return flags;
    }

    public boolean isAuth() {
        return (flags & V3Message.FLAG_AUTH) != 0;
    }

    public boolean isPriv() {
        return (flags & V3Message.FLAG_PRIV) != 0;
    }

    public boolean isReportable() {
        return (flags & V3Message.FLAG_REPORTABLE) != 0;
    }

    public int securityModel() {
        return securityModel;
    }

    /** The msgSecurityParameters OCTET STRING's content. */
    public int securityParametersOffset() {
        return paramsOff;
    }

    public int securityParametersLength() {
        return paramsLen;
    }

    public int engineIdOffset() {
        return engineIdOff;
    }

    public int engineIdLength() {
        return engineIdLen;
    }

    public int engineBoots() {
        return boots;
    }

    public int engineTime() {
        return time;
    }

    public int userNameOffset() {
        return userOff;
    }

    public int userNameLength() {
        return userLen;
    }

    public int authParametersOffset() {
        return authOff;
    }

    public int authParametersLength() {
        return authLen;
    }

    public int privParametersOffset() {
        return privOff;
    }

    public int privParametersLength() {
        return privLen;
    }

    /** True when the message data is an encryptedPDU. */
    public boolean encrypted() {
        return encrypted;
    }

    /** The ScopedPDU's SEQUENCE, or the encryptedPDU's content. */
    public int dataOffset() {
        return dataOff;
    }

    public int dataLength() {
        return dataLen;
    }

    /**
     * The msgVersion read by the last {@link #parse}, also when it failed for not being 3; -1 when
     * the message ended before it.
     */
    public int version() {
        return version;
    }

    /**
     * Marks the message data as plaintext once the caller has decrypted the encryptedPDU in place:
     * checks that it starts with a ScopedPDU SEQUENCE that fits, and narrows the data to that
     * SEQUENCE (dropping CBC padding).
     *
     * @throws BerDecodeException when the plaintext does not start with a SEQUENCE that fits
     */
    public void decryptedInPlace() {
        r.reset(buf, dataOff);
        int len = r.expect(BerTags.SEQUENCE, dataOff + dataLen, "ScopedPDU SEQUENCE");
        dataLen = r.pos + len - dataOff;
        encrypted = false;
    }
}
