package io.varbind.agent;

import io.varbind.codec.BerEncodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.engine.RateLimitedLog;
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

/**
 * The agent's SNMPv3: an authoritative USM engine (RFC 3414 section 3.2) with its own engine id,
 * boots and time. Discovery requests get the usmStatsUnknownEngineIDs report that carries them;
 * unknown users, unsupported levels, wrong digests and decryption errors get their reports at
 * noAuthNoPriv; a message outside the time window an authenticated notInTimeWindow report (step
 * 7a); everything else goes to the command responder and back at the request's level.
 */
public final class UsmAgentProcessor implements V3MessageProcessor {
    private static final Oid USM_STATS = Oid.parse("1.3.6.1.6.3.15.1.1");
    private static final ThreadLocal<V3Envelope> ENVELOPE = ThreadLocal.withInitial(V3Envelope::new);

    /** One configured user: its keys are localised to this engine's id once, at start; what it may read and write. */
    public record User(UsmUser usm, View view) {
        /** Reads everything; writes everything too when {@code writeAccess}. */
        public User(UsmUser usm, boolean writeAccess) {
            this(usm, writeAccess ? View.all() : View.readAll());
        }
    }

    private static final RateLimitedLog REFUSED_LOG = new RateLimitedLog(
            org.slf4j.LoggerFactory.getLogger("io.varbind.agent"), RateLimitedLog.Level.INFO);

    private final byte[] engineId;
    private final EngineState engine;
    private final Map<String, User> users;
    /** Users with privacy, keyed alike, at authNoPriv: a request at that level is answered at it (RFC 3412 7.1 step 3). */
    private final Map<String, UsmUser> authOnly = new HashMap<>();

    public UsmAgentProcessor(byte[] engineId, int boots, Map<String, User> users) {
        this(new EngineState(engineId, boots, 0), users);
    }

