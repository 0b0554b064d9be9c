package io.varbind.agent;

import java.net.InetSocketAddress;

/**
 * What {@link AgentServer} hands each received message to, on the event-loop thread (a DTLS
 * session's own thread for {@code dtls:}): one message in, at most one reply out, as bytes. The command responder's {@link MessageDispatcher} is one;
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

    /**
     * How a message arrived: the transport as Net-SNMP names it ({@code udp}, {@code udp6},
     * {@code tcp}, {@code tcp6}, {@code tls}, {@code dtls}), the sender, our address it came to,
     * and for {@code tls}/{@code dtls} the securityName the client's certificate mapped to (else null).
     */
    record Arrival(String transport, InetSocketAddress source, InetSocketAddress destination, String tmSecurityName) {
    }

    /** Sends one message back to where a message came from (over the same session); any thread, any time. */
    @FunctionalInterface
    interface Reply {
        void send(byte[] message);
    }

    /**
     * True for an application that answers later (a notification receiver acknowledges an inform
     * after its callback ran): the server then calls {@link #receive} instead of {@link #process}.
     */
    default boolean answersLater() {
        return false;
    }

    /**
     * One message, in an array that is the application's own from now on, with how it arrived and
     * a way to answer; quick and non-blocking like {@link #process}.
     */
    default void receive(byte[] message, Arrival arrival, Reply reply) {
        throw new UnsupportedOperationException("this processor answers at once: use process");
    }

    /** A stream ended because it could not be framed as BER messages: for the application's counters. */
    default void onMalformedStream() {
    }
}
