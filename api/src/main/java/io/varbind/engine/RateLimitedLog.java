package io.varbind.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One kind of event a remote party can trigger at will (a malformed packet, a wrong community, a
 * response that fails its checks): every occurrence at DEBUG, and at most one line per interval at
 * the given level, with how many were folded into it, so that a flood cannot fill the log of a
 * poller that leaves WARN or INFO on. Messages carry addresses, counters and parse errors, never a
 * community, a password or a key. Thread-safe and allocation-free when nothing is logged.
 */
public final class RateLimitedLog {
    /** The level of the rate-limited line. */
    public enum Level { INFO, WARN }

    private final Logger log;
    private final Level level;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong folded = new AtomicLong();

    /** At most one line per minute at {@code level}. */
    public RateLimitedLog(Logger log, Level level) {
        this(log, level, TimeUnit.MINUTES.toNanos(1));
    }

    public RateLimitedLog(Logger log, Level level, long intervalNanos) {
        this.log = log;
        this.level = level;
        this.intervalNanos = intervalNanos;
    }

    /** Logs one occurrence: {@code format} with one SLF4J {@code {}} placeholder. */
    public void log(String format, Object a) {
        log(format, a, null);
    }

    /** Logs one occurrence: {@code format} with SLF4J's {@code {}} placeholders for a and b. */
    public void log(String format, Object a, Object b) {
        if (log.isDebugEnabled()) {
            log.debug(format, a, b);
            return; // the debug line says it all; no summary lines in between
        }
        if (!enabled()) {
            return;
        }
        long now = System.nanoTime();
        long next = nextAt.get();
        if (next != Long.MIN_VALUE && now - next < 0 || !nextAt.compareAndSet(next, now + intervalNanos)) {
            folded.incrementAndGet();
            return;
        }
        long more = folded.getAndSet(0);
        String line = more == 0 ? format : format + " (and " + more + " more since the last such line)";
        if (level == Level.WARN) {
            log.warn(line, a, b);
        } else {
            log.info(line, a, b);
        }
    }

    private boolean enabled() {
        return level == Level.WARN ? log.isWarnEnabled() : log.isInfoEnabled();
    }
}
