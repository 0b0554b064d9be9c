package io.varbind.engine;

import java.util.concurrent.CompletableFuture;

/**
 * How long blocking waits for one peer's answers took lately, to decide whether the next one
 * should spin before it parks. A spin pays when the answer comes within it (the caller needs no
 * wake-up: no futex call on the event loop, no context switch here); when the peer takes longer
 * (snmpd working on a v3 request, 100 us and more), every microsecond of spin is CPU spent for
 * nothing (it doubled the client CPU of sequential v3 GETs). So a wait spins up to
 * {@link #MAX_SPIN_NANOS} while the typical recent wait (a moving average) fits in it, and parks
 * at once otherwise, except every {@value #PROBE_EVERY}th wait, which spins the whole window to
 * see whether the answers have become quick again (one answered within it resets the average).
 * A wait counts at most twice the window in the average, so that a rare long one (the thread
 * descheduled on a busy machine) does not stop the spin for a peer that answers quickly.
 *
 * <p>One per {@code Session} (one peer), and one per thread for blocking calls on engine futures.
 * Updated without locks: a lost update of the average between threads is harmless.
 */
public final class AnswerTime {
    /** The longest spin, {@code -Dvarbind.spinMicros} (default 50; 0 parks at once, always). */
    public static final long MAX_SPIN_NANOS = Long.getLong("varbind.spinMicros", 50) * 1000;
    static final int PROBE_EVERY = 32;
    private static final ThreadLocal<AnswerTime> PER_THREAD = ThreadLocal.withInitial(AnswerTime::new);

    /** Moving average of recent waits (1/8 weight to the newest), 0 until the first. */
    private volatile long typical;
    private int waits;

    /** The estimate of the calling thread, for blocking calls on engine futures. */
    public static AnswerTime ofThisThread() {
        return PER_THREAD.get();
    }

    /** The recent typical wait in nanoseconds (0 before the first). */
    public long typicalNanos() {
        return typical;
    }

    /**
     * Spins on {@code f} if this estimate says it pays, before the caller blocks on it; returns what
     * {@link #afterWait} needs ({@code -1} when the wait is over and recorded already).
     */
    public long beforeWait(CompletableFuture<?> f) {
        if (MAX_SPIN_NANOS <= 0 || f.isDone()) {
            return -1;
        }
        long start = System.nanoTime();
        boolean probe = typical > MAX_SPIN_NANOS && ++waits % PROBE_EVERY == 0;
        if (probe || typical <= MAX_SPIN_NANOS) {
            long end = start + MAX_SPIN_NANOS;
            long now;
            do {
                Thread.onSpinWait();
                now = System.nanoTime();
            } while (!f.isDone() && now < end);
            if (f.isDone()) {
                record(now - start, probe);
                return -1;
            }
        }
        return start;
    }

    /** The blocking wait that followed {@link #beforeWait} returned. */
    public void afterWait(long token) {
        if (token >= 0) {
            record(System.nanoTime() - token, false);
        }
    }

    private void record(long nanos, boolean reset) {
        // one wait counts at most twice the window: what matters is on which side of the window
        // the waits fall, and on a loaded machine a thread descheduled for milliseconds once would
        // otherwise stop the spin for a fast peer for dozens of waits
        long n = Math.max(1, Math.min(nanos, 2 * MAX_SPIN_NANOS));
        long t = typical;
        typical = reset || t == 0 ? n : t + (n - t) / 8;
    }
}
