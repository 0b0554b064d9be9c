package io.varbind.agent;

/**
 * What {@link AgentServer} hands each received message to, on the event-loop thread: one message
 * in, at most one reply out, as bytes. The command responder's {@link MessageDispatcher} is one;
 * another listening application (a notification receiver) can be another and reuse the sockets,
 * TCP limits and failure handling of {@link AgentServer}.
 */
@FunctionalInterface
public interface IncomingMessageProcessor {

    /**
     * Processes the message in {@code in[off, off+len)}, writing any reply into {@code out} from
     * offset 0, no longer than {@code maxSize}, and no longer than {@code unauthenticatedMax} when
     * the message was not authenticated. Quick and non-blocking; exceptions count as internal
     * errors of one message.
     *
     * @return the reply's length, or -1 for no reply
     */
    int process(byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax);

    /**
     * The processor for the messages of one authorized (D)TLS session whose client certificate
     * mapped to {@code tmSecurityName} (RFC 6353 section 7): Transport Security Model messages are
     * processed as that name. By default the same processor (TSM messages then go unanswered).
     */
    default IncomingMessageProcessor secured(String tmSecurityName) {
        return this;
    }
}
