package io.varbind.benchmarks;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.SnmpException;
import io.varbind.SnmpVariable;
import io.varbind.agent.SnmpAgent;
import io.varbind.agent.AgentException;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The soak of issue 14: one engine polls every endpoint of the built-in agent (1,000 UDP ports
 * by default, half v2c, half v3 authPriv SHA/AES) through a {@link ChaosRelay} that drops 5% of
 * the responses and duplicates and delays 2% each, while the agent restarts every minute with
 * its engineBoots one higher. Every request must end in values or a typed {@link SnmpException}
 * within its deadline; heap after GC, threads and file descriptors are sampled at the same point
 * of each minute and must stay flat (the last sample within 5% of the first one taken after the
 * warm-up). {@code benchmarks/scripts/soak.sh MINUTES}; {@code SoakTest} runs 2 minutes in CI.
 */
public final class Soak {
    /** What a run saw; {@link #failures()} lists what breaks the soak's promises. */
    public record Report(long requests, long ok, Map<String, Long> typedErrors, Map<String, String> examples,
            long untyped, List<Sample> samples, List<String> failures) {
    }

    /** One sample: seconds since the start, heap used after GC (bytes), live threads, open fds. */
    public record Sample(long second, long requests, long heapAfterGc, int threads, long fds) {
    }

