package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.engine.Target;
import io.varbind.testing.EchoResponder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Guards the Session path against per-request waste: the same 10,000 GETs (64 in flight, v2c,
 * numeric OID) through {@link Session#getAsync(String)} and straight through
 * {@link SnmpEngine#request}, in one JVM against one responder, must cost the client at most 1.5x
 * the engine's CPU. The client's CPU is that of every thread of this JVM but the responder's
 * ({@link ThreadMXBean}), so the engine's event loop and the session's conversions both count.
 * The bound is generous so that it does not flake on a busy machine; the benchmarks
 * ({@code benchmarks/scripts/network.sh}) hold the real target. Before the session resolved its
 * MIB tree once, each request re-read the MIB search path and this ratio was far above it.
 */
class SessionOverheadTest {
    private static final int GETS = 10_000;
    private static final int IN_FLIGHT = 64;
    private static final double LIMIT = 1.5;
    private static final String OID = ".1.3.6.1.2.1.1.1.0";

    @Test
    void sessionCostsAtMostOneAndAHalfTimesTheEngine() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadCpuTimeSupported(), "this JVM cannot measure thread CPU time");
        try (EchoResponder agent = new EchoResponder(); SnmpEngine engine = SnmpEngine.create()) {
            // the default MIB tree, as users get it (the waste this guards against lived there)
            Session session = Session.builder().hostname(agent.hostname()).version(2).community("public")
                    .useNumeric(true).timeout(5).retries(0).engine(engine).build();
            Target target = Target.community(agent.address(), 1, "public".getBytes(StandardCharsets.US_ASCII),
                    TimeUnit.SECONDS.toNanos(5), 0);
            List<Oid> oids = List.of(Oid.parse(OID.substring(1)));
            AtomicInteger wrong = new AtomicInteger();
            Supplier<CompletableFuture<?>> viaEngine = () -> engine.request(target, Pdu.request(BerTags.GET, oids))
                    .thenAccept(r -> check(r.pdu().varBinds().size() == 1, wrong));
            Supplier<CompletableFuture<?>> viaSession = () -> session.getAsync(OID)
                    .thenAccept(v -> check("public".equals(v.value()) && "0".equals(v.oidIndex()), wrong));
            long self = agent.thread().getId();
            for (int i = 0; i < 3; i++) { // warm-up: both paths compiled before anything is measured
                run(viaEngine, GETS, mx, self);
                run(viaSession, GETS, mx, self);
            }
            int rounds = 5;
            double[] ratios = new double[rounds];
            StringBuilder figures = new StringBuilder();
            for (int i = 0; i < rounds; i++) {
                long e = run(viaEngine, GETS, mx, self);
                long s = run(viaSession, GETS, mx, self);
                ratios[i] = (double) s / e;
                figures.append(String.format(" engine %.1f us, session %.1f us;", e / 1e3 / GETS, s / 1e3 / GETS));
            }
            session.close();
            assertEquals(0, wrong.get(), "answers with the wrong content");
            Arrays.sort(ratios);
            double median = ratios[rounds / 2];
            System.out.printf("SessionOverheadTest: client CPU per GET%s median ratio %.2f%n", figures, median);
            assertTrue(median <= LIMIT, String.format("the Session path costs %.2fx the engine's CPU (limit %.1fx):%s",
                    median, LIMIT, figures));
        }
    }

    private static void check(boolean ok, AtomicInteger wrong) {
        if (!ok) {
            wrong.incrementAndGet();
        }
    }

    /** Sends {@code n} requests, {@link #IN_FLIGHT} at a time; returns the CPU all threads but {@code skip} used. */
    private static long run(Supplier<CompletableFuture<?>> op, int n, ThreadMXBean mx, long skip) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        long before = cpu(mx, skip);
        for (int i = 0; i < n; i++) {
            window.acquire();
            op.get().whenComplete((r, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                window.release();
            });
        }
        window.acquire(IN_FLIGHT);
        long used = cpu(mx, skip) - before;
        assertEquals(0, failed.get(), "requests failed");
        return used;
    }

    private static long cpu(ThreadMXBean mx, long skip) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            if (id != skip) {
                long t = mx.getThreadCpuTime(id);
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }
}
