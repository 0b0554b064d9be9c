package io.varbind.agent;

import io.varbind.codec.V3Message;

/**
 * The agent's SNMPv3 side (RFC 3412 message processing with an RFC 3414 authoritative USM engine):
 * checks and decrypts a request, asks the command responder, and encodes the answer or a Report.
 * The dispatcher drops v3 messages when none is configured.
 */
public interface V3MessageProcessor {

    /**
     * Processes one decoded v3 message that arrived as {@code in[off, off+len)}; writes the reply
     * into {@code out} (at most {@code maxSize} bytes, at most {@code unauthenticatedMax} when it is
     * not authenticated, and never more than the requester's msgMaxSize) and returns its length, or
     * -1 for no reply. What it counts goes to {@code stats}.
     */
    int process(V3Message message, byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax,
            CommandResponder responder, AgentStatistics stats);
}
