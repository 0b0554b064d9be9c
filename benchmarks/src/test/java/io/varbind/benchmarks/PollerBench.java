package io.varbind.benchmarks;

import io.varbind.PollTarget;
import io.varbind.Poller;
import io.varbind.SnmpEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The poller workload of issue 18: N targets (one per UDP port of an agent on a port range, the
 * built-in agent in another process) x K OIDs in one GET, each target polled every interval,
 * spread over it, at most one poll in flight per target. Measures, after a warm-up: polls
 * completed per second, client CPU per poll (process CPU time), start lateness p50/p99 against
 * each poll's slot, and heap per target (heap after GC with the targets loaded, less before).
 *
 * <p>Clients: {@code varbind}, {@link Poller}; {@code snmp4j}, SNMP4J as its documentation
 * recommends for many agents: one {@code Snmp} over one {@code DefaultUdpTransportMapping},
 * asynchronous {@code send} with a {@code ResponseListener} that cancels its request, one
 * {@code CommunityTarget} per agent, and a {@code ScheduledExecutorService} firing each target at
 * a fixed rate from its slot (SNMP4J has no poller of its own).
 *
 * <p>Usage: {@code PollerBench CLIENT TARGETS OIDS INTERVAL_S MEASURE_S HOST BASE_PORT}.
 */
public final class PollerBench {
    private static final String[] OIDS = {
        "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.5.0",
        "1.3.6.1.2.1.1.6.0", "1.3.6.1.2.1.1.7.0", "1.3.6.1.2.1.2.1.0", "1.3.6.1.2.1.2.2.1.10.1",
        "1.3.6.1.2.1.2.2.1.16.1", "1.3.6.1.2.1.2.2.1.10.2", "1.3.6.1.2.1.2.2.1.16.2",
    };

    /** Start lateness in 100 us buckets up to 10 s; the last bucket takes the rest. */
    static final class Lateness {
        private final AtomicLongArray buckets = new AtomicLongArray(100_001);

        void add(long nanos) {
            int b = (int) Math.min(buckets.length() - 1, Math.max(0, nanos / 100_000));
            buckets.incrementAndGet(b);
        }

