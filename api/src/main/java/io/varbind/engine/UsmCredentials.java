package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import io.varbind.SnmpEngine;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmUser;

/**
 * A USM user's name, protocols and pass phrases as a session gives them, with the protocols the
 * security level leaves in force; {@link #localize} turns them into keys for one engine id.
 * Never printed (the pass phrases stay out of logs).
 */
record UsmCredentials(String userName, AuthProtocol auth, String authPassword, PrivProtocol priv,
        String privPassword) {

    /** @param level 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv */
    static UsmCredentials of(String userName, int level, AuthProtocol auth, String authPassword, PrivProtocol priv,
            String privPassword) {
        return new UsmCredentials(userName, level >= 2 ? auth : AuthProtocol.NONE, authPassword,
                level >= 3 ? priv : PrivProtocol.NONE, privPassword);
    }

    /**
     * Encodes {@code pdu} (request-id = msgID = {@code msgId}) as a USM message of {@code user} at
     * {@code engine}, with the engine's id as the context engine id unless one is given.
     */
    static int encode(byte[] out, int off, int msgId, boolean reportable, UsmUser user, EngineState engine,
            byte[] contextEngineId, byte[] contextName, Pdu pdu, String notReady) {
        if (engine == null || user == null) {
            throw new SnmpConnectionException(notReady);
        }
        byte[] ctxEngine = contextEngineId.length > 0 ? contextEngineId : engine.engineId();
        ScopedPdu sp = new ScopedPdu(ctxEngine, contextName, pdu.withRequestId(msgId));
        return UsmSecurityModel.encode(out, off, msgId, SnmpEngine.MAX_MESSAGE, reportable, user, engine, sp);
    }

    UsmUser localize(byte[] engineId) {
        return UsmUser.localized(userName, auth, authPassword, priv, privPassword, engineId);
    }

    @Override
    public String toString() {
        return "UsmCredentials[" + userName + ", " + auth + ", " + priv + "]";
    }
}
