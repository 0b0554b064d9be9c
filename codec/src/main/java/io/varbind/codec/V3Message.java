package io.varbind.codec;

import java.util.Arrays;

/**
 * An SNMPv3 message (RFC 3412 section 6): msgGlobalData, the security parameters (USM's when
 * the security model is 3, else kept as raw octets) and either a plaintext {@link ScopedPdu} or
 * the encrypted one. A decoded message also knows where its parts were in the input buffer, so
 * the security model can verify the digest and decrypt in place.
 */
public final class V3Message implements SnmpMessage {
    public static final int FLAG_AUTH = 0x01;
    public static final int FLAG_PRIV = 0x02;
    public static final int FLAG_REPORTABLE = 0x04;
    /** RFC 3414: the User-based Security Model. */
    public static final int SECURITY_MODEL_USM = 3;
    /** RFC 5591: the Transport Security Model. */
    public static final int SECURITY_MODEL_TSM = 4;

    private final int msgId;
    private final int msgMaxSize;
    private final int msgFlags;
    private final int securityModel;
    private final UsmSecurityParameters usm;
    private final byte[] securityParameters;
    private final ScopedPdu scopedPdu;
    private final byte[] encryptedPdu;

    // where the parts were in the decoded buffer; -1 for messages built here
    int wholeOffset = -1;
    int wholeLength = -1;
    int authParamsOffset = -1;
    int encryptedOffset = -1;
    int encryptedLength = -1;
    int scopedPduOffset = -1;

    /**
     * @param usm the USM parameters (security model 3), or null with {@code securityParameters}
     *     holding the raw msgSecurityParameters octets of another model
     * @param scopedPdu the plaintext scoped PDU, or null when {@code encryptedPdu} is given
     */
    public V3Message(int msgId, int msgMaxSize, int msgFlags, int securityModel, UsmSecurityParameters usm,
            byte[] securityParameters, ScopedPdu scopedPdu, byte[] encryptedPdu) {
        if ((scopedPdu == null) == (encryptedPdu == null)) {
            throw new IllegalArgumentException("exactly one of scopedPdu and encryptedPdu");
        }
        if (msgFlags < 0 || msgFlags > 0xFF) {
            throw new IllegalArgumentException("msgFlags is one octet: " + msgFlags);
        }
        this.msgId = msgId;
        this.msgMaxSize = msgMaxSize;
        this.msgFlags = msgFlags;
        this.securityModel = securityModel;
        this.usm = usm;
        this.securityParameters = usm == null ? (securityParameters == null ? new byte[0] : securityParameters) : null;
        this.scopedPdu = scopedPdu;
        this.encryptedPdu = encryptedPdu;
    }

    /** A USM message with a plaintext scoped PDU. */
    public static V3Message plain(int msgId, int msgMaxSize, int msgFlags, UsmSecurityParameters usm, ScopedPdu pdu) {
        return new V3Message(msgId, msgMaxSize, msgFlags, SECURITY_MODEL_USM, usm, null, pdu, null);
    }

    /** A USM message whose scoped PDU is already encrypted. */
    public static V3Message encrypted(int msgId, int msgMaxSize, int msgFlags, UsmSecurityParameters usm,
            byte[] encryptedPdu) {
        return new V3Message(msgId, msgMaxSize, msgFlags, SECURITY_MODEL_USM, usm, null, null, encryptedPdu);
    }

    @Override
    public int version() {
        return 3;
    }

    public int msgId() {
        return msgId;
    }

    public int msgMaxSize() {
        return msgMaxSize;
    }

    public int msgFlags() {
        return msgFlags;
    }

    public boolean isAuth() {
        return (msgFlags & FLAG_AUTH) != 0;
    }

    public boolean isPriv() {
        return (msgFlags & FLAG_PRIV) != 0;
    }

    public boolean isReportable() {
        return (msgFlags & FLAG_REPORTABLE) != 0;
    }

    public int securityModel() {
        return securityModel;
    }

    /** The USM parameters, or null for another security model. */
    public UsmSecurityParameters usm() {
        return usm;
    }

    /** The raw msgSecurityParameters octets of a non-USM model (empty for TSM), else null. */
    public byte[] securityParameters() {
        return securityParameters == null ? null : securityParameters.clone();
    }

    /** The plaintext scoped PDU, or null when encrypted. */
    public ScopedPdu scopedPdu() {
        return scopedPdu;
    }

    /** A copy of the encrypted scoped PDU, or null when plaintext. */
    public byte[] encryptedPdu() {
        return encryptedPdu == null ? null : encryptedPdu.clone();
    }

    byte[] encryptedPduRaw() {
        return encryptedPdu;
    }

    byte[] securityParametersRaw() {
        return securityParameters;
    }

    /** This message with the scoped PDU replaced (after decryption). */
    public V3Message withScopedPdu(ScopedPdu pdu) {
        V3Message m = new V3Message(msgId, msgMaxSize, msgFlags, securityModel, usm, securityParameters, pdu, null);
        m.wholeOffset = wholeOffset;
        m.wholeLength = wholeLength;
        m.authParamsOffset = authParamsOffset;
        return m;
    }

    /** Decoded messages: absolute offset of the msgAuthenticationParameters octets, else -1. */
    public int authParametersOffset() {
        return authParamsOffset;
    }

    /** Decoded messages: absolute offset of the message's first octet (its SEQUENCE tag), else -1. */
    public int wholeMessageOffset() {
        return wholeOffset;
    }

    /** Decoded messages: the length of the whole message TLV (what the digest covers), else -1. */
    public int wholeMessageLength() {
        return wholeLength;
    }

    /** Decoded encrypted messages: absolute offset of the encrypted octets, else -1. */
    public int encryptedPduOffset() {
        return encryptedOffset;
    }

    /** Decoded encrypted messages: length of the encrypted octets, else -1. */
    public int encryptedPduLength() {
        return encryptedLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof V3Message m && m.msgId == msgId && m.msgMaxSize == msgMaxSize && m.msgFlags == msgFlags
                && m.securityModel == securityModel && java.util.Objects.equals(m.usm, usm)
                && Arrays.equals(m.securityParameters, securityParameters)
                && java.util.Objects.equals(m.scopedPdu, scopedPdu) && Arrays.equals(m.encryptedPdu, encryptedPdu);
    }

    @Override
    public int hashCode() {
        return msgId * 31 + msgFlags * 7 + securityModel + java.util.Objects.hashCode(scopedPdu);
    }

    @Override
    public String toString() {
        return "V3Message[msgId=" + msgId + ", flags=" + msgFlags + ", model=" + securityModel + ", " + usm + ", "
                + (scopedPdu != null ? scopedPdu : "encrypted " + encryptedPdu.length + " octets") + "]";
    }
}
