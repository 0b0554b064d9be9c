package io.varbind.transport;

import java.net.InetSocketAddress;

/**
 * What a transport hands up: whole SNMP messages (one datagram, or one BER-framed message of a
 * stream), always on the endpoint's event-loop thread, so implementations must not block.
 */
public interface MessageHandler {

    /** One message from {@code sender}; the array belongs to the handler from now on. */
    void onMessage(byte[] message, InetSocketAddress sender);

    /** A read or framing error (for example an ICMP unreachable, or a stream that is not BER). */
    default void onError(Throwable cause) {
    }

    /** The endpoint closed (a stream's peer went away, or {@link Endpoint#close()}). */
    default void onClosed() {
    }
}
