package io.varbind.agent;

import io.varbind.codec.BerEncodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.V3Message;
import io.varbind.engine.RateLimitedLog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's dispatcher (RFC 3411 section 4.2, RFC 3412 section 4.2): one request message in,
 * zero or one response message out, as bytes. Community-based security for v1 and v2c (RFC 3584),
 * v3 handed to a {@link V3MessageProcessor}. Every failure of one packet is counted and the packet
 * dropped, so hostile input never stops the agent answering others. Thread-safe.
 */
public final class MessageDispatcher implements IncomingMessageProcessor {

    /**
     * Largest unauthenticated answer (v1, v2c, v3 noAuthNoPriv) sent over UDP by default: what an
     * Ethernet path carries in one IPv4 datagram (1500 - 20 - 8 bytes), so a spoofed request cannot
     * make the agent send more than one unfragmented packet. Larger answers become tooBig, GETBULK
     * answers are shortened to fit.
     */
    public static final int UNAUTHENTICATED_UDP_MAX = 1472;
    /** Logger "io.varbind.agent": dropped requests and internal errors, rate-limited (agent/README.md). */
    private static final Logger LOG = LoggerFactory.getLogger("io.varbind.agent");
    private static final RateLimitedLog ERROR_LOG = new RateLimitedLog(LOG, RateLimitedLog.Level.WARN);
    private static final RateLimitedLog MALFORMED_LOG = new RateLimitedLog(LOG, RateLimitedLog.Level.INFO);
    private static final RateLimitedLog COMMUNITY_LOG = new RateLimitedLog(LOG, RateLimitedLog.Level.INFO);

    private final CommandResponder responder;
    private final CommunityTable communities;
    private final V3MessageProcessor v3;
    private final TsmAgentProcessor tsm;
    private final AgentStatistics stats;

    public MessageDispatcher(CommandResponder responder, CommunityTable communities, V3MessageProcessor v3,
            AgentStatistics stats) {
        this(responder, communities, v3, null, stats);
    }

    /** With the Transport Security Model for messages over (D)TLS ({@code tsm} may be null: none). */
    public MessageDispatcher(CommandResponder responder, CommunityTable communities, V3MessageProcessor v3,
            TsmAgentProcessor tsm, AgentStatistics stats) {
        this.responder = responder;
        this.communities = communities;
        this.v3 = v3;
        this.tsm = tsm;
        this.stats = stats;
    }

    @Override
    public IncomingMessageProcessor secured(String tmSecurityName) {
        return (in, off, len, out, maxSize, unauthenticatedMax) -> process(in, off, len, out, maxSize,
                unauthenticatedMax, tmSecurityName);
    }

    public AgentStatistics statistics() {
        return stats;
    }

    public CommandResponder responder() {
        return responder;
    }

    /** As {@link #process(byte[], int, int, byte[], int, int)} with no separate unauthenticated limit. */
    public int process(byte[] in, int off, int len, byte[] out, int maxSize) {
        return process(in, off, len, out, maxSize, maxSize);
    }

    /**
     * Processes the request in {@code in[off, off+len)} and writes the response into {@code out}
     * from offset 0, no longer than {@code maxSize} (at most {@code out.length}), and no longer than
     * {@code unauthenticatedMax} when the request was not authenticated (v1, v2c, v3 noAuthNoPriv).
     *
     * <p>Exceptions and stack overflows from one request (what a hostile packet could cause) are
     * counted and the request dropped; other {@link Error}s, {@link OutOfMemoryError} first, are
     * not the packet's fault and propagate.
     *
     * @return the response length, or -1 when nothing is to be sent
     */
    @Override
    public int process(byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax) {
        return process(in, off, len, out, maxSize, unauthenticatedMax, null);
    }

    private int process(byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax,
            String tmSecurityName) {
        stats.inPackets.increment();
        try {
            int max = Math.min(maxSize, out.length);
            int n = dispatch(in, off, len, out, max, Math.min(max, unauthenticatedMax), tmSecurityName);
            if (n >= 0) {
                stats.outPackets.increment();
            }
            return n;
        } catch (RuntimeException | StackOverflowError e) {
            stats.internalErrors.increment();
            ERROR_LOG.log("dropped a request on an internal error: {}", e.toString());
            return -1;
        }
    }

