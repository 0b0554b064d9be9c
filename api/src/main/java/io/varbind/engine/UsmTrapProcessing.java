package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import io.varbind.SnmpEngine;
import io.varbind.codec.Pdu;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import java.util.concurrent.CompletableFuture;

/**
 * SNMPv3 USM for unconfirmed notifications (SNMPv2-Trap): the sender is the authoritative engine
 * (RFC 3414 section 1.5.1 and 3.1.1), so nothing is discovered. The message carries this side's
 * engine id (given, as {@code snmptrap -e}, or one generated per {@link SnmpEngine}) with its
 * boots and time, kept per engine id on the {@link SnmpEngine} so that every session sending as
 * that engine shares one clock; the user's keys are localized to that engine id.
 */
public final class UsmTrapProcessing extends UsmProcessing {
    private static final String GENERATED = "usm-local-engine-generated";

    /**
     * @param level 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv
     * @param engineId this sender's engine id, or empty for the engine's generated one
     * @param contextEngineId the context engine id, or empty for the sender's engine id
     */
    public UsmTrapProcessing(String userName, int level, AuthProtocol auth, String authPassword, PrivProtocol priv,
            String privPassword, byte[] engineId, int engineBoots, int engineTime, byte[] contextEngineId,
            String contextName) {
        super(userName, level, auth, authPassword, priv, privPassword, engineId, engineBoots, engineTime,
                contextEngineId, contextName);
    }

    @Override
    public CompletableFuture<Void> prepare(Target target, SnmpEngine engine) {
        if (user != null) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] id = givenEngineId.length > 0 ? givenEngineId
                : engine.<byte[]>attachment(GENERATED, k -> LocalEngine.generateEngineId());
        EngineState s = engine.attachment(LocalEngine.key(id), k -> LocalEngine.state(id, givenBoots, givenTime));
        // the one-megabyte key derivation runs off the caller's (maybe event-loop) thread
        return CompletableFuture.runAsync(() -> {
            synchronized (this) {
                if (user == null) {
                    state = s;
                    user = credentials.localize(id);
                }
            }
        });
    }

    /** The engine id traps go out with (known once {@link #prepare} completed), or null before. */
    public byte[] engineId() {
        EngineState s = state;
        return s == null ? null : s.engineId();
    }

    @Override
    public int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off) {
        // unconfirmed: not reportable (RFC 3412 section 6.4)
        return UsmCredentials.encode(out, off, correlationId, false, user, state, contextEngineId, contextName, pdu,
                "SNMPv3 trap before the sender's keys were localized");
    }

    @Override
    public Pdu decodeResponse(Target target, byte[] buf, int off, int len) {
        throw new SnmpConnectionException("a trap has no response");
    }
}
