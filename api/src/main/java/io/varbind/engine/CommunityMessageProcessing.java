package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBindCursor;
import java.util.Arrays;
import java.util.List;

/**
 * SNMPv1 (RFC 1157) and SNMPv2c (RFC 1901) message processing: the community travels in clear;
 * a response must carry the request's version and community, else it is dropped as not ours.
 */
public final class CommunityMessageProcessing implements MessageProcessing {
    public static final CommunityMessageProcessing INSTANCE = new CommunityMessageProcessing();

    private CommunityMessageProcessing() {
    }

    @Override
    public int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off) {
        return SnmpMessageEncoder.encode(new CommunityMessage(target.version(), target.community(),
                pdu.withRequestId(correlationId)), out, off);
    }

    @Override
    public int correlationId(byte[] buf, int off, int len) {
        return SnmpMessageDecoder.peekRequestId(buf, off, len);
    }

    @Override
    public Pdu decodeResponse(Target target, byte[] buf, int off, int len) {
        // the engine hands over a buffer of this response's own: the varbinds stay in it, validated,
        // for whoever reads them (a walk or a session reads them with a cursor, never as objects)
        SnmpMessage m = SnmpMessageDecoder.decodeDeferred(buf, off, len);
        if (!(m instanceof CommunityMessage c) || c.version() != target.version()) {
            throw new SnmpConnectionException("response of version " + m.version() + " to a v"
                    + (target.version() == 0 ? "1" : "2c") + " request");
        }
        if (!Arrays.equals(c.community(), target.community())) {
            throw new SnmpConnectionException("response with another community");
        }
        Pdu p = c.regularPdu();
        if (p == null || p.type() != BerTags.RESPONSE) {
            throw new SnmpConnectionException("expected a Response PDU, got " + (p == null ? "a v1 trap"
                    : BerTags.name(p.type())));
        }
        return p;
    }

    /**
     * The header of an inform's Response read in place (version, community, PDU type, request-id,
     * error fields, the varbind list's bounds), its echoed varbinds left unread: a PDU of no
     * varbinds is all that is made.
     */
    @Override
    public Pdu decodeAcknowledgement(Target target, byte[] buf, int off, int len) {
        int version = SnmpMessageDecoder.peekVersion(buf, off, len);
        if (version != target.version()) {
            throw new SnmpConnectionException("response of version " + version + " to a v"
                    + (target.version() == 0 ? "1" : "2c") + " request");
        }
        VarBindCursor c = CURSOR.get().reset(buf, off, len); // throws BerDecodeException as the decoder does
        byte[] community = target.community();
        if (!Arrays.equals(buf, c.communityOffset(), c.communityOffset() + c.communityLength(), community, 0,
                community.length)) {
            throw new SnmpConnectionException("response with another community");
        }
        if (c.pduType() != BerTags.RESPONSE) {
            throw new SnmpConnectionException("expected a Response PDU, got " + BerTags.name(c.pduType()));
        }
        return new Pdu(BerTags.RESPONSE, c.requestId(), c.errorStatus(), c.errorIndex(), List.of());
    }

    /** One cursor per event-loop thread (a cursor holds its position; processings are shared). */
    private static final ThreadLocal<VarBindCursor> CURSOR = ThreadLocal.withInitial(VarBindCursor::new);
}