    private int dispatch(byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax,
            String tmSecurityName) {
        SnmpMessage message;
        try {
            message = SnmpMessageDecoder.decode(in, off, len);
        } catch (RuntimeException e) {
            // BerDecodeException, or an unsupported msgVersion the decoder refuses.
            stats.inAsnParseErrs.increment();
            MALFORMED_LOG.log("dropped a request that does not parse: {}", e.getMessage());
            return -1;
        }
        if (message instanceof V3Message v3message
                && v3message.securityModel() == V3Message.SECURITY_MODEL_TSM) {
            if (tsm == null || tmSecurityName == null) {
                // RFC 5591 section 5.2: TSM needs a secure transport's session (snmpTsmInvalidCaches)
                stats.tsmInvalidCaches.increment();
                return -1;
            }
            return tsm.process(v3message, tmSecurityName, out, maxSize, responder, stats);
        }
        if (message instanceof V3Message v3message) {
            if (v3 == null) {
                stats.inBadVersions.increment();
                return -1;
            }
            return v3.process(v3message, in, off, len, out, maxSize, unauthenticatedMax, responder, stats);
        }
        CommunityMessage cm = (CommunityMessage) message;
        int version = cm.version();
        if (version != CommandResponder.V1 && version != CommandResponder.V2C) {
            stats.inBadVersions.increment();
            return -1;
        }
        View view = communities.lookup(cm.community());
        if (view == null) {
            stats.inBadCommunityNames.increment(); // the community itself is never logged
            COMMUNITY_LOG.log("dropped a v{} request with an unknown community",
                    version == CommandResponder.V1 ? "1" : "2c");
            return -1;
        }
        if (view.readsNothing()) { // snmpd drops a community request its access control refuses outright
            stats.inBadCommunityUses.increment();
            return -1;
        }
        if (!(cm.pdu() instanceof Pdu request) || !isRequest(request.type(), version)) {
            stats.silentDrops.increment();
            return -1;
        }
        byte[] community = cm.community();
        Pdu response = responder.respond(request, version, view, unauthenticatedMax / 6 + 1);
        return fit(version, request, response, pdu -> encodeCommunity(version, community, pdu, out,
                unauthenticatedMax), stats);
    }

    static boolean isRequest(int type, int version) {
        return type == BerTags.GET || type == BerTags.GETNEXT || type == BerTags.SET
                || (type == BerTags.GETBULK && version != CommandResponder.V1);
    }

    /** Encodes one response PDU into a message; the length, or -1 when it does not fit. */
    @FunctionalInterface
    interface ResponseEncoder {
        int encode(Pdu response);
    }

    /**
     * Encodes the response; one that does not fit becomes tooBig (RFC 3416 section 4.2.1: no
     * bindings; RFC 1157 section 4.1.2 for v1: the request's bindings), except GETBULK, whose
     * response is shortened to the bindings that fit (RFC 3416 section 4.2.3). The same for every
     * version and security model.
     *
     * @return the length of what was encoded last, or -1 (counted as a silent drop)
     */
    static int fit(int version, Pdu request, Pdu response, ResponseEncoder encoder, AgentStatistics stats) {
        int n = encoder.encode(response);
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
                if (encoder.encode(truncated(response, mid)) >= 0) {
                    best = mid;
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (best >= 0) {
                return encoder.encode(truncated(response, best));
            }
        } else {
            Pdu tooBig = new Pdu(BerTags.RESPONSE, request.requestId(), ErrorStatus.TOO_BIG, 0,
                    version == CommandResponder.V1 ? request.varBinds() : List.of());
            n = encoder.encode(tooBig);
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

    private static int encodeCommunity(int version, byte[] community, Pdu pdu, byte[] out, int maxSize) {
        try {
            int n = SnmpMessageEncoder.encode(new CommunityMessage(version, community, pdu), out, 0);
            return n <= maxSize ? n : -1;
        } catch (BerEncodeException | IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
