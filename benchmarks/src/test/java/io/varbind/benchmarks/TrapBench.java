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
import org.snmp4j.Snmp;
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
 * <p>Usage: {@code TrapBench TRAPBLAST [rates (comma-separated) [seconds [receivers]]]}, receivers
 * among {@code varbind,snmp4j,snmptrapd}; see {@code benchmarks/scripts/traps.sh}.
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
        Path hex = Files.createTempFile("trap", ".hex");
        Files.writeString(hex, HexFormat.of().formatHex(trap()));
        System.out.printf("%-10s %9s %9s %9s %7s %12s%n", "receiver", "offered/s", "sent", "received", "loss",
                "CPU us/trap");
        for (String name : receivers) {
            for (String rate : rates) {
                int port = freePort();
                try (Receiver r = start(name, port)) {
                    blast(blaster, port, 20000, 2, hex); // warm-up (the JIT), not measured
                    settle(r::received);
                    long c0 = r.cpuNanos();
                    long n0 = r.received();
                    long sent = blast(blaster, port, Long.parseLong(rate), seconds, hex);
                    settle(r::received);
                    long n = r.received() - n0;
                    double cpu = (r.cpuNanos() - c0) / 1000.0;
                    System.out.printf("%-10s %9s %9d %9d %6.2f%% %12.2f%n", name, rate, sent, n,
                            100.0 * (sent - n) / Math.max(1, sent), n == 0 ? 0 : cpu / n);
                }
            }
        }
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

    private static Receiver start(String name, int port) throws Exception {
        switch (name) {
            case "varbind":
                return varbind(port);
            case "snmp4j":
                return snmp4j(port);
            case "snmptrapd":
                return snmptrapd(port);
            default:
                throw new IllegalArgumentException("unknown receiver " + name);
        }
    }

    private static Receiver varbind(int port) {
        AtomicLong count = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port).community("public")
                .threads(1).queueCapacity(100_000).onNotification(n -> {
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

    private static Receiver snmp4j(int port) throws IOException {
        AtomicLong count = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        DefaultUdpTransportMapping t = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(),
                port));
        t.setReceiveBufferSize(4 << 20);
        Snmp snmp = new Snmp(t);
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

    private static Receiver snmptrapd(int port) throws Exception {
        Path dir = Files.createTempDirectory("trapbench-snmptrapd");
        Path log = dir.resolve("traps.log");
        Files.writeString(dir.resolve("snmptrapd.conf"), "snmpTrapdAddr udp:127.0.0.1:" + port + "\n"
                + "authCommunity log public\ndoNotRetainNotificationLogs yes\nformat2 T %v\\n\n");
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
    private static long blast(String blaster, int port, long rate, double seconds, Path hex) throws Exception {
        Process p = new ProcessBuilder(blaster, "127.0.0.1", Integer.toString(port), Long.toString(rate),
                Double.toString(seconds), hex.toString()).redirectErrorStream(true).start();
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
