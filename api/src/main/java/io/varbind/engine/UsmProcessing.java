package io.varbind.engine;

import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmUser;
import java.nio.charset.StandardCharsets;

/**
 * What SNMPv3 USM sends with, for requests ({@link UsmMessageProcessing}, the agent authoritative)
 * and for traps ({@link UsmTrapProcessing}, the sender authoritative) alike: the user's
 * credentials, the engine id, boots and time given (or none), the context, and once prepared the
 * authoritative engine's state and the keys localized to it.
 */
abstract sealed class UsmProcessing implements MessageProcessing permits UsmMessageProcessing, UsmTrapProcessing {
    final UsmCredentials credentials;
    /** The authoritative engine's id as given, or empty (discovered, or generated for traps). */
    final byte[] givenEngineId;
    final int givenBoots;
    final int givenTime;
    /** The context engine id, or empty for the authoritative engine's. */
    final byte[] contextEngineId;
    final byte[] contextName;

    volatile EngineState state;
    volatile UsmUser user;

    /** @param level 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv */
    UsmProcessing(String userName, int level, AuthProtocol auth, String authPassword, PrivProtocol priv,
            String privPassword, byte[] engineId, int engineBoots, int engineTime, byte[] contextEngineId,
            String contextName) {
        this.credentials = UsmCredentials.of(userName, level, auth, authPassword, priv, privPassword);
        this.givenEngineId = engineId.clone();
        this.givenBoots = engineBoots;
        this.givenTime = engineTime;
        this.contextEngineId = contextEngineId.clone();
        this.contextName = contextName.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int correlationId(byte[] buf, int off, int len) {
        return SnmpMessageDecoder.peekRequestId(buf, off, len);
    }

    /** Drops the localized keys (session closed or changed). */
    public void destroy() {
        UsmUser u = user;
        user = null;
        if (u != null) {
            u.destroy();
        }
    }
}