    private static final String[] OIDS = {".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.1.5.0"};
    private static final double TIMEOUT_SECONDS = 0.5;
    private static final int RETRIES = 2;

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        long minutes = args.length > 0 ? Long.parseLong(args[0]) : 30;
        int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Report r = run(Duration.ofMinutes(minutes), endpoints, Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofMinutes(Math.min(5, Math.max(1, minutes - 1))), System.out::println);
        System.out.println(r.failures().isEmpty() ? "soak: passed" : "soak: FAILED " + r.failures());
        System.exit(r.failures().isEmpty() ? 0 : 1);
    }

    /**
     * Runs the soak; {@code log} gets one line per sample. Samples are taken every
     * {@code sampleEvery}, just before an agent restart when both fall together; the first
     * sample at or after {@code warmUp} is the baseline of the flatness check.
     */
    public static Report run(Duration length, int endpoints, Duration restartEvery, Duration sampleEvery,
            Duration warmUp, java.util.function.Consumer<String> log) throws Exception {
        byte[] engineId = io.varbind.agent.UsmAgentProcessor.randomEngineId();
        int boots = 1;
        int base = 0;
        SnmpAgent agent = null;
        for (int attempt = 0; agent == null; attempt++) {
            // below Linux's ephemeral range (32768-60999), so that no other socket takes a port
            // while the agent restarts
            base = 20000 + ThreadLocalRandom.current().nextInt(12000 - endpoints);
            try {
                agent = startAgent(base, endpoints, engineId, boots);
            } catch (AgentException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
        int[] agentPorts = new int[endpoints];
        for (int i = 0; i < endpoints; i++) {
            agentPorts[i] = base + i;
        }
        long requests = 0;
        long ok = 0;
        long untyped = 0;
        Map<String, Long> typed = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        List<Sample> samples = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long deadlineMillis = (long) (TIMEOUT_SECONDS * 1000 * (RETRIES + 1)) * 4 + 10_000;
        try (ChaosRelay relay = new ChaosRelay(agentPorts, 0.05, 0.02, 0.02, TimeUnit.MILLISECONDS.toNanos(1500));
                SnmpEngine engine = SnmpEngine.builder().threads(2).name("soak").build()) {
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < endpoints; i++) {
                Session.Builder b = Session.builder().engine(engine).hostname("127.0.0.1").remotePort(relay.port(i))
                        .timeout(TIMEOUT_SECONDS).retries(RETRIES).useNumeric(true);
                if (i % 2 == 0) {
                    b.version(2).community("public");
                } else {
                    b.version(3).securityLevel("authPriv").securityUsername("soak").authProtocol("SHA")
                            .authPassword("soak-auth-pass").privacyProtocol("AES").privacyPassword("soak-priv-pass");
                }
                sessions.add(b.build());
            }
            long start = System.nanoTime();
            long end = start + length.toNanos();
            long nextRestart = start + restartEvery.toNanos();
            long nextSample = start + sampleEvery.toNanos();
            int round = 0;
            while (System.nanoTime() - end < 0) {
                List<CompletableFuture<?>> futures = new ArrayList<>(endpoints);
                for (int i = 0; i < endpoints; i++) {
                    Session s = sessions.get(i);
                    futures.add((i + round) % 5 == 0 ? s.getNextAsync(OIDS[0]) : s.getAsync(List.of(OIDS)));
                }
                for (CompletableFuture<?> f : futures) {
                    requests++;
                    try {
                        Object v = f.get(deadlineMillis, TimeUnit.MILLISECONDS);
                        if (v instanceof List<?> l ? l.size() == OIDS.length : v instanceof SnmpVariable) {
                            ok++;
                        } else {
                            untyped++;
                            failures.add("an answer of the wrong shape: " + v);
                        }
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof SnmpException se) {
                            String kind = kind(se);
                            typed.merge(kind, 1L, Long::sum);
                            examples.putIfAbsent(kind, se.getMessage());
                        } else {
                            untyped++;
                            if (failures.size() < 20) {
                                failures.add("an untyped error: " + e.getCause());
                            }
                        }
                    } catch (TimeoutException e) {
                        untyped++;
                        if (failures.size() < 20) {
                            failures.add("a request still open after " + deadlineMillis + " ms");
                        }
                    }
                }
                round++;
                long now = System.nanoTime();
                if (now - nextSample >= 0) {
                    Sample s = sample((now - start) / 1_000_000_000L, requests);
                    samples.add(s);
                    SnmpEngine.Statistics st = engine.statistics();
                    log.accept(String.format("soak: %4d s  requests %,d  ok %,d  typed %s  untyped %d  heap %.1f MiB"
                            + "  threads %d  fds %d  relay dropped/dup/late %d/%d/%d  engine unmatched %d timeouts %d",
                            s.second(), requests, ok, typed, untyped, s.heapAfterGc() / 1048576.0, s.threads(), s.fds(),
                            relay.dropped.sum(), relay.duplicated.sum(), relay.delayed.sum(), st.unmatchedResponses(),
                            st.timeouts()));
                    nextSample += sampleEvery.toNanos();
                }
                if (now - nextRestart >= 0 && now - end < 0) {
                    agent.close();
                    boots++;
                    agent = restart(base, endpoints, engineId, boots);
                    nextRestart += restartEvery.toNanos();
                }
            }
            for (Session s : sessions) {
                s.close();
            }
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
        flat(samples, warmUp, failures);
        if (untyped > 0) {
            failures.add(0, untyped + " requests ended without values or a typed error");
        }
        if (ok < requests / 2) {
            failures.add("only " + ok + " of " + requests + " requests answered");
        }
        log.accept("soak: one message of each typed error: " + examples);
        return new Report(requests, ok, typed, examples, untyped, samples, failures);
    }

    /** The error's class, with the USM counter of a report that ended it ({@code usmStatsNotInTimeWindows}). */
    static String kind(SnmpException e) {
        String m = e.getMessage();
        String name = e.getClass().getSimpleName();
        return m != null && m.startsWith("usmStats") ? name + "(" + m.substring(0, m.indexOf(':') < 0 ? m.length()
                : m.indexOf(':')) + ")" : name;
    }

    private static SnmpAgent startAgent(int base, int n, byte[] engineId, int boots) {
        return SnmpAgent.builder().listen("udp:127.0.0.1:" + base + "-" + (base + n - 1))
                .community("public").demoData().threads(2)
                .engineId(java.util.HexFormat.of().formatHex(engineId)).engineBoots(boots)
                .user("soak", "SHA", "soak-auth-pass", "AES", "soak-priv-pass").build();
    }

    /** The ports were just released: binding them again may need a moment. */
    private static SnmpAgent restart(int base, int n, byte[] engineId, int boots) throws InterruptedException {
        for (int attempt = 0;; attempt++) {
            try {
                return startAgent(base, n, engineId, boots);
            } catch (AgentException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void flat(List<Sample> samples, Duration warmUp, List<String> failures) {
        Sample first = samples.stream().filter(s -> s.second() >= warmUp.toSeconds()).findFirst().orElse(null);
        if (first == null || first == samples.get(samples.size() - 1)) {
            failures.add("too few samples after the warm-up to judge flatness: " + samples);
            return;
        }
        Sample last = samples.get(samples.size() - 1);
        // 5%, with a floor for small counts (a thread or a descriptor more is not a trend)
        if (last.heapAfterGc() > first.heapAfterGc() * 1.05 + 1048576) {
            failures.add("heap after GC grew from " + first.heapAfterGc() + " to " + last.heapAfterGc());
        }
        if (last.threads() > first.threads() * 1.05 + 1) {
            failures.add("threads grew from " + first.threads() + " to " + last.threads());
        }
        if (last.fds() > first.fds() * 1.05 + 2) {
            failures.add("file descriptors grew from " + first.fds() + " to " + last.fds());
        }
    }

    private static Sample sample(long second, long requests) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        String[] fds = new File("/proc/self/fd").list();
        return new Sample(second, requests, heap, threads, fds == null ? -1 : fds.length);
    }

}
