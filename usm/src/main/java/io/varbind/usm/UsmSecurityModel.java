package io.varbind.usm;

import io.varbind.codec.BerDecodeException;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RFC 3414 section 3 message processing: outgoing messages are encoded, encrypted and signed in
 * place in the caller's buffer; incoming ones are verified (digest in constant time, time
 * window), decrypted and decoded. Every failure is a {@link UsmException} naming its usmStats
 * counter. Stateless apart from the salt counter.
 *
 * <p>{@link #encode} and {@link #decodeInPlace} allocate nothing per message: the message is
 * written and encrypted where it lies, the HMAC runs on a keyed per-thread digest, and incoming
 * messages are read through a caller's {@link V3Envelope} and decrypted in place, for the
 * codec's {@link io.varbind.codec.VarBindCursor} to read. {@link #decode} builds objects.
 */
public final class UsmSecurityModel {
    private static final byte[] EMPTY = new byte[0];
    private static final AtomicLong SALT = new AtomicLong(ThreadLocalRandom.current().nextLong());
    private static final ThreadLocal<V3Envelope> ENVELOPE = ThreadLocal.withInitial(V3Envelope::new);

    private UsmSecurityModel() {
    }

    /** A decoded, verified and decrypted incoming message. */
    public record Incoming(V3Message message, ScopedPdu scopedPdu, boolean authenticated) {
    }

    /** Constant-time comparison of {@code n} octets (the time does not depend on where they differ). */
    private static boolean equalDigests(byte[] a, int aOff, byte[] b, int bOff, int n) {
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
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
        if (user == null || user.securityFlags() == 0) {
            return encodeEntered(out, off, msgId, maxSize, reportable, user, engine, scopedPdu);
        }
        long stamp = user.enter();
        try {
            return encodeEntered(out, off, msgId, maxSize, reportable, user, engine, scopedPdu);
        } finally {
            user.exit(stamp);
        }
    }

    private static int encodeEntered(byte[] out, int off, int msgId, int maxSize, boolean reportable, UsmUser user,
            EngineState engine, ScopedPdu scopedPdu) {
        int flags = (user == null ? 0 : user.securityFlags()) | (reportable ? V3Message.FLAG_REPORTABLE : 0);
        byte[] engineId = engine == null ? EMPTY : engine.engineIdRaw();
        int boots = engine == null ? 0 : engine.boots();
        int time = engine == null ? 0 : engine.time();
        byte[] name = user == null ? EMPTY : user.nameRaw();
        boolean auth = (flags & V3Message.FLAG_AUTH) != 0;
        boolean priv = (flags & V3Message.FLAG_PRIV) != 0;
        UsmUser.Crypto c = auth ? user.crypto() : null;
        byte[] salt = EMPTY;
        if (priv) {
            salt = c.salt;
            long s = SALT.incrementAndGet();
            if (user.priv().isAes()) {
                for (int i = 0; i < 8; i++) {
                    salt[i] = (byte) (s >>> (56 - 8 * i));
                }
            } else {
                // DES/3DES salt: engineBoots then a local counter (RFC 3414 8.1.1.1)
                for (int i = 0; i < 4; i++) {
                    salt[i] = (byte) (boots >>> (24 - 8 * i));
                    salt[4 + i] = (byte) (s >>> (24 - 8 * i));
                }
            }
        }
        V3Envelope layout = ENVELOPE.get();
        int block = !priv ? 0 : user.priv().isAes() ? 1 : 8;
        int n = SnmpMessageEncoder.encodeV3Usm(out, off, msgId, maxSize, flags, engineId, boots, time, name,
                auth ? user.auth().macLength() : 0, salt, scopedPdu, block, layout);
        if (priv) {
            PrivacyCipher.encryptInPlace(user, salt, 0, boots, time, out, layout.dataOffset(), layout.dataLength());
        }
        if (auth) {
            c.hmac(out, off, n);
            System.arraycopy(c.digest, 0, out, layout.authParametersOffset(), user.auth().macLength());
        }
        return n;
    }

    /**
     * Parses, checks and verifies an incoming message into {@code e} without decrypting it
     * (RFC 3414 section 3.2 steps 1-7). Modifies nothing in {@code buf} for long: the digest is
     * zeroed to be checked, then put back.
     *
     * @return whether the message is authenticated
     */
    private static boolean verify(byte[] buf, int off, int len, UsmUser user, EngineState engine, V3Envelope e) {
        try {
            e.parse(buf, off, len);
        } catch (BerDecodeException x) {
            if (e.version() >= 0 && e.version() != 3) {
                throw new UsmException("snmpInBadVersions", "not an SNMPv3 message", x);
            }
            throw new UsmException("snmpInASNParseErrs", x.getMessage(), x);
        }
        if (e.securityModel() != V3Message.SECURITY_MODEL_USM) {
            throw new UsmException("snmpUnknownSecurityModels", "security model " + e.securityModel());
        }
        if (e.isPriv() && !e.isAuth()) {
            throw new UsmException("snmpInvalidMsgs", "privacy without authentication");
        }
        if (!e.isAuth()) {
            if (e.encrypted()) {
                throw new UsmException(UsmStats.UNSUPPORTED_SEC_LEVELS, "encrypted but not authenticated");
            }
            return false;
        }
        if (user == null || user.auth() == AuthProtocol.NONE) {
            throw new UsmException(UsmStats.UNSUPPORTED_SEC_LEVELS, "an authenticated message for a user without keys");
        }
        byte[] name = user.nameRaw();
        if (!Arrays.equals(buf, e.userNameOffset(), e.userNameOffset() + e.userNameLength(), name, 0, name.length)) {
            throw new UsmException(UsmStats.UNKNOWN_USER_NAMES, "a message for another user");
        }
        if (engine != null) {
            byte[] id = engine.engineIdRaw();
            if (!Arrays.equals(buf, e.engineIdOffset(), e.engineIdOffset() + e.engineIdLength(), id, 0, id.length)) {
                throw new UsmException(UsmStats.UNKNOWN_ENGINE_IDS, "a message from another engine id");
            }
        }
        int macLength = user.auth().macLength();
        if (e.authParametersLength() != macLength) {
            throw new UsmException(UsmStats.WRONG_DIGESTS, "msgAuthenticationParameters of "
                    + e.authParametersLength() + " octets, not " + macLength);
        }
        UsmUser.Crypto c = user.crypto();
        int at = e.authParametersOffset();
        byte[] keep = c.receivedDigest;
        System.arraycopy(buf, at, keep, 0, macLength);
        Arrays.fill(buf, at, at + macLength, (byte) 0);
        c.hmac(buf, e.wholeMessageOffset(), e.wholeMessageLength());
        System.arraycopy(keep, 0, buf, at, macLength);
        if (!equalDigests(c.digest, 0, keep, 0, macLength)) {
            throw new UsmException(UsmStats.WRONG_DIGESTS, "the message digest does not match (wrong password?)");
        }
        if (engine != null && !engine.acceptAuthenticated(e.engineBoots(), e.engineTime())) {
            throw new UsmException(UsmStats.NOT_IN_TIME_WINDOWS, "engineBoots " + e.engineBoots() + ", engineTime "
                    + e.engineTime() + " are outside the time window");
        }
        if (!e.isPriv()) {
            if (e.encrypted()) {
                throw new UsmException("snmpInvalidMsgs", "encrypted data without the privacy flag");
            }
            return true;
        }
        if (user.priv() == PrivProtocol.NONE) {
            throw new UsmException(UsmStats.UNSUPPORTED_SEC_LEVELS, "an encrypted message for a user without privacy");
        }
        if (!e.encrypted()) {
            throw new UsmException(UsmStats.DECRYPTION_ERRORS, "the privacy flag is set but the PDU is plaintext");
        }
        return true;
    }

    private static UsmException undecodable(BerDecodeException x) {
        return new UsmException(UsmStats.DECRYPTION_ERRORS, "the decrypted scoped PDU does not parse ("
                + x.getMessage() + "): wrong privacy password or protocol?", x);
    }

    /**
     * Verifies an incoming v3 message from the engine in {@code engine} and decrypts it in place,
     * allocating nothing: afterwards {@code e} describes the message and its data
     * ({@link V3Envelope#dataOffset()}, {@link V3Envelope#dataLength()}) is the plaintext
     * ScopedPDU in {@code buf}, for {@link io.varbind.codec.VarBindCursor#resetScopedPdu}.
     * Unauthenticated messages are accepted with the result false: the caller takes those only
     * as reports. Overwrites the encryptedPDU in {@code buf}.
     *
     * @param user the user whose keys check the message (null: a discovery answer)
     * @return whether the message is authenticated
     */
    public static boolean decodeInPlace(byte[] buf, int off, int len, UsmUser user, EngineState engine,
            V3Envelope e) {
        if (user == null) {
            return decodeInPlaceEntered(buf, off, len, null, engine, e);
        }
        long stamp = user.enter();
        try {
            return decodeInPlaceEntered(buf, off, len, user, engine, e);
        } finally {
            user.exit(stamp);
        }
    }

    private static boolean decodeInPlaceEntered(byte[] buf, int off, int len, UsmUser user, EngineState engine,
            V3Envelope e) {
        boolean authenticated = verify(buf, off, len, user, engine, e);
        if (e.encrypted()) {
            PrivacyCipher.decrypt(user, buf, e.privParametersOffset(), e.privParametersLength(), e.engineBoots(),
                    e.engineTime(), buf, e.dataOffset(), e.dataLength(), buf, e.dataOffset());
            try {
                e.decryptedInPlace();
            } catch (BerDecodeException x) {
                throw undecodable(x);
            }
        }
        return authenticated;
    }

    /**
     * {@link #decodeInPlace}, then the plaintext ScopedPDU decoded into objects (whose octet
     * strings refer to {@code buf}); whether the message was authenticated is
     * {@code e.isAuth()}. A decrypted ScopedPDU that does not parse is a decryption error, a
     * plaintext one a parse error, as in {@link #decode}.
     */
    public static ScopedPdu decodeScopedPduInPlace(byte[] buf, int off, int len, UsmUser user, EngineState engine,
            V3Envelope e) {
        decodeInPlace(buf, off, len, user, engine, e);
        try {
            return SnmpMessageDecoder.decodeScopedPdu(buf, e.dataOffset(), e.dataLength());
        } catch (BerDecodeException x) {
            throw scopedPduRefused(e, x);
        }
    }

    /**
     * {@link #decodeScopedPduInPlace}, refusing the same messages with the same errors, ending in
     * the ScopedPDU's PDU with its varbinds left, validated, in {@code buf}
     * ({@link Pdu#isDeferred()}: read them with
     * {@link io.varbind.codec.VarBindCursor#reset(Pdu)}); the context fields are
     * checked, not kept. Nothing is allocated per message but the PDU itself. For a receiver that
     * owns {@code buf} for as long as the PDU is in use (a manager's engine reading an answer).
     */
    public static Pdu decodePduDeferred(byte[] buf, int off, int len, UsmUser user, EngineState engine,
            V3Envelope e) {
        decodeInPlace(buf, off, len, user, engine, e);
        try {
            return SnmpMessageDecoder.decodeScopedPduDeferredPdu(buf, e.dataOffset(), e.dataLength());
        } catch (BerDecodeException x) {
            throw scopedPduRefused(e, x);
        }
    }

    /** A decrypted ScopedPDU that does not parse is a decryption error, a plaintext one a parse error. */
    private static UsmException scopedPduRefused(V3Envelope e, BerDecodeException x) {
        return e.isPriv() ? undecodable(x) : new UsmException("snmpInASNParseErrs", x.getMessage(), x);
    }

    /**
     * Verifies, decrypts and decodes an incoming v3 message from the engine in {@code engine},
     * into objects; {@code buf} is left as it was.
     *
     * @param user the user whose keys check the message (null: a discovery answer)
     */
    public static Incoming decode(byte[] buf, int off, int len, UsmUser user, EngineState engine) {
        if (user == null) {
            return decodeEntered(buf, off, len, null, engine);
        }
        long stamp = user.enter();
        try {
            return decodeEntered(buf, off, len, user, engine);
        } finally {
            user.exit(stamp);
        }
    }

    private static Incoming decodeEntered(byte[] buf, int off, int len, UsmUser user, EngineState engine) {
        V3Envelope e = ENVELOPE.get();
        boolean authenticated = verify(buf, off, len, user, engine, e);
        SnmpMessage sm;
        try {
            sm = SnmpMessageDecoder.decode(buf, off, len);
        } catch (BerDecodeException x) {
            throw new UsmException("snmpInASNParseErrs", x.getMessage(), x);
        }
        V3Message m = (V3Message) sm;
        if (!e.encrypted()) {
            return new Incoming(m, m.scopedPdu(), authenticated);
        }
        byte[] plain = new byte[e.dataLength()];
        PrivacyCipher.decrypt(user, buf, e.privParametersOffset(), e.privParametersLength(), e.engineBoots(),
                e.engineTime(), buf, e.dataOffset(), e.dataLength(), plain, 0);
        try {
            return new Incoming(m, SnmpMessageDecoder.decodeScopedPdu(plain, 0, plain.length), authenticated);
        } catch (BerDecodeException x) {
            throw undecodable(x);
        }
    }
}
