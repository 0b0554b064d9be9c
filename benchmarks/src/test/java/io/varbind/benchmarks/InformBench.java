package io.varbind.benchmarks;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.SnmpVariable;
import io.varbind.agent.NotificationReceiver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Acknowledged v2c informs per second with W in flight, sender and receiver in one JVM: Varbind to
 * Varbind ({@code Session.informAsync} into a {@code NotificationReceiver}) against SNMP4J to
 * SNMP4J ({@code Snmp.send} of an INFORM into an {@code Snmp} responder that acknowledges it), the
 * same 5 varbinds. CPU: the process's minus the JIT compiler threads', per inform (both sides); bytes
 * allocated per inform by every live thread (both sides).
 *
 * <p>Usage: {@code InformBench [in-flight list [seconds [rounds [pairs]]]]}, default
 * {@code 1,64 3 3 varbind,snmp4j} (one pair alone, for a profile: {@code varbind});
 * see {@code benchmarks/scripts/informs.sh}.
 */
public final class InformBench {
    private InformBench() {
    }

    interface Pair extends AutoCloseable {
        /** Sends one inform; {@code done} runs when it is acknowledged (or failed: counted). */
        void send(Runnable done, AtomicLong failed);

        @Override
        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String[] windows = (args.length > 0 ? args[0] : "1,64").split(",");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> pairs = List.of((args.length > 3 ? args[3] : "varbind,snmp4j").split(","));
        System.out.printf("%-8s %6s %5s %12s %14s %10s %10s%n", "pair", "window", "round", "informs/s", "CPU us/inform",
                "B/inform", "cs/inform");
        for (int round = 1; round <= rounds; round++) {
            for (String w : windows) {
                for (String name : pairs) {
                    try (Pair p = name.equals("varbind") ? varbind() : snmp4j()) {
                        run(p, Integer.parseInt(w), 1.0); // warm-up
                        double[] r = run(p, Integer.parseInt(w), seconds);
                        System.out.printf("%-8s %6s %5d %12.0f %14.2f %10.0f %10.2f%n", name, w, round, r[0], r[1], r[2],
                                r[3]);
                    }
                }
            }
        }
    }

    /**
     * Keeps {@code window} informs in flight for {@code seconds}: informs/s, CPU us per inform and
     * bytes allocated per inform (every thread: sender, engine, receiver, callback) and context
     * switches per inform (every thread of the process, voluntary and not; -1 without /proc).
     */
    private static double[] run(Pair p, int window, double seconds) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long cpu0 = cpu();
        long bytes0 = NetworkBench.allocatedBytes();
        long cs0 = contextSwitches();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            slots.acquire();
            p.send(() -> {
                done.incrementAndGet();
                slots.release();
            }, failed);
        }
        slots.acquire(window); // the last ones in flight
        long t1 = System.nanoTime();
        long cpu = cpu() - cpu0;
        long bytes = NetworkBench.allocatedBytes() - bytes0;
        long cs = contextSwitches() - cs0;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " informs failed: the figures would be wrong");
        }
        long n = Math.max(1, done.get());
        return new double[] {done.get() / ((t1 - t0) / 1e9), cpu / 1000.0 / n, (double) bytes / n,
            cs0 < 0 ? -1 : (double) cs / n};
    }

    private static List<SnmpVariable> payload() {
        return List.of(SnmpVariable.of(".1.3.6.1.2.1.2.2.1.1.7", "7", "i"),
                SnmpVariable.of(".1.3.6.1.2.1.2.2.1.2.7", "GigabitEthernet0/7", "s"),
                SnmpVariable.of(".1.3.6.1.2.1.2.2.1.8.7", "2", "i"));
    }

    private static Pair varbind() throws IOException {
        int port = freePort();
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port).community("public")
                .threads(1).onNotification(n -> n.varBinds().size()).build();
        SnmpEngine engine = SnmpEngine.builder().threads(1).build();
        // the tree given once: a session without mibs(...) asks MibTree.defaultTree() per operation,
        // which checks every MIB folder for changes each time
        Session s = Session.builder().engine(engine).mibs(io.varbind.mib.MibTree.defaultTree())
                .hostname("127.0.0.1:" + port).version(2).timeout(1).retries(1).build();
        List<SnmpVariable> vars = payload();
        return new Pair() {
            public void send(Runnable done, AtomicLong failed) {
                s.informAsync(".1.3.6.1.6.3.1.1.5.3", vars).whenComplete((v, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                    done.run();
                });
            }

            public void close() {
                s.close();
                engine.close();
                r.close();
            }
        };
    }

    private static Pair snmp4j() throws IOException {
        int port = freePort();
        DefaultUdpTransportMapping rt = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(),
                port));
        Snmp receiver = new Snmp(rt);
        receiver.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> e) {
                PDU pdu = e.getPDU();
                pdu.getVariableBindings().size();
                if (pdu.getType() == PDU.INFORM) { // SNMP4J leaves the acknowledgement to the application
                    PDU response = new PDU(pdu);
                    response.setType(PDU.RESPONSE);
                    response.setErrorStatus(0);
                    response.setErrorIndex(0);
                    try {
                        e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                                e.getSecurityName(), e.getSecurityLevel(), response, e.getMaxSizeResponsePDU(),
                                e.getStateReference(), new StatusInformation());
                    } catch (Exception x) {
                        throw new IllegalStateException(x);
                    }
                }
                e.setProcessed(true);
            }
        });
        receiver.listen();
        Snmp sender = new Snmp(new DefaultUdpTransportMapping());
        sender.listen();
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress(InetAddress.getLoopbackAddress(),
                port), new OctetString("public"));
        target.setVersion(SnmpConstants.version2c);
        target.setTimeout(1000);
        target.setRetries(1);
        return new Pair() {
            public void send(Runnable done, AtomicLong failed) {
                PDU pdu = new PDU();
                pdu.setType(PDU.INFORM);
                pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(123456)));
                pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID("1.3.6.1.6.3.1.1.5.3")));
                pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.7"), new Integer32(7)));
                pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.2.7"), new OctetString("GigabitEthernet0/7")));
                pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8.7"), new Integer32(2)));
                try {
                    sender.send(pdu, target, null, new ResponseListener() {
                        @Override
                        public <A extends Address> void onResponse(ResponseEvent<A> event) {
                            ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                            if (event.getResponse() == null) {
                                failed.incrementAndGet();
                            }
                            done.run();
                        }
                    });
                } catch (IOException e) {
                    failed.incrementAndGet();
                    done.run();
                }
            }

            public void close() throws IOException {
                sender.close();
                receiver.close();
            }
        };
    }

    private static int freePort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Context switches so far of the process's live threads ({@code /proc/self/task/N/status}), -1
     * where /proc is absent: a hand-off between threads that finds its consumer asleep costs a
     * wake-up and a switch, the part of an inform's cost that batching removes.
     */
    static long contextSwitches() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return -1;
        }
        long n = 0;
        for (java.io.File t : tasks) {
            try {
                for (String line : java.nio.file.Files.readAllLines(t.toPath().resolve("status"))) {
                    if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                        n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // a thread that ended meanwhile
            }
        }
        return n;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() - NetworkBench.jitCpu();
    }
}
