package io.varbind.agent;

import io.varbind.codec.BerEncodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmException;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmStats;
import io.varbind.usm.UsmUser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's SNMPv3: an authoritative USM engine (RFC 3414 section 3.2) with its own engine id,
 * boots and time. Discovery requests get the usmStatsUnknownEngineIDs report that carries them;
 * unknown users, unsupported levels, wrong digests and decryption errors get their reports at
 * noAuthNoPriv; a message outside the time window an authenticated notInTimeWindow report (step
 * 7a); everything else goes to the command responder and back at the request's level.
 */
public final class UsmAgentProcessor implements V3MessageProcessor {
    private static final ThreadLocal<V3Envelope> ENVELOPE = ThreadLocal.withInitial(V3Envelope::new);

    /** One configured user: its keys are localised to this engine's id once, at start. */
    public record User(UsmUser usm, boolean writeAccess) {
    }

    private final byte[] engineId;
    private final EngineState engine;
    private final Map<String, User> users;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public UsmAgentProcessor(byte[] engineId, int boots, Map<String, User> users) {
        this.engineId = engineId.clone();
        this.engine = new EngineState(engineId, boots, 0);
        this.users = new HashMap<>(users);
    }

    /** A fresh engine id of RFC 3411's format 5 (administratively assigned octets): 0x80000000 05 + 8 random. */
    public static byte[] randomEngineId() {
        byte[] id = new byte[13];
        id[0] = (byte) 0x80;
        id[4] = 5;
        byte[] r = new byte[8];
        new SecureRandom().nextBytes(r);
        System.arraycopy(r, 0, id, 5, 8);
        return id;
    }

    /**
     * Parses {@code NAME:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS} (the last two, or the last four, may
     * be left out for authNoPriv or noAuthNoPriv) and localises the keys to {@code engineId}.
     */
    public static User parseUser(String spec, byte[] engineId, boolean writeAccess) {
        String[] f = spec.split(":", -1);
        if (f.length != 1 && f.length != 3 && f.length != 5 || f[0].isEmpty()) {
            throw new IllegalArgumentException("expected NAME:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS, got "
                    + f.length + " fields");
        }
        AuthProtocol auth = f.length >= 3 ? AuthProtocol.parse(f[1]) : AuthProtocol.NONE;
        PrivProtocol priv = f.length == 5 ? PrivProtocol.parse(f[3]) : PrivProtocol.NONE;
        String authPass = f.length >= 3 ? f[2] : null;
        String privPass = f.length == 5 ? f[4] : null;
        return new User(UsmUser.localized(f[0], auth, authPass, priv, privPass, engineId), writeAccess);
    }

    public byte[] engineId() {
        return engineId.clone();
    }

    /** How many messages each usmStats counter counted. */
    public long counter(String name) {
        AtomicLong c = counters.get(name);
        return c == null ? 0 : c.get();
    }

    @Override
    public int process(V3Message m, byte[] in, int off, int len, byte[] out, int maxSize, CommandResponder responder) {
        if (m.securityModel() != V3Message.SECURITY_MODEL_USM) {
            return -1; // snmpUnknownSecurityModels: no report is possible without the model
        }
        int size = Math.min(maxSize, Math.max(484, m.msgMaxSize()));
        byte[] name = m.usm().userName();
        int requestId = m.scopedPdu() != null ? m.scopedPdu().pdu().requestId() : 0;
        byte[] contextName = m.scopedPdu() != null ? m.scopedPdu().contextName() : new byte[0];
        if (!Arrays.equals(m.usm().engineId(), engineId)) {
            return report(m, UsmStats.UNKNOWN_ENGINE_IDS, null, requestId, contextName, out, size);
        }
        User user = users.get(new String(name, StandardCharsets.UTF_8));
        if (user == null) {
            return report(m, UsmStats.UNKNOWN_USER_NAMES, null, requestId, contextName, out, size);
        }
        UsmUser u = user.usm();
        if (m.isAuth() && u.auth() == AuthProtocol.NONE || m.isPriv() && u.priv() == PrivProtocol.NONE
                || !m.isAuth() && u.auth() != AuthProtocol.NONE) {
            return report(m, UsmStats.UNSUPPORTED_SEC_LEVELS, null, requestId, contextName, out, size);
        }
        ScopedPdu scoped;
        try {
            // the receive buffer is this request's until it is answered: verified and decrypted in place
            scoped = UsmSecurityModel.decodeScopedPduInPlace(in, off, len, u, null, ENVELOPE.get());
        } catch (UsmException e) {
            String counter = e.counter().startsWith("usmStats") ? e.counter() : null;
            if (counter == null) {
                return -1; // a parse error: counted as such, no report (RFC 3412 section 7.2 step 2)
            }
            return report(m, counter, null, requestId, contextName, out, size);
        }
        if (m.isAuth()) { // RFC 3414 section 3.2 step 7a: the authoritative engine's own window
            int boots = engine.boots();
            int now = engine.time();
            if (m.usm().engineBoots() != boots || Math.abs(m.usm().engineTime() - now) > EngineState.TIME_WINDOW) {
                UsmUser authOnly = u.withoutPrivacy();
                try {
                    return report(m, UsmStats.NOT_IN_TIME_WINDOWS, authOnly,
                            scoped.pdu().requestId(), contextName, out, size);
                } finally {
                    authOnly.destroy();
                }
            }
        }
        Pdu request = scoped.pdu();
        if (!isRequest(request.type())) {
            return -1;
        }
        Pdu response = responder.respond(request, CommandResponder.V3, user.writeAccess(), Math.max(1, size / 16));
        ScopedPdu reply = new ScopedPdu(engineId, scoped.contextName(), response);
        try {
            return UsmSecurityModel.encode(out, 0, m.msgId(), size, false, u, engine, reply);
        } catch (BerEncodeException | IndexOutOfBoundsException tooLarge) {
            Pdu tooBig = new Pdu(BerTags.RESPONSE, request.requestId(), 1, 0, List.of());
            return UsmSecurityModel.encode(out, 0, m.msgId(), size, false, u, engine,
                    new ScopedPdu(engineId, scoped.contextName(), tooBig));
        }
    }

    private static boolean isRequest(int type) {
        return type == BerTags.GET || type == BerTags.GETNEXT || type == BerTags.GETBULK || type == BerTags.SET;
    }

    /**
     * A Report (RFC 3412 section 7.1 step 3) with the counter: {@code user} null sends it at
     * noAuthNoPriv, as every report but notInTimeWindow; nothing is sent when the request was not
     * reportable.
     */
    private int report(V3Message m, String counter, UsmUser user, int requestId, byte[] contextName, byte[] out,
            int size) {
        long n = counters.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
        if (!m.isReportable()) {
            return -1;
        }
        Pdu report = new Pdu(BerTags.REPORT, requestId, 0, 0,
                List.of(new VarBind(UsmStats.oid(counter), Variable.counter32(n))));
        return UsmSecurityModel.encode(out, 0, m.msgId(), size, false, user, engine,
                new ScopedPdu(engineId, contextName, report));
    }
}