        double percentileMillis(double p) {
            long total = 0;
            for (int i = 0; i < buckets.length(); i++) {
                total += buckets.get(i);
            }
            long want = (long) Math.ceil(total * p);
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= want && want > 0) {
                    return i / 10.0;
                }
            }
            return Double.NaN;
        }
    }

    /**
     * What a client counts while it polls, per half of the measured window (phase 1 and 2; 0 is
     * the warm-up, not counted): a client that keeps up in the first half but not the second has
     * a growing backlog.
     */
    static final class Counters {
        final LongAdder[] completed = {new LongAdder(), new LongAdder(), new LongAdder()};
        final LongAdder[] failed = {new LongAdder(), new LongAdder(), new LongAdder()};
        final LongAdder overruns = new LongAdder();
        final Lateness[] lateness = {null, new Lateness(), new Lateness()};
        volatile int phase;

        /** How long the polls took, start to answer (both halves). */
        final Lateness duration = new Lateness();

        void done(boolean ok, long latenessNanos, long durationNanos) {
            int h = phase;
            if (h == 0) {
                return;
            }
            duration.add(durationNanos);
            completed[h].increment();
            if (!ok) {
                failed[h].increment();
            }
            if (latenessNanos >= 0) {
                lateness[h].add(latenessNanos);
            }
        }

        /** A poll started {@code nanos} late (SNMP4J's, counted when it starts). */
        void late(long nanos) {
            int h = phase;
            if (h != 0) {
                lateness[h].add(nanos);
            }
        }

        long completed() {
            return completed[1].sum() + completed[2].sum();
        }

        long failed() {
            return failed[1].sum() + failed[2].sum();
        }

        /** Both halves' lateness together. */
        Lateness lateness() {
            Lateness all = new Lateness();
            for (int h = 1; h <= 2; h++) {
                for (int i = 0; i < all.buckets.length(); i++) {
                    all.buckets.addAndGet(i, lateness[h].buckets.get(i));
                }
            }
            return all;
        }
    }

    interface Client extends AutoCloseable {
        void start(String host, int basePort, int targets, List<String> oids, long intervalNanos, Counters c);

        @Override
        void close();
    }

    static final class VarbindClient implements Client {
        private Poller poller;
        private SnmpEngine engine;

        @Override
        public void start(String host, int basePort, int targets, List<String> oids, long intervalNanos, Counters c) {
            engine = SnmpEngine.builder().threads(1).build();
            poller = Poller.builder().engine(engine).queueCapacity(65536).jitter(0.01).consumer(r ->
                    c.done(r.error() == null, r.lateness().toNanos(), r.duration().toNanos())).build();
            for (int i = 0; i < targets; i++) {
                String h = host + ":" + (basePort + i);
                poller.add(PollTarget.builder(h).session(s -> s.hostname(h).version(2).community("public")
                        .timeout(2).retries(1)).get(oids).maxOidsPerRequest(oids.size())
                        .interval(Duration.ofNanos(intervalNanos)).build());
            }
        }

        long overruns() {
            return poller.statistics().overruns();
        }

        long missed() {
            return poller.statistics().missed();
        }

        @Override
        public void close() {
            poller.close();
            engine.close();
        }
    }

    static final class Snmp4jClient implements Client {
        private Snmp snmp;
        private ScheduledExecutorService scheduler;

        @Override
        public void start(String host, int basePort, int targets, List<String> oids, long intervalNanos, Counters c) {
            try {
                snmp = new Snmp(new DefaultUdpTransportMapping());
                snmp.listen();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            scheduler = Executors.newScheduledThreadPool(1);
            List<VariableBinding> vbs = new ArrayList<>();
            for (String o : oids) {
                vbs.add(new VariableBinding(new OID(o)));
            }
            long base = System.nanoTime();
            for (int i = 0; i < targets; i++) {
                CommunityTarget<UdpAddress> t = new CommunityTarget<>(new UdpAddress(host + "/" + (basePort + i)),
                        new OctetString("public"));
                t.setVersion(SnmpConstants.version2c);
                t.setTimeout(2000);
                t.setRetries(1);
                AtomicBoolean inFlight = new AtomicBoolean();
                long phase = (long) (((i * 0.6180339887498949) % 1.0) * intervalNanos);
                long[] next = {base + phase};
                long[] sentAt = {0};
                ResponseListener listener = new ResponseListener() {
                    @Override
                    public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
                        ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                        PDU r = event.getResponse();
                        inFlight.set(false);
                        c.done(r != null && r.getErrorStatus() == 0, -1, System.nanoTime() - sentAt[0]); // lateness counted at the start
                    }
                };
                scheduler.scheduleAtFixedRate(() -> {
                    long due = next[0];
                    next[0] += intervalNanos;
                    if (!inFlight.compareAndSet(false, true)) {
                        c.overruns.increment();
                        return;
                    }
                    long now = System.nanoTime();
                    c.late(now - due);
                    sentAt[0] = now;
                    PDU pdu = new PDU();
                    pdu.setType(PDU.GET);
                    pdu.addAll(vbs);
                    try {
                        snmp.send(pdu, t, null, listener);
                    } catch (java.io.IOException e) {
                        inFlight.set(false);
                        c.done(false, -1, 0);
                    }
                }, phase, intervalNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
            try {
                snmp.close();
            } catch (java.io.IOException ignored) {
                // closing
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Threads that start polls: the Poller's scheduler, SNMP4J's ScheduledExecutorService. */
    private static final List<String> SCHEDULER_THREADS = List.of("varbind-poller-scheduler", "pool-");

    /** CPU time of the live threads whose names start with one of {@code prefixes}. */
    private static long threadCpuNanos(List<String> prefixes) {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo i : t.getThreadInfo(t.getAllThreadIds())) {
            if (i != null && prefixes.stream().anyMatch(i.getThreadName()::startsWith)) {
                sum += Math.max(0, t.getThreadCpuTime(i.getThreadId()));
            }
        }
        return sum;
    }

    /**
     * CPU time of every live thread, by role: the JIT's compiler threads, the collector's and the
     * VM's own, and each other thread by its name with digits dropped (an executor's pool-1-thread-3
     * counts as pool--thread-); where a client's CPU per poll goes.
     */
    private static java.util.Map<String, Long> cpuByRole() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo i : t.getThreadInfo(t.getAllThreadIds())) {
            if (i == null) {
                continue;
            }
            String n = i.getThreadName();
            String role = n.contains("Compiler") ? "jit" : n.startsWith("GC ") || n.startsWith("VM ") ? "gc+vm"
                    : n.replaceAll("[0-9]+", "");
            out.merge(role, Math.max(0, t.getThreadCpuTime(i.getThreadId())), Long::sum);
        }
        return out;
    }

    /** The roles' CPU between two {@link #cpuByRole} snapshots, in us per poll, largest first. */
    private static String perPoll(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long polls) {
        StringBuilder b = new StringBuilder();
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .limit(6)
                .forEach(e -> b.append(String.format(Locale.ROOT, " %s=%.1f", e.getKey(), e.getValue() / 1000.0 / polls)));
        return b.toString();
    }

    /** Bytes allocated so far by the live threads (HotSpot's per-thread counters). */
    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (!(t instanceof com.sun.management.ThreadMXBean h) || !h.isThreadAllocatedMemorySupported()) {
            return 0;
        }
        long sum = 0;
        for (long b : h.getThreadAllocatedBytes(t.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /** Collections so far and the milliseconds they took, over every collector. */
    private static long[] gcCountAndMillis() {
        long n = 0;
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, g.getCollectionCount());
            ms += Math.max(0, g.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    private static long heapAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return m.getHeapMemoryUsage().getUsed();
    }

    /** Where the agent's CPU time is read: {@code -Dvarbind.bench.agentPid=PID} (Linux), else none. */
    private static final String AGENT_PID = System.getProperty("varbind.bench.agentPid", "");

    /** The agent process's CPU time from /proc (user + system), or -1 without a pid. */
    private static long agentCpuNanos() {
        if (AGENT_PID.isEmpty()) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", AGENT_PID, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat(5), counted from the state (field 3) here; clock ticks of 10 ms
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Highest share of its core the agent may use for a rate to count as the client's, not the agent's. */
    static final double AGENT_BOUND = 0.85;

    /**
     * The line poller-rate.sh reads: whether the client sustained the offered rate. Sustained: in
     * each half of the window, successful polls at least 99% of those due and p99 start lateness
     * under 100 ms (a client falling further behind fails the second half: a growing backlog); and
     * the agent below {@link #AGENT_BOUND} of its core (else the verdict is {@code agent-bound}).
     */
    static String verdict(String client, Counters c, double due, double measureSeconds, long elapsedNanos, long cpu,
            long agentCpu) {
        boolean ok = true;
        StringBuilder why = new StringBuilder();
        for (int h = 1; h <= 2; h++) {
            long good = c.completed[h].sum() - c.failed[h].sum();
            double share = good / (due * measureSeconds / 2);
            double p99 = c.lateness[h].percentileMillis(0.99);
            if (share < 0.99 || !(p99 < 100)) {
                ok = false;
            }
            why.append(String.format(Locale.ROOT, " half%d=%.1f%%/p99 %.1f ms", h, 100 * share, p99));
        }
        double agentShare = agentCpu < 0 ? Double.NaN : agentCpu / (double) elapsedNanos;
        String v = !ok && agentShare >= AGENT_BOUND ? "agent-bound" : ok ? "sustained" : "behind";
        return String.format(Locale.ROOT, "RESULT %s offered=%.0f verdict=%s client-cpu=%.0f%% agent-cpu=%s%s", client,
                due, v, 100.0 * cpu / elapsedNanos,
                agentCpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * agentShare), why);
    }

    public static void main(String[] args) throws Exception {
        String client = args.length > 0 ? args[0] : "varbind";
        int targets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int oidCount = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double intervalSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        double measureSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 30;
        String host = args.length > 5 ? args[5] : "127.0.0.1";
        int basePort = args.length > 6 ? Integer.parseInt(args[6]) : 40000;
        if (oidCount < 1 || oidCount > OIDS.length) {
            throw new IllegalArgumentException("OIDS: 1 to " + OIDS.length);
        }
        List<String> oids = List.of(OIDS).subList(0, oidCount);
        long interval = (long) (intervalSeconds * 1e9);
        Counters c = new Counters();
        long heapBefore = heapAfterGc();
        Client cl = "snmp4j".equals(client) ? new Snmp4jClient() : new VarbindClient();
        cl.start(host, basePort, targets, oids, interval, c);
        // warm up: two intervals (at least 10 s), so every target has been polled and the JIT has settled
        Thread.sleep((long) Math.max(10_000, 2 * intervalSeconds * 1000));
        long overrunsBefore = cl instanceof VarbindClient v ? v.overruns() : c.overruns.sum();
        long missedBefore = cl instanceof VarbindClient v ? v.missed() : 0;
        long agent0 = agentCpuNanos();
        long cpu0 = processCpuNanos();
        long[] gc0 = gcCountAndMillis();
        long sched0 = threadCpuNanos(SCHEDULER_THREADS);
        java.util.Map<String, Long> roles0 = cpuByRole();
        long alloc0 = allocatedBytes();
        long t0 = System.nanoTime();
        c.phase = 1;
        Thread.sleep((long) (measureSeconds * 500));
        c.phase = 2;
        Thread.sleep((long) (measureSeconds * 500));
        c.phase = 0;
        long elapsed = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        long agentCpu = agentCpuNanos() - agent0;
        long[] gc1 = gcCountAndMillis();
        long sched = threadCpuNanos(SCHEDULER_THREADS) - sched0;
        java.util.Map<String, Long> roles1 = cpuByRole();
        long alloc = allocatedBytes() - alloc0;
        long overruns = (cl instanceof VarbindClient v ? v.overruns() : c.overruns.sum()) - overrunsBefore;
        long missed = (cl instanceof VarbindClient v ? v.missed() : 0) - missedBefore;
        long done = c.completed();
        Lateness late = c.lateness();
        // heap per target after the window: the full collections it takes stall every thread for
        // seconds on a busy machine, and taken before the window they made its first seconds late
        long heapAfter = heapAfterGc();
        double due = targets / intervalSeconds;
        System.out.printf(Locale.ROOT,
                "%-8s targets=%d oids=%d interval=%.3fs: %.0f polls/s (%.0f due), %.1f us CPU/poll (scheduler thread %.1f), "
                        + "%.1f%% failed, %d overruns, %d slots missed by a late scheduler, start late p50 %.1f ms "
                        + "p99 %.1f ms max %.1f ms, poll took p50 %.1f ms p99 %.1f ms, GC %d pauses %d ms, heap %.0f B/target%n",
                client, targets, oidCount, intervalSeconds, done / (elapsed / 1e9), due,
                done == 0 ? Double.NaN : cpu / 1000.0 / done, done == 0 ? Double.NaN : sched / 1000.0 / done,
                done == 0 ? 0 : 100.0 * c.failed() / done, overruns, missed,
                late.percentileMillis(0.5), late.percentileMillis(0.99), late.percentileMillis(1.0),
                c.duration.percentileMillis(0.5), c.duration.percentileMillis(0.99),
                gc1[0] - gc0[0], gc1[1] - gc0[1], (heapAfter - heapBefore) / (double) targets);
        System.out.printf(Locale.ROOT, "threads (us CPU per poll):%s; allocated %.0f B/poll%n",
                perPoll(roles0, roles1, Math.max(1, done)), alloc / (double) Math.max(1, done));
        System.out.println(verdict(client, c, due, measureSeconds, elapsed, cpu, agentCpu));
        cl.close();
        System.exit(0);
    }
}
