package io.varbind.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ReceiveBenchmark}'s methods timed by the thread's own CPU time in interleaved rounds,
 * medians of the rounds after the first five: on a machine shared with other work, CPU time per
 * operation moves less than JMH's wall time. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar io.varbind.benchmarks.ReceiveCpu [workload [rounds]]}.
 */
public final class ReceiveCpu {
    private ReceiveCpu() {
    }

    public static void main(String[] args) {
        ReceiveBenchmark b = new ReceiveBenchmark();
        b.workload = args.length > 0 ? args[0] : "bulk50";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        b.setup();
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("session_octets", b::session_octets);
        ops.put("session_objects", b::session_objects);
        ops.put("engine_objects", b::engine_objects);
        ops.put("snmp4j_pdu", b::snmp4j_pdu);
        ops.put("session_octets_count", () -> b.session_octets().size()); // as returned, nothing read
        ops.put("session_octets_read", b::session_octets_read);
        ops.put("snmp4j_pdu_read", b::snmp4j_pdu_read);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        int n = 20_000;
        long sink = 0;
        for (int r = 0; r < rounds + 5; r++) {
            for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += op.getValue().get().hashCode() & 1;
                }
                long c1 = mx.getCurrentThreadCpuTime();
                if (r >= 5) {
                    cpu.computeIfAbsent(op.getKey(), k -> new ArrayList<>()).add((c1 - c0) / (double) n);
                }
            }
        }
        double snmp4j = median(cpu.get("snmp4j_pdu"));
        for (Map.Entry<String, List<Double>> e : cpu.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "%-20s %-7s %9.0f ns CPU/op  %.2fx SNMP4J's%n", e.getKey(), b.workload, m,
                    m / snmp4j);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double median(List<Double> l) {
        List<Double> s = new ArrayList<>(l);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
