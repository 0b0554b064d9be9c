package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.engine.HostileResponder;
import io.varbind.engine.HostileResponder.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The poller's scheduling, overrun, removal, back-pressure and errors against a responder of the tests. */
class PollerTest {
    private static SnmpEngine engine;

    @BeforeAll
    static void engine() {
        engine = SnmpEngine.create();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static PollTarget.Builder target(String id, HostileResponder r, int port, long intervalMillis) {
        String host = "127.0.0.1:" + r.address(port).getPort();
        return PollTarget.builder(id).session(s -> s.hostname(host).version(2).timeout(2).retries(0))
                .interval(Duration.ofMillis(intervalMillis));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until no poll is in flight and every result has been handed over. */
    private static void quiesce(Poller p) throws InterruptedException {
        await("the polls in flight", () -> p.statistics().inFlight() == 0 && p.statistics().queued() == 0);
    }

    @Test
    void everyTargetPolledEachIntervalWithOneResultPerPoll() throws Exception {
        Queue results = new Queue();
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 5, 0);
                Poller p = Poller.builder().engine(engine).consumer(results).build()) {
            for (int i = 0; i < 5; i++) {
                p.add(target("t" + i, r, i, 100).get("1.3.6.1.9.1", "1.3.6.1.9.2", "1.3.6.1.9.3")
                        .maxOidsPerRequest(2).walk("1.3.6.1.9").build());
            }
            Thread.sleep(1200);
            for (int i = 0; i < 5; i++) {
                p.remove("t" + i);
            }
            quiesce(p);
            Poller.Statistics st = p.statistics();
            assertEquals(st.started(), results.size(), "one result per poll started");
            assertEquals(st.started(), st.succeeded());
            Map<String, Integer> perTarget = results.countByTarget();
            for (int i = 0; i < 5; i++) {
                int n = perTarget.getOrDefault("t" + i, 0);
                // 12 slots; a starved scheduler skips slots (counted as missed), it never adds polls
                assertTrue(n >= 5 && n <= 14, "t" + i + " polled " + n + " times in 1.2 s at 100 ms");
            }
            for (PollResult res : results.all()) {
                assertNull(res.error());
                List<String> names = new ArrayList<>();
                for (SnmpVariable v : res.variables()) {
                    names.add(v.oid() + "." + v.oidIndex());
                }
                // 3 OIDs at 2 per request (2 GETs), then the walk of 1.3.6.1.9.1 to .5
                assertEquals(8, names.size(), names.toString());
                assertEquals("ok", res.variables().get(0).value());
                assertEquals("INTEGER", res.variables().get(3).snmpType());
                assertEquals("127.0.0.1", res.hostname());
                assertFalse(res.actualStart().isBefore(res.scheduledStart().minusMillis(1)));
            }
            // 2 GETs and the walk: 5 varbinds in 10-repetition GETBULKs end within one request
            assertEquals(results.size() * 3L, r.requestCount());
        }
    }

