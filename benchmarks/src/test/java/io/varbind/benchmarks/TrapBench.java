package io.varbind.benchmarks;

import io.varbind.agent.NotificationReceiver;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Traps received per second without loss, and receiver CPU per trap: Varbind's
 * NotificationReceiver, SNMP4J's Snmp command responder and Net-SNMP's snmptrapd, each fed the same
 * v2c trap of 7 varbinds by a C sender (trapblast, sendmmsg at a fixed rate) for a few seconds per
 * rate. Each receiver's callback touches every variable. CPU: the JVM's process CPU minus the JIT
 * compiler threads' (the Java receivers run one at a time, after a warm-up at a low rate); for
 * snmptrapd its /proc utime + stime. Loss: 1 - received / sent.
 *
 * <p>With {@code v3}, the trap is an SNMPv3 authPriv message (SHA, AES-128) of a user of the sending
 * engine, and each receiver is given that user as its documentation says (Varbind's
 * {@code user(..., senderEngineId)}, SNMP4J's {@code USM.addUser(name, engineId, user)},
 * snmptrapd's {@code createUser -e}).
 *
 * <p>Usage: {@code TrapBench TRAPBLAST [rates (comma-separated) [seconds [receivers [v2c|v3 [sender
 * threads]]]]]}, receivers among {@code varbind,snmp4j,snmptrapd}; see
 * {@code benchmarks/scripts/traps.sh}.
 */
public final class TrapBench {
    private TrapBench() {
    }

    /** A running receiver under test: how many traps it delivered, and its CPU so far (ns). */
    interface Receiver extends AutoCloseable {
        long received();

        long cpuNanos();

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TrapBench TRAPBLAST [rates [seconds [receivers]]]");
            System.exit(2);
        }
        String blaster = args[0];
        String[] rates = (args.length > 1 ? args[1] : "20000,50000,100000,200000").split(",");
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        String[] receivers = (args.length > 3 ? args[3] : "varbind,snmp4j,snmptrapd").split(",");
        boolean v3 = args.length > 4 && args[4].equals("v3");
        if (args.length > 4 && !v3 && !args[4].equals("v2c")) {
            throw new IllegalArgumentException("message kind v2c or v3, not " + args[4]);
        }
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Path hex = Files.createTempFile("trap", ".hex");
        Files.writeString(hex, HexFormat.of().formatHex(v3 ? v3Trap() : trap()));
        System.out.println(v3 ? "v3 authPriv (" + V3_AUTH + "/" + V3_PRIV + ") traps of 7 varbinds from engine " + V3_ENGINE
                : "v2c traps of 7 varbinds");
        System.out.printf("%-10s %9s %9s %9s %7s %12s %8s%n", "receiver", "offered/s", "sent", "received", "loss",
                "CPU us/trap", "B/trap");
        for (String name : receivers) {
            for (String rate : rates) {
                int port = freePort();
                try (Receiver r = start(name, port, v3)) {
                    blast(blaster, port, 20000, 2, hex, 1); // warm-up (the JIT), not measured
                    settle(r::received);
                    if (r.received() == 0) {
                        throw new IllegalStateException(name + " accepted none of the warm-up traps");
                    }
                    long c0 = r.cpuNanos();
                    long b0 = NetworkBench.allocatedBytes();
                    java.util.Map<String, Long> t0 = THREADS ? threadTicks() : null;
                    long n0 = r.received();
                    long sent = blast(blaster, port, Long.parseLong(rate), seconds, hex, threads);
                    settle(r::received);
                    long n = r.received() - n0;
                    double cpu = (r.cpuNanos() - c0) / 1000.0;
                    long bytes = NetworkBench.allocatedBytes() - b0; // the JVM's threads: not snmptrapd's
                    System.out.printf("%-10s %9s %9d %9d %6.2f%% %12.2f %8s%n", name, rate, sent, n,
                            100.0 * (sent - n) / Math.max(1, sent), n == 0 ? 0 : cpu / n,
                            name.equals("snmptrapd") || n == 0 ? "-" : Long.toString(bytes / n));
                    if (t0 != null && n > 0) {
                        printThreads(t0, threadTicks(), n);
                    }
                }
            }
        }
    }

    /** {@code -Dtrapbench.threads=true}: after each Java receiver's row, its CPU per trap by thread group. */
    private static final boolean THREADS = Boolean.getBoolean("trapbench.threads");

    /**
     * {@code -Dtrapbench.coalesceMicros=N}: Varbind's {@code coalesceReads} in microseconds (0: off);
     * unset, the receiver's default, which is what the figures show.
     */
    private static final long COALESCE_MICROS = Long.getLong("trapbench.coalesceMicros", -1);

    /** This JVM's threads' utime + stime (10 ms ticks), summed by name with digits dropped. */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        for (java.io.File t : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String stat = Files.readString(t.toPath().resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.merge(comm, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (IOException | RuntimeException gone) {
                // a thread that ended between the listing and the read
            }
        }
        return out;
    }

    private static void printThreads(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long n) {
        StringBuilder sb = new StringBuilder("  us/trap by thread:");
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                sb.append(String.format(" %s %.2f", k, d * 10_000.0 / n));
            }
        });
        System.out.println(sb);
    }

    /** A v2c trap of 7 varbinds: sysUpTime.0, snmpTrapOID.0 and five of an interface. */
    static byte[] trap() {
        List<VarBind> vbs = List.of(
                new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(123456)),
                new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"), Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.3"))),
                new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.1.7"), Variable.integer(7)),
                new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.2.7"), Variable.octetString("GigabitEthernet0/7")),
                new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.7.7"), Variable.integer(1)),
                new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.8.7"), Variable.integer(2)),
                new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.10.7"), Variable.counter32(4_000_000_000L)));
        return SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                new Pdu(BerTags.TRAP_V2, 1, 0, 0, vbs)));
    }

    /** The v3 sender: an authPriv user of engine {@link #V3_ENGINE}, as snmptrapd's {@code createUser -e}. */
    static final String V3_ENGINE = "80001f88047472617062656e6368"; // "trapbench"
    static final String V3_USER = "benchv3";
    static final String V3_AUTH = "SHA";
    static final String V3_PRIV = "AES";
    static final String V3_AUTH_PASS = "benchauthpass";
    static final String V3_PRIV_PASS = "benchprivpass";

    /**
     * The same trap as {@link #trap()}, as an SNMPv3 authPriv message of {@link #V3_USER} (SHA,
     * AES-128) from {@link #V3_ENGINE}, authoritative, boots 1 and time 1: every receiver
     * authenticates and decrypts each copy (USM keeps no replay cache for traps; one copy's time
     * stays inside the 150 s window for the life of a receiver here).
     */
    static byte[] v3Trap() {
        CommunityMessage m = (CommunityMessage) io.varbind.codec.SnmpMessageDecoder.decode(trap());
        byte[] eid = HexFormat.of().parseHex(V3_ENGINE);
        io.varbind.usm.UsmUser u = io.varbind.usm.UsmUser.localized(V3_USER, io.varbind.usm.AuthProtocol.parse(V3_AUTH),
                V3_AUTH_PASS, io.varbind.usm.PrivProtocol.parse(V3_PRIV), V3_PRIV_PASS, eid);
        byte[] out = new byte[65536];
        int n = io.varbind.usm.UsmSecurityModel.encode(out, 0, 4217, 65507, false, u,
                new io.varbind.usm.EngineState(eid, 1, 1), new io.varbind.codec.ScopedPdu(eid, new byte[0],
                        m.regularPdu()));
        u.destroy();
        return java.util.Arrays.copyOf(out, n);
    }

    private static Receiver start(String name, int port, boolean v3) throws Exception {
        switch (name) {
            case "varbind":
                return varbind(port, v3);
            case "snmp4j":
                return snmp4j(port, v3);
            case "snmptrapd":
                return snmptrapd(port, v3);
            default:
                throw new IllegalArgumentException("unknown receiver " + name);
        }
    }

    private static Receiver varbind(int port, boolean v3) {
        AtomicLong count = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        NotificationReceiver.Builder b = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port);
        if (v3) {
            b.user(V3_USER, V3_AUTH, V3_AUTH_PASS, V3_PRIV, V3_PRIV_PASS, V3_ENGINE);
        } else {
            b.community("public");
        }
        if (COALESCE_MICROS >= 0) {
            b.coalesceReads(java.time.Duration.ofNanos(COALESCE_MICROS * 1000));
        }
        NotificationReceiver r = b.threads(1).queueCapacity(100_000).onNotification(n -> {
                    long h = 0;
                    for (VarBind vb : n.varBinds()) { // every variable touched
                        h += vb.oid().size() + vb.value().tag() + vb.value().bytesLength();
                    }
                    sink.addAndGet(h);
                    count.incrementAndGet();
                }).build();
        return new Receiver() {
            public long received() {
                return count.get();
            }

            public long cpuNanos() {
                return jvmCpu();
            }

            public void close() {
                r.close();
            }
        };
    }

    private static Receiver snmp4j(int port, boolean v3) throws IOException {
        AtomicLong count = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        DefaultUdpTransportMapping t = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(),
                port));
        t.setReceiveBufferSize(4 << 20);
        Snmp snmp;
        if (v3) {
            // SNMP4J's own way to receive v3 traps: a USM holding the sender's user localized to its engine
            SecurityProtocols protocols = SecurityProtocols.getInstance().addDefaultProtocols();
            protocols.addAuthenticationProtocol(new AuthSHA()); // not among 3.8's defaults any more
            protocols.addPrivacyProtocol(new PrivAES128());
            USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
            MessageDispatcherImpl md = new MessageDispatcherImpl();
            md.addMessageProcessingModel(new MPv3(usm));
            snmp = new Snmp(md, t);
            usm.addUser(new OctetString(V3_USER), new OctetString(HexFormat.of().parseHex(V3_ENGINE)),
                    new UsmUser(new OctetString(V3_USER), AuthSHA.ID, new OctetString(V3_AUTH_PASS), PrivAES128.ID,
                            new OctetString(V3_PRIV_PASS)));
        } else {
            snmp = new Snmp(t);
        }
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> e) {
                long h = 0;
                for (VariableBinding vb : e.getPDU().getVariableBindings()) { // every variable touched
                    h += vb.getOid().size() + vb.getVariable().getSyntax() + vb.getVariable().getBERLength();
                }
                sink.addAndGet(h);
                count.incrementAndGet();
                e.setProcessed(true);
            }
        });
        snmp.listen();
        return new Receiver() {
            public long received() {
                return count.get();
            }

            public long cpuNanos() {
                return jvmCpu();
            }

            public void close() {
                try {
                    snmp.close();
                } catch (IOException ignored) {
                    // closing: nothing to do
                }
            }
        };
    }

    private static Receiver snmptrapd(int port, boolean v3) throws Exception {
        Path dir = Files.createTempDirectory("trapbench-snmptrapd");
        Path log = dir.resolve("traps.log");
        String access = v3 ? "createUser -e 0x" + V3_ENGINE + " " + V3_USER + " " + V3_AUTH + " " + V3_AUTH_PASS + " "
                + V3_PRIV + " " + V3_PRIV_PASS + "\nauthUser log " + V3_USER + " priv\n" : "authCommunity log public\n";
        Files.writeString(dir.resolve("snmptrapd.conf"), "snmpTrapdAddr udp:127.0.0.1:" + port + "\n"
                + access + "doNotRetainNotificationLogs yes\nformat2 T %v\\n\n");
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/snmptrapd", "-f", "-C", "-c",
                dir.resolve("snmptrapd.conf").toString(), "-Lf", log.toString(), "-On", "-n")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile());
        pb.environment().put("SNMP_PERSISTENT_DIR", dir.toString());
        pb.environment().put("SNMPCONFPATH", dir.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(log) || !Files.readString(log).contains("NET-SNMP version")) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                throw new IllegalStateException("snmptrapd did not start");
            }
            Thread.sleep(50);
        }
        return new Receiver() {
            public long received() {
                try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    return lines.filter(l -> l.startsWith("T ")).count();
                } catch (IOException e) {
                    return 0;
                }
            }

            public long cpuNanos() {
                try {
                    String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                } catch (IOException e) {
                    return 0;
                }
            }

            public void close() {
                p.destroy();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Runs the C sender; returns how many it sent. */
    private static long blast(String blaster, int port, long rate, double seconds, Path hex, int threads)
            throws Exception {
        Process p = new ProcessBuilder(blaster, "127.0.0.1", Integer.toString(port), Long.toString(rate),
                Double.toString(seconds), hex.toString(), Integer.toString(threads)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("trapblast failed: " + out);
        }
        return Long.parseLong(out);
    }

    /** Waits until the count stops moving for 300 ms (the receiver drained its backlog). */
    private static void settle(LongSupplier count) throws InterruptedException {
        long last = -1;
        long now = count.getAsLong();
        while (now != last) {
            Thread.sleep(300);
            last = now;
            now = count.getAsLong();
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() - NetworkBench.jitCpu();
    }
}
