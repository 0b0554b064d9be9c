package io.varbind.agent;

import io.varbind.codec.BerEncodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The agent's Transport Security Model (RFC 5591) for messages that came over an authorized (D)TLS
 * session: msgSecurityModel 4, the securityName the session's certificate mapped to (no transport
 * prefix, as Net-SNMP's default {@code tsmUseTransportPrefix no}), the level the request asks for
 * (a (D)TLS session provides authPriv, so any level is within it, RFC 5591 section 5.2), the
 * scoped PDU in clear. Access is per securityName, as VACM's for a USM user: a name with no entry,
 * or asking below its entry's minimum level, gets authorizationError (what snmpd answers). The
 * RFC 5343 probe (a GET of snmpEngineID.0 in the local-engine context) is answered at any level.
 */
public final class TsmAgentProcessor {
    /** RFC 5343 section 3: the contextEngineID meaning "whichever engine answers". */
    private static final byte[] LOCAL_ENGINE = {(byte) 0x80, 0, 0, 0, 6};
    private static final Oid SNMP_ENGINE_ID = Oid.parse("1.3.6.1.6.3.10.2.1.1.0");

    /** What one securityName may read and write, and the least security level it must ask for (1 to 3). */
    public record Access(View view, int minimumLevel) {
        public Access {
            if (minimumLevel < 1 || minimumLevel > 3) {
                throw new IllegalArgumentException("level: 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv");
            }
        }
    }

    private final byte[] engineId;
    private final Map<String, Access> access;

    public TsmAgentProcessor(byte[] engineId, Map<String, Access> access) {
        this.engineId = engineId.clone();
        this.access = Map.copyOf(access);
    }

    /**
     * Processes one TSM message of the session whose client is {@code securityName}; the reply goes
     * into {@code out} (at most {@code maxSize} and the requester's msgMaxSize), or -1.
     */
    int process(V3Message m, String securityName, byte[] out, int maxSize, CommandResponder responder,
            AgentStatistics stats) {
        ScopedPdu scoped = m.scopedPdu();
        if (scoped == null || (m.isPriv() && !m.isAuth())) {
            stats.inAsnParseErrs.increment(); // TSM never encrypts the scoped PDU itself
            return -1;
        }
        Pdu request = scoped.pdu();
        if (!MessageDispatcher.isRequest(request.type(), CommandResponder.V3)) {
            stats.silentDrops.increment();
            return -1;
        }
        int size = Math.min(maxSize, Math.max(484, m.msgMaxSize()));
        int level = m.isPriv() ? 3 : m.isAuth() ? 2 : 1;
        Pdu response;
        if (isProbe(scoped, request)) {
            response = probeResponse(request, engineId);
        } else {
            Access a = access.get(securityName);
            if (a == null || level < a.minimumLevel() || a.view().readsNothing()) {
                response = new Pdu(BerTags.RESPONSE, request.requestId(), ErrorStatus.AUTHORIZATION_ERROR, 0,
                        request.varBinds());
            } else {
                response = responder.respond(request, CommandResponder.V3, a.view(), Math.max(1, size / 6));
            }
        }
        return MessageDispatcher.fit(CommandResponder.V3, request, response, pdu -> {
            try {
                int n = encodeAnswer(m, pdu, out);
                return n <= size ? n : -1;
            } catch (BerEncodeException | IndexOutOfBoundsException tooLarge) {
                return -1;
            }
        }, stats);
    }

    /**
     * Encodes the answer {@code pdu} to the TSM message {@code m} into {@code out}: its msgID, its
     * security level (RFC 3412 section 7.1 step 3), and (RFC 3413 section 3.2) its contextEngineID
     * and contextName; Net-SNMP's client drops a probe answer whose contextEngineID is not the
     * local-engine value it sent.
     */
    static int encodeAnswer(V3Message m, Pdu pdu, byte[] out) {
        int flags = m.msgFlags() & (V3Message.FLAG_AUTH | V3Message.FLAG_PRIV);
        ScopedPdu scoped = m.scopedPdu();
        return SnmpMessageEncoder.encodeV3(new V3Message(m.msgId(), AgentServer.MAX_MESSAGE_SIZE, flags,
                V3Message.SECURITY_MODEL_TSM, null, new byte[0],
                new ScopedPdu(scoped.contextEngineId(), scoped.contextName(), pdu), null), out, 0).length();
    }

    /**
     * The encoded answer to an RFC 5343 probe (snmpEngineID.0 in the local-engine context) for an
     * engine that serves nothing else (a notification receiver), or null when {@code m} is no probe.
     */
    static byte[] probeAnswer(V3Message m, byte[] engineId) {
        ScopedPdu scoped = m.scopedPdu();
        if (scoped == null || !isProbe(scoped, scoped.pdu())) {
            return null;
        }
        byte[] out = new byte[1500];
        return Arrays.copyOf(out, encodeAnswer(m, probeResponse(scoped.pdu(), engineId), out));
    }

    private static Pdu probeResponse(Pdu request, byte[] engineId) {
        List<VarBind> vbs = new ArrayList<>();
        for (VarBind vb : request.varBinds()) {
            vbs.add(new VarBind(vb.oid(), Variable.octetString(engineId)));
        }
        return new Pdu(BerTags.RESPONSE, request.requestId(), 0, 0, vbs);
    }

    /** RFC 5343: a GET of snmpEngineID.0 alone, in the local-engine context. */
    private static boolean isProbe(ScopedPdu scoped, Pdu request) {
        if (request.type() != BerTags.GET || request.varBinds().isEmpty()
                || !Arrays.equals(scoped.contextEngineId(), LOCAL_ENGINE)) {
            return false;
        }
        for (VarBind vb : request.varBinds()) {
            if (!vb.oid().equals(SNMP_ENGINE_ID)) {
                return false;
            }
        }
        return true;
    }
}
