package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import java.util.Arrays;

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
}