    @Test
    void targetsAreSpreadOverTheInterval() throws Exception {
        Queue results = new Queue();
        int n = 50;
        long interval = 1000;
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 1, 0);
                Poller p = Poller.builder().engine(engine).consumer(results).jitter(0).build()) {
            for (int i = 0; i < n; i++) {
                p.add(target("t" + i, r, 0, interval).get("1.3.6.1.9.1").build());
            }
            await("a poll of every target", () -> results.countByTarget().size() == n);
        }
        List<Long> phases = new ArrayList<>();
        for (PollResult res : results.all()) {
            phases.add(res.scheduledStart().toEpochMilli() % interval);
        }
        Collections.sort(phases);
        long largestGap = interval - phases.get(phases.size() - 1) + phases.get(0);
        for (int i = 1; i < phases.size(); i++) {
            largestGap = Math.max(largestGap, phases.get(i) - phases.get(i - 1));
        }
        // evenly spread, 50 targets would be 20 ms apart; golden-ratio spacing stays within 3x of that
        assertTrue(largestGap <= 3 * interval / n, "largest gap between poll slots " + largestGap + " ms");
    }

    @Test
    void aPollStillRunningWhenTheNextIsDueIsAnOverrunAndSkipped() throws Exception {
        Queue results = new Queue();
        try (HostileResponder r = new HostileResponder(Mode.DELAY, 1, 250);
                Poller p = Poller.builder().engine(engine).consumer(results).build()) {
            p.add(target("slow", r, 0, 100).get("1.3.6.1.9.1").build());
            Thread.sleep(1500);
            p.remove("slow");
            quiesce(p);
            Poller.Statistics st = p.statistics();
            assertTrue(st.overruns() >= 5, "overruns " + st.overruns());
            assertEquals(st.started(), results.size());
            assertEquals(st.started(), r.requestCount(), "a skipped poll sends nothing");
            List<PollResult> polls = results.all();
            assertTrue(polls.size() >= 3 && polls.size() <= 7, polls.size() + " polls of 250 ms in 1.5 s");
            for (int i = 1; i < polls.size(); i++) {
                PollResult prev = polls.get(i - 1);
                assertFalse(polls.get(i).actualStart().isBefore(prev.actualStart().plus(prev.duration())),
                        "two polls of one target in flight at once");
                assertTrue(prev.duration().toMillis() >= 240, prev.duration().toString());
            }
        }
    }

    @Test
    void aTargetRemovedMidPollStillGetsThatPollsResultAndNoMore() throws Exception {
        Queue results = new Queue();
        try (HostileResponder r = new HostileResponder(Mode.DELAY, 1, 400);
                Poller p = Poller.builder().engine(engine).consumer(results).jitter(0).build()) {
            p.add(target("gone", r, 0, 50).get("1.3.6.1.9.1").build());
            await("the first request", () -> r.requestCount() == 1);
            assertTrue(p.remove("gone"));
            assertFalse(p.remove("gone"));
            assertTrue(p.targetIds().isEmpty());
            await("the poll in flight to end", () -> results.size() == 1);
            Thread.sleep(300);
            assertEquals(1, results.size());
            assertEquals(1, r.requestCount());
            assertEquals(1, p.statistics().started());
            assertNull(results.all().get(0).error());
        }
    }

    @Test
    void aSlowConsumerSlowsPollingDownInsteadOfBuffering() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Queue results = new Queue();
        int capacity = 4;
        int targets = 20;
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 1, 0);
                Poller p = Poller.builder().engine(engine).queueCapacity(capacity).consumer(res -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    results.accept(res);
                }).build()) {
            for (int i = 0; i < targets; i++) {
                p.add(target("t" + i, r, 0, 50).get("1.3.6.1.9.1").build());
            }
            Thread.sleep(1000);
            Poller.Statistics held = p.statistics();
            // one result with the consumer, capacity on the queue, and at most the polls in flight
            assertTrue(held.started() <= 1 + capacity + targets, "started " + held.started());
            assertTrue(held.queued() <= capacity + targets, "queued " + held.queued());
            assertTrue(held.consumerWaits() >= 1);
            assertEquals(held.started(), r.requestCount());
            release.countDown();
            Thread.sleep(500);
            Poller.Statistics after = p.statistics();
            assertTrue(after.started() > held.started() + targets, "polling resumed: " + after);
            assertTrue(after.missed() >= targets, "slots missed while held: " + after.missed());
        }
    }

    @Test
    void errorsAreTypedAndPartialResultsKept() throws Exception {
        try (HostileResponder dropper = new HostileResponder(Mode.DROP, 1, 0);
                HostileResponder good = new HostileResponder(Mode.GOOD, 1, 0);
                Poller p = Poller.builder().engine(engine).build()) {
            String host = "127.0.0.1:" + dropper.address(0).getPort();
            p.add(PollTarget.builder("dead").session(s -> s.hostname(host).version(2).timeout(0.1).retries(1))
                    .interval(Duration.ofMillis(100)).get("1.3.6.1.9.1").build());
            p.add(target("half", good, 0, 100).get("1.3.6.1.9.1", "NO-SUCH-MIB::nothing.0").maxOidsPerRequest(1)
                    .build());
            p.add(target("v1walk", good, 0, 100).session(s -> s.hostname("127.0.0.1:" + good.address(0).getPort())
                    .version(1).timeout(2).retries(0)).walk("1.3.6.1.9").build());
            Map<String, PollResult> first = new HashMap<>();
            while (first.size() < 3) {
                PollResult res = p.poll(Duration.ofSeconds(5));
                assertNotNull(res, "a result within 5 s");
                first.putIfAbsent(res.target(), res);
            }
            PollResult dead = first.get("dead");
            assertInstanceOf(SnmpTimeoutException.class, dead.error());
            assertTrue(dead.variables().isEmpty());
            assertTrue(dead.duration().toMillis() >= 190, "two tries of 100 ms: " + dead.duration());
            PollResult half = first.get("half");
            assertInstanceOf(SnmpUnknownObjectIdException.class, half.error());
            assertEquals(1, half.variables().size());
            assertEquals("ok", half.variables().get(0).value());
            PollResult walk = first.get("v1walk");
            assertNull(walk.error());
            assertEquals(5, walk.variables().size());
            assertThrows(IllegalStateException.class,
                    () -> Poller.builder().engine(engine).consumer(x -> { }).build().drainTo(new ArrayList<>(), 1));
        }
    }

    @Test
    void targetsChangedWhileRunningUseTheirNewSettings() throws Exception {
        Queue results = new Queue();
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 2, 0);
                Poller p = Poller.builder().engine(engine).consumer(results).build()) {
            p.add(target("c", r, 0, 50).get("1.3.6.1.9.1").build());
            await("a poll with the first settings", () -> results.size() >= 2);
            p.add(target("c", r, 1, 50).get("1.3.6.1.9.7", "1.3.6.1.9.8").build());
            assertEquals(List.of("1.3.6.1.9.7", "1.3.6.1.9.8"), p.target("c").oids());
            int before = results.size();
            await("polls with the new settings", () -> results.size() >= before + 3);
            p.remove("c");
            quiesce(p);
            List<PollResult> all = results.all();
            PollResult last = all.get(all.size() - 1);
            assertEquals(2, last.variables().size());
            assertEquals("127.0.0.1", last.hostname());
            // at most one poll (the one in flight at the change) used the old OIDs after it
            int old = 0;
            for (PollResult res : all.subList(before, all.size())) {
                old += res.variables().size() == 1 ? 1 : 0;
            }
            assertTrue(old <= 1, old + " polls with the old settings after the change");
            assertEquals(p.statistics().started(), all.size());
        }
    }

    @Test
    void aSlotBeyondTheWheelsTurnWaitsForItsOwnTime() throws Exception {
        // the timetable is a wheel of 4.096 s: a 4.5 s slot shares its bucket with the ticks 4.096 s
        // earlier, which a 40 ms neighbour keeps visiting; it must fire at its time, once
        Queue results = new Queue();
        long interval = 4500;
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 1, 0)) {
            // the slot is due one interval after the poller's start, which lies between these two
            // readings (under load the build alone can take tens of milliseconds)
            long beforeBuild = System.currentTimeMillis();
            try (Poller p = Poller.builder().engine(engine).consumer(results).jitter(0).build()) {
                long afterBuild = System.currentTimeMillis();
                p.add(target("long", r, 0, interval).get("1.3.6.1.9.1").build()); // first added: phase 0
                p.add(target("busy", r, 0, 40).get("1.3.6.1.9.1").build());
                await("the long slot's poll", () -> results.countByTarget().getOrDefault("long", 0) >= 1);
                Thread.sleep(300);
                List<PollResult> longPolls = results.all().stream().filter(x -> x.target().equals("long")).toList();
                assertEquals(1, longPolls.size(), "one poll of the 4.5 s target in "
                        + (System.currentTimeMillis() - beforeBuild) + " ms");
                PollResult only = longPolls.get(0);
                assertFalse(only.actualStart().isBefore(only.scheduledStart()), "started before its due time");
                long due = only.scheduledStart().toEpochMilli();
                // one interval after the start; plus at most the start grain (0.1% of the interval)
                // and a millisecond of rounding between the two clocks
                assertTrue(due >= beforeBuild + interval - 1 && due <= afterBuild + interval + interval / 1000 + 2,
                        "due " + (due - beforeBuild) + " ms after the build began, which took "
                                + (afterBuild - beforeBuild) + " ms");
                assertTrue(results.countByTarget().get("busy") >= 20, "the busy neighbour: " + results.countByTarget());
            }
        }
    }

    @Test
    void theSchedulerWakesForPollsDueNotForEveryOccupiedBucket() throws Exception {
        // 2,000 targets every 60 s: about 33 polls due per second, while ~40% of the wheel's
        // 4,096 one-millisecond buckets hold a slot due a later turn of the wheel
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 1, 0);
                Poller p = Poller.builder().engine(engine).consumer(x -> { }).build()) {
            for (int i = 0; i < 2000; i++) {
                p.add(target("t" + i, r, 0, 60_000).get("1.3.6.1.9.1").build());
            }
            long w0 = p.wakeups();
            long s0 = p.statistics().started();
            Thread.sleep(2000);
            long wakeups = p.wakeups() - w0;
            long started = p.statistics().started() - s0;
            assertTrue(started >= 5, "polls started in 2 s: " + started);
            // at most one wake-up per poll started, and a few for the turns of the wheel
            assertTrue(wakeups <= started + 20, wakeups + " wake-ups for " + started + " polls");
        }
    }

    @Test
    void atLongIntervalsSeveralPollsShareEachWakeUp() throws Exception {
        // 4,000 targets every 10 s: 400 polls due per second over ~1,000 ticks; each poll waits for
        // the next 10 ms (0.1% of its interval), so one wake-up of the scheduler starts several,
        // and the delivery thread, once busy, looks for results every 10 ms instead of per result
        List<PollResult> got = Collections.synchronizedList(new ArrayList<>());
        try (HostileResponder r = new HostileResponder(Mode.GOOD, 1, 0);
                Poller p = Poller.builder().engine(engine).consumer(got::add).build()) {
            for (int i = 0; i < 4000; i++) {
                p.add(target("t" + i, r, 0, 10_000).get("1.3.6.1.9.1").build());
            }
            Thread.sleep(500);
            long w0 = p.wakeups();
            long d0 = p.deliveryWaits();
            long s0 = p.statistics().started();
            int g0 = got.size();
            Thread.sleep(2500);
            long wakeups = p.wakeups() - w0;
            long deliveryWaits = p.deliveryWaits() - d0;
            long started = p.statistics().started() - s0;
            int delivered = got.size() - g0;
            assertTrue(started >= 500, "polls started in 2.5 s: " + started);
            assertTrue(wakeups * 3 <= started, wakeups + " scheduler wake-ups for " + started + " polls");
            assertTrue(deliveryWaits * 2 <= delivered, deliveryWaits + " delivery wake-ups for " + delivered + " results");
            List<Long> late = new ArrayList<>();
            synchronized (got) {
                for (PollResult res : got) {
                    assertFalse(res.actualStart().isBefore(res.scheduledStart()), "started before its due time");
                    late.add(res.lateness().toMillis());
                }
            }
            Collections.sort(late);
            // the grain puts a start off by at most 10 ms; the rest is this machine's load
            assertTrue(late.get(late.size() / 2) < 200, "median lateness " + late.get(late.size() / 2) + " ms");
        }
    }

    @Test
    void badTargetsAreRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> PollTarget.builder(""));
        assertThrows(IllegalArgumentException.class, () -> PollTarget.builder("x").get("sysDescr.0")
                .session(s -> s.version(4)).build());
        assertThrows(IllegalArgumentException.class, () -> PollTarget.builder("x").build());
        assertThrows(IllegalArgumentException.class, () -> PollTarget.builder("x").interval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> PollTarget.builder("x").maxOidsPerRequest(0));
        assertThrows(IllegalArgumentException.class, () -> Poller.builder().queueCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> Poller.builder().jitter(1));
        PollTarget t = PollTarget.builder("x").get("a", "b", "c", "d", "e").maxOidsPerRequest(2).build();
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), t.getRequests());
        Poller closed = Poller.builder().build();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.add(t));
    }

    /** A consumer that keeps what it is given. */
    private static final class Queue implements java.util.function.Consumer<PollResult> {
        private final ConcurrentLinkedQueue<PollResult> all = new ConcurrentLinkedQueue<>();

        @Override
        public void accept(PollResult r) {
            all.add(r);
        }

        int size() {
            return all.size();
        }

        List<PollResult> all() {
            return new ArrayList<>(all);
        }

        Map<String, Integer> countByTarget() {
            Map<String, Integer> m = new ConcurrentHashMap<>();
            for (PollResult r : all) {
                m.merge(r.target(), 1, Integer::sum);
            }
            return m;
        }
    }
}
