package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import io.varbind.SnmpEngine;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.UsmSecurityParameters;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.VarBind;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmException;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmStats;
import io.varbind.usm.UsmUser;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SNMPv3 with USM for one session's user (RFC 3412 section 7 with RFC 3414): engine-id discovery
 * once per agent and engine, shared by every session on that engine (concurrent first requests
 * wait for the same discovery); keys localized once per engine id; a usmStatsNotInTimeWindows
 * report resynchronises the time and sends the request once more; every other report ends the
 * request with a {@link SnmpConnectionException} naming its counter.
 */
public final class UsmMessageProcessing extends UsmProcessing {
    private static final ThreadLocal<V3Envelope> ENVELOPE = ThreadLocal.withInitial(V3Envelope::new);
    private static final int MAX_SIZE = 65507;

    /**
     * @param level 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv
     * @param securityEngineId the agent's engine id, or empty to discover it
     * @param contextEngineId the context engine id, or empty for the agent's engine id
     */
    public UsmMessageProcessing(String userName, int level, AuthProtocol auth, String authPassword, PrivProtocol priv,
            String privPassword, byte[] securityEngineId, int engineBoots, int engineTime, byte[] contextEngineId,
            String contextName) {
        super(userName, level, auth, authPassword, priv, privPassword, securityEngineId, engineBoots, engineTime,
                contextEngineId, contextName);
    }

    private static String stateKey(Target t) {
        return "usm-engine|" + t.transport() + "|" + t.address();
    }

    @Override
    public CompletableFuture<Void> prepare(Target target, SnmpEngine engine) {
        if (user != null && state != null) {
            return CompletableFuture.completedFuture(null);
        }
        String key = stateKey(target);
        CompletableFuture<EngineState> known;
        if (givenEngineId.length > 0) {
            known = CompletableFuture.completedFuture(new EngineState(givenEngineId, givenBoots, givenTime));
        } else {
            known = engine.attachment(key, k -> discover(target, engine));
            CompletableFuture<EngineState> f = known;
            known.whenComplete((s, e) -> {
                if (e != null) {
                    engine.detach(key, f); // a failed discovery is tried again by the next request
                }
            });
        }
        // the one-megabyte key derivation runs off the event loop
        return known.thenAcceptAsync(s -> {
            synchronized (this) {
                if (user == null || state != s) {
                    UsmUser u = credentials.localize(s.engineId());
                    state = s;
                    UsmUser old = user;
                    user = u;
                    if (old != null) {
                        old.destroy();
                    }
                }
            }
        });
    }

    private static CompletableFuture<EngineState> discover(Target target, SnmpEngine engine) {
        Discovery d = new Discovery();
        Target probe = new Target(target.address(), target.transport(), 3, null, target.timeoutNanos(),
                target.retries(), target.localPort(), d);
        return engine.request(probe, Pdu.request(BerTags.GET, List.of())).thenApply(r -> {
            UsmSecurityParameters u = d.learnt;
            if (u == null || u.engineId().length == 0) {
                throw new SnmpConnectionException("SNMPv3 engine id discovery failed: the agent at "
                        + target.address() + " answered without an engine id");
            }
            return new EngineState(u.engineId(), u.engineBoots(), u.engineTime());
        });
    }

