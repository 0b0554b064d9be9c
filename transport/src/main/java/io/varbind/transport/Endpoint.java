package io.varbind.transport;

import java.net.InetSocketAddress;

/** A bound UDP socket or a connected TCP stream: moves whole messages, knows nothing of PDUs. */
public interface Endpoint {

    /**
     * Queues one message for {@code to} (ignored by a stream, which has one peer). Never blocks;
     * callable from any thread.
     */
    void send(byte[] message, int offset, int length, InetSocketAddress to);

    /** True for TCP: messages are framed by their BER length (RFC 3430). */
    boolean isStream();

    boolean isOpen();

    InetSocketAddress localAddress();

    void close();
}
