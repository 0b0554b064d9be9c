package io.varbind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one poll of one {@link PollTarget}: every poll a {@link Poller} starts ends in
 * exactly one of these. {@link #variables()} holds what was read (GETs first, in the target's
 * order, then each walk, then each table row by row, see {@link PollTarget.Builder#table}); when part of the poll failed, {@link #error()} is the first failure
 * (typed as {@link Session} raises it, for example {@link SnmpTimeoutException}) and
 * {@link #variables()} keeps the parts that succeeded.
 */
public final class PollResult {
    private final String target;
    private final String hostname;
    private final Instant scheduledStart;
    private final Instant actualStart;
    private final long durationNanos;
    private final List<SnmpVariable> variables;
    private final RuntimeException error;

    PollResult(String target, String hostname, Instant scheduledStart, Instant actualStart, long durationNanos,
            List<SnmpVariable> variables, RuntimeException error) {
        this.target = target;
        this.hostname = hostname;
        this.scheduledStart = scheduledStart;
        this.actualStart = actualStart;
        this.durationNanos = durationNanos;
        // not copied: the poller hands over a list of its own that nothing else holds
        this.variables = java.util.Collections.unmodifiableList(variables);
        this.error = error;
    }

    /** The id of the target polled. */
    public String target() {
        return target;
    }

    /** The agent's host, as the target's session settings give it. */
    public String hostname() {
        return hostname;
    }

    /** When the poll was due (its slot in the interval, jitter included). */
    public Instant scheduledStart() {
        return scheduledStart;
    }

    /** When the first request of the poll was sent. */
    public Instant actualStart() {
        return actualStart;
    }

    /** How late the poll started against its schedule (never negative). */
    public Duration lateness() {
        Duration d = Duration.between(scheduledStart, actualStart);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** From the first request sent to the last answer (or failure). */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    /** What was read; with {@link #error()} set, only the parts that succeeded. */
    public List<SnmpVariable> variables() {
        return variables;
    }

    /** The first failure of the poll, or null when every request succeeded. */
    public RuntimeException error() {
        return error;
    }

    public boolean succeeded() {
        return error == null;
    }

    @Override
    public String toString() {
        return "PollResult[" + target + " at " + actualStart + ", " + duration().toMillis() + " ms, "
                + (error == null ? variables.size() + " variables" : "error " + error) + "]";
    }
}
