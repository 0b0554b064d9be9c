package io.varbind.engine;

import io.varbind.codec.Pdu;

/**
 * A request's answer and its figures: the response PDU, the round-trip time of the try that was
 * answered, how many retries were sent, and the octets sent (all tries) and received.
 */
public record Response(Pdu pdu, long rttNanos, int retries, int bytesSent, int bytesReceived) {
}
