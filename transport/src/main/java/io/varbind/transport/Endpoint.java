package io.varbind.transport;

import java.net.InetSocketAddress;

/** A bound UDP socket or a connected TCP stream: moves whole messages, knows nothing of PDUs. */
public interface Endpoint {

    /**
     * Queues one message for {@code to} (ignored by a stream, which has one peer). Never blocks;
     * callable from any thread. The octets are sent or copied before it returns, so the caller
     * may reuse {@code message} at once.
     */
    void send(byte[] message, int offset, int length, InetSocketAddress to);

    /** True for TCP: messages are framed by their BER length (RFC 3430). */
    boolean isStream();

    boolean isOpen();

    InetSocketAddress localAddress();

    void close();

    /**
     * Closes without the goodbyes of a clean close (no DTLS close_notify): for an endpoint whose
     * peer is believed gone, to which a last message would only be noise.
     */
    default void abort() {
        close();
    }

    /**
     * Makes the security association anew on the same socket (DTLS, after the peer forgot it);
     * completes when it is ready. Endpoints without such state fail the future.
     */
    default java.util.concurrent.CompletableFuture<Void> renew() {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("nothing to renew on this endpoint"));
    }
}
