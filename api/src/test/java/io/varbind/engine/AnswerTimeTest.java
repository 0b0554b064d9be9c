package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A blocking wait spins while the peer's answers come within the spin, parks at once while they
 * take longer, and spins again once a probe finds them quick. "Answers" are futures that report
 * done on their Nth look, so the test does not depend on the machine's timing.
 */
class AnswerTimeTest {

    /** Done from the {@code looks}th call of isDone on: an answer that arrives during a spin. */
    private static final class AnswersAfter extends CompletableFuture<Object> {
        private int looks;
        private final int after;

        AnswersAfter(int after) {
            this.after = after;
        }

        @Override
        public boolean isDone() {
            return ++looks >= after;
        }
    }

    /** One wait of a slow peer: not answered in any spin; the parked wait takes {@code millis}. */
    private static void slowWait(AnswerTime t, long millis) throws InterruptedException {
        long token = t.beforeWait(new CompletableFuture<>());
        Thread.sleep(millis);
        t.afterWait(token);
    }

    @Test
    void quickAnswersAreSpunForSlowOnesParkAtOnceAndAProbeFindsThemQuickAgain() throws Exception {
        Assumptions.assumeTrue(AnswerTime.MAX_SPIN_NANOS > 0, "-Dvarbind.spinMicros=0 turns spinning off");
        AnswerTime t = new AnswerTime();
        assertEquals(-1, t.beforeWait(new AnswersAfter(3)), "a fresh estimate spins, and the answer came in it");
        assertTrue(t.typicalNanos() <= AnswerTime.MAX_SPIN_NANOS);
        for (int i = 0; i < 20; i++) {
            slowWait(t, 2);
        }
        assertTrue(t.typicalNanos() > AnswerTime.MAX_SPIN_NANOS, "2 ms waits: " + t.typicalNanos() + " ns");
        // a slow peer: waits park at once (no spin, so not even an answer in the spin is seen),
        // except one probe in PROBE_EVERY, which spins and, answered, makes the estimate quick again
        int spun = 0;
        int calls = 0;
        while (t.typicalNanos() > AnswerTime.MAX_SPIN_NANOS && calls < 2 * AnswerTime.PROBE_EVERY) {
            long started = System.nanoTime();
            long token = t.beforeWait(new AnswersAfter(3));
            calls++;
            if (token == -1) {
                spun++;
            } else {
                assertTrue(System.nanoTime() - started < 5_000_000L, "no spin before parking");
                Thread.sleep(2);
                t.afterWait(token);
            }
        }
        assertEquals(1, spun, "only the probe spins while the peer is slow");
        assertTrue(calls <= AnswerTime.PROBE_EVERY, calls + " waits before the probe");
        assertTrue(t.typicalNanos() <= AnswerTime.MAX_SPIN_NANOS, "the answered probe resets the estimate");
        assertEquals(-1, t.beforeWait(new AnswersAfter(3)), "quick again: the next wait spins");
    }

    @Test
    void aWaitAlreadyOverNeitherSpinsNorCounts() {
        AnswerTime t = new AnswerTime();
        assertEquals(-1, t.beforeWait(CompletableFuture.completedFuture(1)));
        t.afterWait(-1);
        assertEquals(0, t.typicalNanos());
    }
}
