package io.varbind.benchmarks;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.SnmpVariable;
import io.varbind.mib.MibTree;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Heap per open idle session and per request in flight, through the public API on one engine:
 * (1) {@code n} v2c sessions, each built and used for one GET against {@link CannedResponder}
 * (so its target is resolved, as a poller's sessions are), then idle; (2) {@code n} GETs in
 * flight to a socket that never answers. Heap is measured after repeated full GCs, before and
 * after, divided by {@code n}. Targets (issue 13): at most 1 KB per idle session and 512 B per
 * request in flight.
 *
 * <pre>benchmarks/scripts/memory.sh [n]</pre>
 */
public final class SessionMemory {
    private SessionMemory() {
    }

    static long usedHeap() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        MibTree tree = MibTree.defaultTree(); // shared by every session, loaded before the baseline
        try (CannedResponder responder = new CannedResponder();
                DatagramChannel silent = DatagramChannel.open()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SnmpEngine engine = SnmpEngine.builder().maxInFlight(n + 1).maxInFlightPerTarget(n + 1).build()) {
            InetSocketAddress agent = responder.address();
            Session probe = Session.builder().hostname("udp:127.0.0.1:" + agent.getPort()).version(2)
                    .useNumeric(true).engine(engine).mibs(tree).build();
            probe.get(NetworkBench.SYS_DESCR); // sockets and classes before the baseline
            List<Session> sessions = new ArrayList<>(n); // the lists before the baselines: not counted
            List<CompletableFuture<SnmpVariable>> pending = new ArrayList<>(n);
            long before = usedHeap();
            for (int i = 0; i < n; i++) {
                Session s = Session.builder().hostname("udp:127.0.0.1:" + agent.getPort()).version(2)
                        .useNumeric(true).timeout(5).engine(engine).mibs(tree).build();
                sessions.add(s);
            }
            List<CompletableFuture<SnmpVariable>> first = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                first.add(sessions.get(i).getAsync(NetworkBench.SYS_DESCR));
                if (first.size() >= 256) { // a window, not a flood the responder would drop
                    for (CompletableFuture<SnmpVariable> f : first) {
                        f.join();
                    }
                    first.clear();
                }
            }
            for (CompletableFuture<SnmpVariable> f : first) {
                f.join();
            }
            first.clear();
            long idle = usedHeap() - before;
            System.out.printf(Locale.ROOT, "%,d idle sessions (each used once): %,d bytes of heap, %.0f B per session"
                    + " (target <= 1024)%n", n, idle, (double) idle / n);

            Session quiet = Session.builder().hostname("udp:127.0.0.1:"
                    + ((InetSocketAddress) silent.getLocalAddress()).getPort()).version(2).useNumeric(true)
                    .timeout(600).retries(0).engine(engine).mibs(tree).build();
            long base = usedHeap();
            for (int i = 0; i < n; i++) {
                pending.add(quiet.getAsync(NetworkBench.SYS_DESCR));
            }
            long inFlight = usedHeap() - base;
            System.out.printf(Locale.ROOT, "%,d GETs in flight: %,d bytes of heap, %.0f B per request (target <= 512);"
                    + " engine says %d in flight%n", n, inFlight, (double) inFlight / n, engine.statistics().inFlight());
            sessions.forEach(Session::close);
            quiet.close();
            probe.close();
        }
    }
}