    /** With an engine (id, boots, time since its start) shared with whoever else announces it. */
    public UsmAgentProcessor(EngineState engine, Map<String, User> users) {
        this.engineId = engine.engineId();
        this.engine = engine;
        this.users = new HashMap<>(users);
        users.forEach((name, u) -> {
            if (u.usm().priv() != PrivProtocol.NONE) {
                authOnly.put(name, u.usm().withoutPrivacy());
            }
        });
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

    public byte[] engineId() {
        return engineId.clone();
    }

    /** snmpEngineBoots and snmpEngineTime as this engine announces them now. */
    EngineState engine() {
        return engine;
    }

    @Override
    public int process(V3Message m, byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax,
            CommandResponder responder, AgentStatistics stats) {
        if (m.securityModel() != V3Message.SECURITY_MODEL_USM) {
            stats.unknownSecurityModels.increment();
            return -1; // no report is possible without the model
        }
        // msgMaxSize is the requester's limit in bytes for the whole answer (RFC 3412 section 6);
        // below 484 it is out of range, and 484 is what every engine must accept.
        int size = Math.min(maxSize, Math.max(484, m.msgMaxSize()));
        int unauthenticated = Math.min(size, unauthenticatedMax);
        byte[] name = m.usm().userName();
        int requestId = m.scopedPdu() != null ? m.scopedPdu().pdu().requestId() : 0;
        byte[] contextName = m.scopedPdu() != null ? m.scopedPdu().contextName() : new byte[0];
        if (!Arrays.equals(m.usm().engineId(), engineId)) {
            return report(m, 4, stats, null, requestId, contextName, out, unauthenticated);
        }
        User user = users.get(new String(name, StandardCharsets.UTF_8));
        if (user == null) {
            return report(m, 3, stats, null, requestId, contextName, out, unauthenticated);
        }
        UsmUser u = user.usm();
        if (m.isAuth() && u.auth() == AuthProtocol.NONE || m.isPriv() && u.priv() == PrivProtocol.NONE
                || !m.isAuth() && u.auth() != AuthProtocol.NONE) {
            return report(m, 1, stats, null, requestId, contextName, out, unauthenticated);
        }
        ScopedPdu scoped;
        try {
            // the receive buffer is this request's until it is answered: verified and decrypted in place
            scoped = UsmSecurityModel.decodeScopedPduInPlace(in, off, len, u, null, ENVELOPE.get());
        } catch (UsmException e) {
            REFUSED_LOG.log("refused a v3 request: {} ({})", e.getMessage(), e.counter());
            String counter = e.counter().startsWith("usmStats") ? e.counter() : null;
            if (counter == null) {
                stats.inAsnParseErrs.increment();
                return -1; // a parse error: counted as such, no report (RFC 3412 section 7.2 step 2)
            }
            return report(m, AgentStatistics.usmIndex(counter), stats, null,
                    requestId, contextName, out, unauthenticated);
        }
        if (m.isAuth()) { // RFC 3414 section 3.2 step 7a: the authoritative engine's own window
            int boots = engine.boots();
            int now = engine.time();
            if (m.usm().engineBoots() != boots || Math.abs(m.usm().engineTime() - now) > EngineState.TIME_WINDOW) {
                UsmUser authOnly = u.withoutPrivacy();
                try {
                    return report(m, 2, stats, authOnly, scoped.pdu().requestId(), contextName, out, size);
                } finally {
                    authOnly.destroy();
                }
            }
        }
        Pdu request = scoped.pdu();
        if (!isRequest(request.type())) {
            stats.silentDrops.increment();
            return -1;
        }
        int limit = m.isAuth() ? size : unauthenticated;
        Pdu response = user.view().readsNothing()
                // snmpd: a user its access control gives no view at all gets authorizationError
                ? new Pdu(BerTags.RESPONSE, request.requestId(), ErrorStatus.AUTHORIZATION_ERROR, 0, request.varBinds())
                : responder.respond(request, CommandResponder.V3, user.view(), Math.max(1, limit / 6));
        byte[] context = scoped.contextName();
        // the answer goes at the request's security level: a user with privacy may ask at authNoPriv
        UsmUser answerAs = m.isPriv() || u.priv() == PrivProtocol.NONE ? u
                : authOnly.get(new String(name, StandardCharsets.UTF_8));
        return MessageDispatcher.fit(CommandResponder.V3, request, response, pdu -> {
            try {
                int n = UsmSecurityModel.encode(out, 0, m.msgId(), maxSize, false, answerAs, engine,
                        new ScopedPdu(engineId, context, pdu));
                return n <= limit ? n : -1;
            } catch (BerEncodeException | IndexOutOfBoundsException tooLarge) {
                return -1;
            }
        }, stats);
    }

    private static boolean isRequest(int type) {
        return type == BerTags.GET || type == BerTags.GETNEXT || type == BerTags.GETBULK || type == BerTags.SET;
    }

    /**
     * Counts usmStats counter {@code index} and, when the request was reportable, answers with a
     * Report (RFC 3412 section 7.1 step 3) carrying it: {@code user} null sends it at noAuthNoPriv,
     * as every report but notInTimeWindow.
     */
    private int report(V3Message m, int index, AgentStatistics stats, UsmUser user, int requestId,
            byte[] contextName, byte[] out, int size) {
        java.util.concurrent.atomic.LongAdder counter = stats.usm(index);
        counter.increment();
        if (!m.isReportable()) {
            return -1;
        }
        Pdu report = new Pdu(BerTags.REPORT, requestId, 0, 0,
                List.of(new VarBind(USM_STATS.append(index, 0), Variable.counter32(counter.sum() & 0xFFFFFFFFL))));
        try {
            int n = UsmSecurityModel.encode(out, 0, m.msgId(), size, false, user, engine,
                    new ScopedPdu(engineId, contextName, report));
            return n <= size ? n : -1;
        } catch (BerEncodeException | IndexOutOfBoundsException tooLarge) {
            stats.silentDrops.increment();
            return -1;
        }
    }
}
