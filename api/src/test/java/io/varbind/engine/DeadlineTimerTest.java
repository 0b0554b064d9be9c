package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's timeouts: each fires once, never early, not when cancelled, and a nearer one wakes a sleeping timer. */
class DeadlineTimerTest {

    private static DeadlineTimer timer() {
        return new DeadlineTimer(new DefaultThreadFactory("deadline-test", true), 5, TimeUnit.MILLISECONDS);
    }

    @Test
    void eachTimeoutFiresOnceNotBeforeItsDeadlineAndCancelledOnesNever() throws Exception {
        DeadlineTimer t = timer();
        try {
            int n = 400;
            CountDownLatch fired = new CountDownLatch(n / 2);
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger runs = new AtomicInteger();
            List<Timeout> cancelled = new ArrayList<>();
            // from several threads at once, deadlines 0 to 300 ms, every other one cancelled
            ExecutorService adders = Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> added = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean cancel = i % 2 == 1;
                // a cancelled one is cancelled long before it is due
                long delay = ThreadLocalRandom.current().nextLong(cancel ? 150_000_000L : 0, 300_000_000L);
                added.add(adders.submit(() -> {
                    long due = System.nanoTime() + delay;
                    Timeout to = t.newTimeout(x -> {
                        runs.incrementAndGet();
                        if (cancel) {
                            wrong.add("a cancelled timeout ran");
                        }
                        if (System.nanoTime() < due) {
                            wrong.add("ran " + (due - System.nanoTime()) + " ns early");
                        }
                        fired.countDown();
                    }, delay, TimeUnit.NANOSECONDS);
                    if (cancel) {
                        assertTrue(to.cancel());
                        assertTrue(to.isCancelled());
                        synchronized (cancelled) {
                            cancelled.add(to);
                        }
                    }
                }));
            }
            for (var f : added) {
                f.get();
            }
            adders.shutdown();
            assertTrue(fired.await(5, TimeUnit.SECONDS), "every timeout left ran");
            Thread.sleep(400); // past every deadline: nothing more runs
            assertEquals(List.of(), new ArrayList<>(wrong));
            assertEquals(n / 2, runs.get());
            for (Timeout c : cancelled) {
                assertFalse(c.isExpired());
                assertFalse(c.cancel());
            }
        } finally {
            t.stop();
        }
    }

    @Test
    void aNearerDeadlineWakesATimerSleepingTowardsAFarOne() throws Exception {
        DeadlineTimer t = timer();
        try {
            t.newTimeout(x -> { }, 60, TimeUnit.SECONDS);
            Thread.sleep(50); // the timer now sleeps towards the far deadline
            CountDownLatch near = new CountDownLatch(1);
            long start = System.nanoTime();
            Timeout to = t.newTimeout(x -> near.countDown(), 20, TimeUnit.MILLISECONDS);
            assertTrue(near.await(5, TimeUnit.SECONDS));
            assertTrue(to.isExpired());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(20));
        } finally {
            assertEquals(1, t.stop().size()); // the far one is left
        }
    }
}
