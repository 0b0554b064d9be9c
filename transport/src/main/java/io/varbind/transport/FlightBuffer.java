package io.varbind.transport;

/**
 * Packs the DTLS records Bouncy Castle writes one at a time into as few datagrams as fit, so a
 * handshake flight leaves as one datagram (RFC 6347 section 4.1.1 allows several records per
 * datagram; OpenSSL sends its flights this way).
 *
 * <p>Why: a peer that reads a fixed number of datagrams gives up on a flight spread over many.
 * Net-SNMP 5.9.3's snmptrap sends its trap while closing its DTLS socket, reading at most six
 * datagrams 50 ms apart; with one datagram per handshake message (ServerHello, Certificate,
 * ServerKeyExchange, CertificateRequest, ServerHelloDone) the handshake did not finish within
 * them and the trap was dropped.
 *
 * <p>Records wait only until the writer next reads (Bouncy Castle reads after each flight and
 * retransmission) or calls {@link #flush()} after an application record.
 */
final class FlightBuffer {
    /** Where a finished datagram goes; must not keep {@code buf} after returning. */
    interface Sink {
        void send(byte[] buf, int off, int len);
    }

    private final byte[] pending;
    private final Sink sink;
    private int used;

    /** @param capacity the largest datagram made by packing records (a larger record goes alone) */
    FlightBuffer(int capacity, Sink sink) {
        this.pending = new byte[capacity];
        this.sink = sink;
    }

    /** Adds one record; sends what was pending first if the record would not fit beside it. */
    synchronized void add(byte[] buf, int off, int len) {
        if (used > 0 && used + len > pending.length) {
            flush();
        }
        if (len > pending.length) {
            sink.send(buf, off, len);
            return;
        }
        System.arraycopy(buf, off, pending, used, len);
        used += len;
    }

    /** Sends the pending records as one datagram, if any. */
    synchronized void flush() {
        if (used > 0) {
            int n = used;
            used = 0;
            sink.send(pending, 0, n);
        }
    }
}
