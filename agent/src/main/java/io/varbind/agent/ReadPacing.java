package io.varbind.agent;

/**
 * What a UDP endpoint of the notification receiver does when one read (one {@code recvmmsg}
 * batch) ends, decided from plain numbers so that it can be tested without sockets:
 * <ul>
 *   <li>whether the read's notifications go to the callback thread now ({@link #HAND_OVER}) or
 *       wait for the read that empties the socket ({@link #HOLD}): a read that filled its batch
 *       left more in the socket, read at once, so the callback thread wakes once for the lot
 *       rather than once per batch. At most {@link #HOLD_MAX} wait, never more than
 *       {@link #HOLD_MICROS} us (should the socket have held exactly one batch, nothing else
 *       would end the wait); those of a read that held an inform, or answered with a report,
 *       go at once: a sender waits for them;</li>
 *   <li>whether the socket then rests for the coalescing interval ({@link #REST}): after a
 *       read that emptied it and held only traps, while at the rate that read saw at least
 *       {@link #COALESCE_MIN} datagrams would arrive within the interval. One timer wake-up
 *       then reads what came meanwhile, where each few traps would have woken the receiver
 *       and callback threads (a NIC's interrupt coalescing, for the same reason). A lone trap,
 *       or a slow stream, is read as soon as it arrives; a read of one datagram (which may have
 *       been offered room for one only) never rests. A rest that ends a whole interval
 *       late stops resting for {@link #NO_REST_NANOS} ({@link #noRestUntil}).</li>
 * </ul>
 */
final class ReadPacing {
    /** Hand the notifications held so far to the callback thread now. */
    static final int HAND_OVER = 1;
    /** Keep them for the next read (and make sure a flush is due within {@link #HOLD_MICROS}). */
    static final int HOLD = 2;
    /** Leave the socket unread for the coalescing interval. */
    static final int REST = 4;

    /** Rest only while at least this many datagrams would arrive per interval at the rate last seen. */
    static final int COALESCE_MIN = 8;
    /** The most notifications held back for the read that empties the socket. */
    static final int HOLD_MAX = 256;
    /** The longest they are held. */
    static final int HOLD_MICROS = 100;

    /** How long the socket does not rest after a rest that ended a whole interval late. */
    static final long NO_REST_NANOS = 100_000_000;

    private ReadPacing() {
    }

    /**
     * Until when the socket must not rest, decided as a rest ends ({@code now}, it was due at
     * {@code due}): a rest that ended a whole interval late says the event loop waits for a core
     * (a loaded machine, a GC pause), and the socket's buffer, not the rest, is then what keeps
     * traps from being lost: for {@link #NO_REST_NANOS} each datagram is read as soon as the loop
     * can. Otherwise {@code until} as it was.
     */
    static long noRestUntil(long now, long due, long coalesceNanos, long until) {
        return now - due > coalesceNanos ? now + NO_REST_NANOS : until;
    }

    /**
     * @param datagrams the datagrams the read took
     * @param readBatch the most one read takes (0: unknown, as under NIO: never hold nor rest)
     * @param urgent the read held an inform or answered with a report
     * @param held the notifications not yet handed over, this read's included
     * @param sinceLastRead nanoseconds since the previous read ended
     * @param coalesceNanos the coalescing interval (0: never rest)
     * @return {@link #HAND_OVER} or {@link #HOLD}, with {@link #REST} or not
     */
    static int afterRead(int datagrams, int readBatch, boolean urgent, int held, long sinceLastRead,
            long coalesceNanos) {
        boolean full = readBatch > 0 && datagrams >= readBatch;
        int what = !full || urgent || held >= HOLD_MAX ? HAND_OVER : HOLD;
        // one datagram shows nothing of the socket being empty: the transport offers room for one
        // only while datagrams come one at a time (ReceiveBuffer), and a rest is for dense streams
        if (coalesceNanos > 0 && readBatch > 0 && !full && !urgent && datagrams > 1
                && (double) datagrams * coalesceNanos >= (double) COALESCE_MIN * sinceLastRead) {
            what |= REST;
        }
        return what;
    }
}
