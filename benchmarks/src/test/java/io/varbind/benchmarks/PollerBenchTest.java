package io.varbind.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The verdict poller-rate.sh reads: what counts as sustained, behind and agent-bound. */
class PollerBenchTest {
    private static final long SECOND = 1_000_000_000L;

    /** Counters of a 10 s window at 1,000 polls/s due: per half, polls done, failed, and the lateness of 2% of them. */
    private static PollerBench.Counters window(long[] done, long[] failed, long[] lateMillis) {
        PollerBench.Counters c = new PollerBench.Counters();
        for (int h = 1; h <= 2; h++) {
            c.phase = h;
            for (long i = 0; i < done[h - 1]; i++) {
                c.done(i >= failed[h - 1], (i % 50 == 0 ? lateMillis[h - 1] : 1) * 1_000_000L, 0);
            }
        }
        c.phase = 0;
        return c;
    }

    private static String verdict(PollerBench.Counters c, long agentCpuNanos) {
        return PollerBench.verdict("x", c, 1000, 10, 10 * SECOND, 5 * SECOND, agentCpuNanos);
    }

    @Test
    void everyPollDueDoneAndOnTimeInBothHalvesIsSustained() {
        String v = verdict(window(new long[] {5000, 4960}, new long[] {0, 10}, new long[] {50, 50}), -1);
        assertTrue(v.contains("verdict=sustained"), v);
    }

    @Test
    void aSecondHalfThatFallsBehindIsNotSustained() {
        // the backlog grows: the first half keeps up, the second does 98% of what is due (99% of
        // the whole window, which a verdict on the totals would take for sustained)
        String v = verdict(window(new long[] {5000, 4900}, new long[] {0, 0}, new long[] {5, 5}), -1);
        assertTrue(v.contains("verdict=behind"), v);
    }

    @Test
    void timeoutsAndLateStartsAreNotSustained() {
        String failed = verdict(window(new long[] {5000, 5000}, new long[] {100, 0}, new long[] {5, 5}), -1);
        assertTrue(failed.contains("verdict=behind"), failed);
        // 2% of the polls 150 ms late: p99 over 100 ms
        String late = verdict(window(new long[] {5000, 5000}, new long[] {0, 0}, new long[] {5, 150}), -1);
        assertTrue(late.contains("verdict=behind"), late);
    }

    @Test
    void behindWithTheAgentsCoreFullIsTheAgentsLimit() {
        PollerBench.Counters c = window(new long[] {4000, 4000}, new long[] {0, 0}, new long[] {5, 5});
        String busy = verdict(c, 9 * SECOND);
        assertTrue(busy.contains("verdict=agent-bound") && busy.contains("agent-cpu=90%"), busy);
        String idle = verdict(c, 2 * SECOND);
        assertTrue(idle.contains("verdict=behind"), idle);
    }
}