    @Override
    public int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off) {
        return UsmCredentials.encode(out, off, correlationId, true, user, state, contextEngineId, contextName, pdu,
                "SNMPv3 request before engine discovery");
    }

    @Override
    public Pdu decodeResponse(Target target, byte[] buf, int off, int len) {
        // the engine hands over a buffer of this response's own: verified and decrypted in place, the
        // varbinds left there, validated, for whoever reads them (a walk or a session reads them with a
        // cursor, as for v2c; a report's are materialised on demand)
        V3Envelope e = ENVELOPE.get();
        Pdu p;
        try {
            p = UsmSecurityModel.decodePduDeferred(buf, off, len, user, state, e);
        } catch (UsmException x) {
            throw new SnmpConnectionException(x.getMessage(), x);
        } catch (IllegalStateException x) { // the keys were destroyed under this response (session closed)
            throw new SnmpConnectionException("the session's keys were destroyed", x);
        }
        boolean authenticated = e.isAuth();
        if (p.type() == BerTags.REPORT) {
            String counter = p.varBinds().isEmpty() ? null : UsmStats.name(p.varBinds().get(0).oid());
            // RFC 3414 3.2 step 7b: only an authenticated message may move our notion of the agent's
            // clock; anyone can send an unauthenticated report (boots 2^31-1 would lock us out)
            if (UsmStats.NOT_IN_TIME_WINDOWS.equals(counter) && authenticated && state != null) {
                state.resync(e.engineBoots(), e.engineTime());
            }
            return p;
        }
        // the request's level, fixed at construction: the user field is null once the keys are destroyed
        if (!authenticated && credentials.auth() != AuthProtocol.NONE) {
            throw new SnmpConnectionException("an unauthenticated response to an authenticated request");
        }
        if (p.type() != BerTags.RESPONSE) {
            throw new SnmpConnectionException("expected a Response PDU, got " + BerTags.name(p.type()));
        }
        return p;
    }

    @Override
    public boolean onReport(Target target, Pdu report, boolean alreadyRetried) {
        VarBind first = report.varBinds().isEmpty() ? null : report.varBinds().get(0);
        String counter = first == null ? null : UsmStats.name(first.oid());
        if (UsmStats.NOT_IN_TIME_WINDOWS.equals(counter) && !alreadyRetried) {
            return true;
        }
        throw new SnmpConnectionException(describe(counter, first == null ? null : first.oid()));
    }

    private String describe(String counter, Oid oid) {
        if (counter == null) {
            return "the agent answered with a report" + (oid == null ? "" : " (." + oid + ")");
        }
        switch (counter) {
            case UsmStats.UNKNOWN_USER_NAMES:
                return counter + ": the agent has no user '" + credentials.userName() + "'";
            case UsmStats.WRONG_DIGESTS:
                return counter + ": authentication failed (wrong authentication password or protocol for '"
                        + credentials.userName() + "')";
            case UsmStats.DECRYPTION_ERRORS:
                return counter + ": the agent could not decrypt the request (wrong privacy password or protocol)";
            case UsmStats.UNSUPPORTED_SEC_LEVELS:
                return counter + ": the agent does not allow this security level for '" + credentials.userName() + "'";
            case UsmStats.NOT_IN_TIME_WINDOWS:
                return counter + ": still outside the agent's time window after resynchronising";
            case UsmStats.UNKNOWN_ENGINE_IDS:
                return counter + ": the agent does not know the engine id "
                        + (state == null ? "" : HexFormat.of().formatHex(state.engineId()));
            default:
                return counter;
        }
    }

    @Override
    public String timeoutHint() {
        return credentials.priv() != PrivProtocol.NONE
                ? "; an agent stays silent when the privacy password or protocol is wrong" : "";
    }

    /** The discovery request of RFC 3414 section 4: noAuthNoPriv, reportable, empty user and engine id. */
    private static final class Discovery implements MessageProcessing {
        volatile UsmSecurityParameters learnt;

        @Override
        public int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off) {
            ScopedPdu sp = new ScopedPdu(new byte[0], new byte[0], pdu.withRequestId(correlationId));
            return UsmSecurityModel.encode(out, off, correlationId, MAX_SIZE, true, null, null, sp);
        }

        @Override
        public int correlationId(byte[] buf, int off, int len) {
            return SnmpMessageDecoder.peekRequestId(buf, off, len);
        }

        @Override
        public Pdu decodeResponse(Target target, byte[] buf, int off, int len) {
            UsmSecurityModel.Incoming in;
            try {
                in = UsmSecurityModel.decode(buf, off, len, null, null);
            } catch (UsmException e) {
                throw new SnmpConnectionException(e.getMessage(), e);
            }
            learnt = in.message().usm();
            return in.scopedPdu().pdu();
        }

        @Override
        public boolean reportCompletes() {
            return true;
        }
    }
}
