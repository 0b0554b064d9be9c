package io.varbind.benchmarks;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.testing.TlsAgent;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 8's benchmark: SNMPv3 GETs over an established DTLS session (TSM) beside the same GETs
 * over UDP with USM authPriv (HMAC-SHA-256 + AES-128), against one snmpd that serves both, in
 * interleaved rounds; requests per second and client CPU per request (the process's CPU time:
 * the agent is another process), sequential and with 16 in flight; medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.varbind.benchmarks.DtlsBench [rounds] [seconds]</pre>
 * Needs snmpd, openssl and gcc (the agent fixture of the api tests).
 */
public final class DtlsBench {
    private DtlsBench() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Requests completed in {@code nanos} with {@code window} chains of GETs. */
    static long run(Session s, int window, long nanos) throws Exception {
        return NetworkBench.keepInFlight(window, nanos, () -> s.get("sysDescr.0"), () -> s.getAsync("sysDescr.0"));
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long nanos = (long) ((args.length > 1 ? Double.parseDouble(args[1]) : 2) * 1e9);
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        try (TlsAgent agent = TlsAgent.start(false); SnmpEngine engine = SnmpEngine.create();
                Session dtls = Session.builder().hostname("dtls:127.0.0.1:" + agent.dtlsPort()).version(3)
                        .ourIdentity(agent.cert("manager").toString()).theirIdentity(agent.fingerprint("agent"))
                        .timeout(5).retries(1).engine(engine).build();
                Session usm = Session.builder().hostname("udp:127.0.0.1:" + agent.udpPort()).version(3)
                        .securityLevel("auth_with_privacy").securityUsername(TlsAgent.USM_USER)
                        .authProtocol("SHA-256").authPassword(TlsAgent.USM_AUTH_PASSWORD).privacyProtocol("AES")
                        .privacyPassword(TlsAgent.USM_PRIV_PASSWORD).timeout(5).retries(1).engine(engine).build()) {
            Map<String, Session> clients = new LinkedHashMap<>();
            clients.put("dtls", dtls);
            clients.put("udp-usm", usm);
            for (Session s : clients.values()) { // warm-up, and the DTLS handshake happens here
                run(s, 1, nanos);
                run(s, 16, nanos);
            }
            for (int r = 0; r < rounds; r++) {
                for (int window : new int[] {1, 16}) {
                    for (Map.Entry<String, Session> c : clients.entrySet()) {
                        long cpu0 = cpu();
                        long t0 = System.nanoTime();
                        long n = run(c.getValue(), window, nanos);
                        long wall = System.nanoTime() - t0;
                        long used = cpu() - cpu0;
                        results.computeIfAbsent(c.getKey() + " window " + window, k -> new ArrayList<>())
                                .add(new double[] {n * 1e9 / wall, used / 1000.0 / n});
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %14s %16s%n", "client", "requests/s", "CPU us/request");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            System.out.printf(Locale.ROOT, "%-22s %14.0f %16.1f%n", e.getKey(),
                    median(e.getValue().stream().map(x -> x[0]).toList()),
                    median(e.getValue().stream().map(x -> x[1]).toList()));
        }
    }
}
