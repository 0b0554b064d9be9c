package io.varbind.usm;

import io.varbind.codec.BerDecodeException;
import io.varbind.codec.EncodedV3;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.UsmSecurityParameters;
import io.varbind.codec.V3Message;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RFC 3414 section 3 message processing on the codec's {@link V3Message}, for the manager side:
 * outgoing messages are encoded, encrypted and signed in place in the caller's buffer; incoming
 * ones are verified (digest in constant time, time window), decrypted and decoded. Every failure
 * is a {@link UsmException} naming its usmStats counter. Stateless apart from the salt counter.
 */
public final class UsmSecurityModel {
    private static final byte[] EMPTY = new byte[0];
    private static final AtomicLong SALT = new AtomicLong(ThreadLocalRandom.current().nextLong());
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[65536 + 64]);

    private UsmSecurityModel() {
    }

    /** A decoded, verified and decrypted incoming message. */
    public record Incoming(V3Message message, ScopedPdu scopedPdu, boolean authenticated) {
    }

    /**
     * The HMAC of {@code buf[off..off+len)} with the user's key (RFC 3414 6.3.1, 7.3.1; RFC 7860
     * 4.2.1), whole, in the thread's array: its first {@code macLength()} octets are the digest.
     */
    private static byte[] digest(UsmUser user, byte[] buf, int off, int len) {
        UsmUser.Crypto c = user.crypto();
        c.mac.update(buf, off, len);
        try {
            c.mac.doFinal(c.digest, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e); // 64 octets hold every HMAC of the USM
        }
        return c.digest;
    }

    /** Constant-time comparison of {@code n} octets (the time does not depend on where they differ). */
    private static boolean equalDigests(byte[] a, int aOff, byte[] b, int bOff, int n) {
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    private static final byte[][] ZERO_DIGESTS = new byte[65][];

    static {
        for (AuthProtocol p : AuthProtocol.values()) {
            ZERO_DIGESTS[p.macLength()] = new byte[p.macLength()];
        }
    }

    /**
     * Encodes a request at {@code out[off]}: {@code user} null (or {@code engine} null) gives the
     * engine-id discovery message of RFC 3414 section 4 (noAuthNoPriv, empty parameters).
     *
     * @param reportable whether to set the reportable flag
     * @return the message length
     */
    public static int encode(byte[] out, int off, int msgId, int maxSize, boolean reportable, UsmUser user,
            EngineState engine, ScopedPdu scopedPdu) {
        int flags = (user == null ? 0 : user.securityFlags()) | (reportable ? V3Message.FLAG_REPORTABLE : 0);
        byte[] engineId = engine == null ? EMPTY : engine.engineIdRaw();
        int boots = engine == null ? 0 : engine.boots();
        int time = engine == null ? 0 : engine.time();
        byte[] name = user == null ? EMPTY : user.nameRaw();
        boolean auth = (flags & V3Message.FLAG_AUTH) != 0;
        boolean priv = (flags & V3Message.FLAG_PRIV) != 0;
        byte[] authParams = auth ? ZERO_DIGESTS[user.auth().macLength()] : EMPTY; // read only: copied out
        byte[] privParams = EMPTY;
        V3Message m;
        if (priv) {
            long s = SALT.incrementAndGet();
            privParams = new byte[8];
            if (user.priv().isAes()) {
                for (int i = 0; i < 8; i++) {
                    privParams[i] = (byte) (s >>> (56 - 8 * i));
                }
            } else {
                // DES/3DES salt: engineBoots then a local counter (RFC 3414 8.1.1.1)
                int c = (int) s;
                privParams = new byte[] {(byte) (boots >>> 24), (byte) (boots >>> 16), (byte) (boots >>> 8),
                    (byte) boots, (byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c};
            }
            byte[] scratch = SCRATCH.get();
            int n = SnmpMessageEncoder.encodeScopedPdu(scopedPdu, scratch, 0);
            byte[] enc = PrivacyCipher.encrypt(user, privParams, boots, time, scratch, 0, n);
            m = V3Message.encrypted(msgId, maxSize, flags, new UsmSecurityParameters(engineId, boots, time, name,
                    authParams, privParams), enc);
        } else {
            m = V3Message.plain(msgId, maxSize, flags, new UsmSecurityParameters(engineId, boots, time, name,
                    authParams, privParams), scopedPdu);
        }
        EncodedV3 e = SnmpMessageEncoder.encodeV3(m, out, off);
        if (auth) {
            byte[] digest = digest(user, out, off, e.length());
            System.arraycopy(digest, 0, out, e.authParametersOffset(), user.auth().macLength());
        }
        return e.length();
    }

    /**
     * Verifies, decrypts and decodes an incoming v3 message from the engine in {@code engine}.
     * Modifies {@code buf} (the digest is zeroed to be checked). Unauthenticated messages are
     * returned with {@code authenticated} false: the caller accepts those only as reports.
     *
     * @param user the user whose keys check the message (null: a discovery answer)
     */
    public static Incoming decode(byte[] buf, int off, int len, UsmUser user, EngineState engine) {
        SnmpMessage sm;
        try {
            sm = SnmpMessageDecoder.decode(buf, off, len);
        } catch (BerDecodeException e) {
            throw new UsmException("snmpInASNParseErrs", e.getMessage(), e);
        }
        if (!(sm instanceof V3Message m)) {
            throw new UsmException("snmpInBadVersions", "not an SNMPv3 message");
        }
        if (m.securityModel() != V3Message.SECURITY_MODEL_USM) {
            throw new UsmException("snmpUnknownSecurityModels", "security model " + m.securityModel());
        }
        if (m.isPriv() && !m.isAuth()) {
            throw new UsmException("snmpInvalidMsgs", "privacy without authentication");
        }
        UsmSecurityParameters u = m.usm();
        if (!m.isAuth()) {
            if (m.scopedPdu() == null) {
                throw new UsmException(UsmStats.UNSUPPORTED_SEC_LEVELS, "encrypted but not authenticated");
            }
            return new Incoming(m, m.scopedPdu(), false);
        }
        if (user == null || user.auth() == AuthProtocol.NONE) {
            throw new UsmException(UsmStats.UNSUPPORTED_SEC_LEVELS, "an authenticated message for a user without keys");
        }
        if (!Arrays.equals(u.userName(), user.nameRaw())) {
            throw new UsmException(UsmStats.UNKNOWN_USER_NAMES, "a message for another user");
        }
        if (engine != null && !Arrays.equals(u.engineId(), engine.engineIdRaw())) {
            throw new UsmException(UsmStats.UNKNOWN_ENGINE_IDS, "a message from another engine id");
        }
        byte[] got = u.authParameters();
        if (got.length != user.auth().macLength()) {
            throw new UsmException(UsmStats.WRONG_DIGESTS, "msgAuthenticationParameters of " + got.length
                    + " octets, not " + user.auth().macLength());
        }
        int at = m.authParametersOffset();
        Arrays.fill(buf, at, at + got.length, (byte) 0);
        byte[] expected = digest(user, buf, m.wholeMessageOffset(), m.wholeMessageLength());
        System.arraycopy(got, 0, buf, at, got.length);
        if (!equalDigests(expected, 0, got, 0, got.length)) {
            throw new UsmException(UsmStats.WRONG_DIGESTS, "the message digest does not match (wrong password?)");
        }
        if (engine != null && !engine.acceptAuthenticated(u.engineBoots(), u.engineTime())) {
            throw new UsmException(UsmStats.NOT_IN_TIME_WINDOWS, "engineBoots " + u.engineBoots() + ", engineTime "
                    + u.engineTime() + " are outside the time window");
        }
        if (!m.isPriv()) {
            if (m.scopedPdu() == null) {
                throw new UsmException("snmpInvalidMsgs", "encrypted data without the privacy flag");
            }
            return new Incoming(m, m.scopedPdu(), true);
        }
        if (user.priv() == PrivProtocol.NONE) {
            throw new UsmException(UsmStats.UNSUPPORTED_SEC_LEVELS, "an encrypted message for a user without privacy");
        }
        if (m.scopedPdu() != null) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "the privacy flag is set but the PDU is plaintext");
        }
        byte[] plain = PrivacyCipher.decrypt(user, u.privParameters(), u.engineBoots(),
                u.engineTime(), buf, m.encryptedPduOffset(), m.encryptedPduLength());
        try {
            ScopedPdu sp = SnmpMessageDecoder.decodeScopedPdu(plain, 0, plain.length);
            return new Incoming(m, sp, true);
        } catch (BerDecodeException e) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "the decrypted scoped PDU does not parse ("
                    + e.getMessage() + "): wrong privacy password or protocol?", e);
        }
    }
}
