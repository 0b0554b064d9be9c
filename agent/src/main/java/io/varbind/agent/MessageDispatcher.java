package io.varbind.agent;

import io.varbind.codec.BerEncodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.V3Message;
import java.util.List;

/**
 * The agent's dispatcher (RFC 3411 section 4.2, RFC 3412 section 4.2): one request message in,
 * zero or one response message out, as bytes. Community-based security for v1 and v2c (RFC 3584),
 * v3 handed to a {@link V3MessageProcessor}. Every failure of one packet is counted and the packet
 * dropped, so hostile input never stops the agent answering others. Thread-safe.
 */
public final class MessageDispatcher {

    private final CommandResponder responder;
    private final CommunityTable communities;
    private final V3MessageProcessor v3;
    private final AgentStatistics stats;

    public MessageDispatcher(CommandResponder responder, CommunityTable communities, V3MessageProcessor v3,
            AgentStatistics stats) {
        this.responder = responder;
        this.communities = communities;
        this.v3 = v3;
        this.stats = stats;
    }

    public AgentStatistics statistics() {
        return stats;
    }

    public CommandResponder responder() {
        return responder;
    }

    /**
     * Processes the request in {@code in[off, off+len)} and writes the response into {@code out}
     * from offset 0, no longer than {@code maxSize} (at most {@code out.length}).
     *
     * @return the response length, or -1 when nothing is to be sent
     */
    public int process(byte[] in, int off, int len, byte[] out, int maxSize) {
        stats.inPackets.increment();
        try {
            int n = dispatch(in, off, len, out, Math.min(maxSize, out.length));
            if (n >= 0) {
                stats.outPackets.increment();
            }
            return n;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            stats.internalErrors.increment();
            return -1;
        }
    }

    private int dispatch(byte[] in, int off, int len, byte[] out, int maxSize) {
        SnmpMessage message;
        try {
            message = SnmpMessageDecoder.decode(in, off, len);
        } catch (RuntimeException e) {
            // BerDecodeException, or an unsupported msgVersion the decoder refuses.
            stats.inAsnParseErrs.increment();
            return -1;
        }
        if (message instanceof V3Message v3message) {
            if (v3 == null) {
                stats.inBadVersions.increment();
                return -1;
            }
            return v3.process(v3message, in, off, len, out, maxSize, responder);
        }
        CommunityMessage cm = (CommunityMessage) message;
        int version = cm.version();
        if (version != CommandResponder.V1 && version != CommandResponder.V2C) {
            stats.inBadVersions.increment();
            return -1;
        }
        CommunityTable.Access access = communities.lookup(cm.community());
        if (access == CommunityTable.Access.NONE) {
            stats.inBadCommunityNames.increment();
            return -1;
        }
        if (!(cm.pdu() instanceof Pdu request) || !isRequest(request.type(), version)) {
            stats.silentDrops.increment();
            return -1;
        }
        Pdu response = responder.respond(request, version, access == CommunityTable.Access.READ_WRITE,
                maxSize / 6 + 1);
        return encodeResponse(version, cm.community(), request, response, out, maxSize);
    }

    private static boolean isRequest(int type, int version) {
        return type == BerTags.GET || type == BerTags.GETNEXT || type == BerTags.SET
                || (type == BerTags.GETBULK && version != CommandResponder.V1);
    }

    /**
     * Encodes the response; one that does not fit becomes tooBig (RFC 3416 section 4.2.1: no
     * bindings; RFC 1157 section 4.1.2 for v1: the request's bindings), except GETBULK, whose
     * response is shortened to the bindings that fit (RFC 3416 section 4.2.3).
     */
    private int encodeResponse(int version, byte[] community, Pdu request, Pdu response, byte[] out, int maxSize) {
        int n = tryEncode(version, community, response, out, maxSize);
        if (n >= 0) {
            return n;
        }
        stats.tooBig.increment();
        if (request.type() == BerTags.GETBULK) {
            List<?> all = response.varBinds();
            int lo = 0;
            int hi = all.size();
            int best = -1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int len = tryEncode(version, community, truncated(response, mid), out, maxSize);
                if (len >= 0) {
                    best = mid;
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (best >= 0) {
                return tryEncode(version, community, truncated(response, best), out, maxSize);
            }
        } else {
            Pdu tooBig = new Pdu(BerTags.RESPONSE, request.requestId(), ErrorStatus.TOO_BIG, 0,
                    version == CommandResponder.V1 ? request.varBinds() : List.of());
            n = tryEncode(version, community, tooBig, out, maxSize);
            if (n >= 0) {
                return n;
            }
        }
        stats.silentDrops.increment();
        return -1;
    }

    private static Pdu truncated(Pdu response, int count) {
        return new Pdu(response.type(), response.requestId(), response.errorStatus(), response.errorIndex(),
                response.varBinds().subList(0, count));
    }

    private static int tryEncode(int version, byte[] community, Pdu pdu, byte[] out, int maxSize) {
        try {
            int n = SnmpMessageEncoder.encode(new CommunityMessage(version, community, pdu), out, 0);
            return n <= maxSize ? n : -1;
        } catch (BerEncodeException e) {
            return -1;
        }
    }
}
