package io.varbind.benchmarks;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.engine.UsmMessageProcessing;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.PrivProtocol;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TreeEvent;
import org.snmp4j.util.TreeUtils;

/**
 * The network benchmarks of issue 4, Varbind beside SNMP4J and a plain {@code DatagramChannel}
 * ping-pong in one run, rounds interleaved so that all three see the same machine state:
 * <ul>
 * <li>(a) sequential v2c GETs against {@link CannedResponder};
 * <li>(b) GETs with 64 in flight against the same responder;
 * <li>(c) a GETBULK walk (max-repetitions 50) of the whole tree of a real snmpd started here;
 * <li>(d) sequential v3 authPriv (SHA, AES-128) GETs of the same snmpd;
 * <li>(e) the walk of (c) as the v3 user of (d) (every answer verified and decrypted).
 * </ul>
 * Reported per client: the median over rounds of requests (or varbinds) per second, and of client
 * CPU time per request (or per varbind): the process's CPU time minus the responder thread's and
 * minus the JIT compiler threads' (read from /proc on Linux: compiling is a warm-up cost, and
 * what is left of it after the warm-up lands on whichever client happens to run).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.varbind.benchmarks.NetworkBench [rounds] [seconds]</pre>
 */
public final class NetworkBench {
    private static final byte[] COMMUNITY = "public".getBytes(StandardCharsets.US_ASCII);
    private static final long TIMEOUT_MS = 2000;

    private NetworkBench() {
    }

    /** One client: keeps {@code window} requests in flight for {@code nanos}, returns completions. */
    interface Client extends AutoCloseable {
        String name();

        long run(int window, long nanos) throws Exception;

        @Override
        void close() throws Exception;
    }

    /** What one measurement saw. */
    record Sample(double perSecond, double cpuNanosPerOp, double threadCpuNanosPerOp) {
    }

    /** The authPriv (SHA, AES-128) user of scenario (d), created in the benchmark's snmpd. */
    static final String V3_USER = "benchuser";
    static final String V3_AUTH = "benchauthpass";
    static final String V3_PRIV = "benchprivpass";
    static final String SYS_DESCR = ".1.3.6.1.2.1.1.1.0";

    /** Varbind's engine alone ({@code SnmpEngine.request}, decoded PDUs): what {@link SessionClient} runs on. */
    static final class VarbindClient implements Client {
        final SnmpEngine engine = SnmpEngine.builder().threads(1).build();
        final io.varbind.engine.Target target;
        final Pdu pdu = Pdu.request(BerTags.GET, List.of(CannedResponder.SYS_DESCR));

        VarbindClient(InetSocketAddress agent) {
            target = io.varbind.engine.Target.community(agent, 1, COMMUNITY, TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS), 1);
        }

        /** A v3 authPriv (SHA, AES-128) client of {@link #V3_USER}. */
        VarbindClient(InetSocketAddress agent, boolean v3) {
            target = new io.varbind.engine.Target(agent, "udp", 3, null, TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS), 1, 0,
                    new UsmMessageProcessing(V3_USER, 3, AuthProtocol.SHA1, V3_AUTH, PrivProtocol.AES128, V3_PRIV,
                            new byte[0], 0, 0, new byte[0], ""));
        }

        @Override
        public String name() {
            return "varbind";
        }

        @Override
        public long run(int window, long nanos) throws Exception {
            return keepInFlight(window, nanos, () -> engine.request(target, pdu).get(),
                    () -> engine.request(target, pdu));
        }

        long walk(Oid root, int maxRepetitions) throws Exception {
            List<VarBind> all = engine.walk(target, root, true, 0, maxRepetitions).get();
            return all.size();
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /**
     * The public API: {@link Session} (numeric OIDs, {@code useNumeric}) on an engine of its own
     * configured as {@link VarbindClient}'s, so the two differ by the Session layer alone.
     */
    static final class SessionClient implements Client {
        final SnmpEngine engine = SnmpEngine.builder().threads(1).build();
        final Session session;

        SessionClient(InetSocketAddress agent, boolean v3) {
            Session.Builder b = Session.builder().hostname("udp:" + agent.getAddress().getHostAddress() + ":"
                    + agent.getPort()).useNumeric(true).timeout(TIMEOUT_MS / 1000.0).retries(1).engine(engine);
            if (v3) {
                b.version(3).securityLevel("authPriv").securityUsername(V3_USER).authProtocol("SHA")
                        .authPassword(V3_AUTH).privacyProtocol("AES").privacyPassword(V3_PRIV);
            } else {
                b.version(2).community("public");
            }
            session = b.build();
        }

        @Override
        public String name() {
            return "session";
        }

        @Override
        public long run(int window, long nanos) throws Exception {
            return keepInFlight(window, nanos, () -> {
                if (session.get(SYS_DESCR).value() == null) {
                    check(1);
                }
            }, () -> session.getAsync(SYS_DESCR));
        }

        long walk(int maxRepetitions) {
            return session.bulkwalk(".1", 0, maxRepetitions).size();
        }

        /** The same walk with every variable's name, index and value read (they are made on first use). */
        long walkRead(int maxRepetitions) {
            List<io.varbind.SnmpVariable> all = session.bulkwalk(".1", 0, maxRepetitions);
            long chars = 0;
            for (io.varbind.SnmpVariable v : all) {
                chars += v.oid().length() + v.oidIndex().length() + v.value().length();
            }
            return chars > 0 ? all.size() : 0;
        }

        @Override
        public void close() {
            session.close();
            engine.close();
        }
    }

    interface Blocking {
        void call() throws Exception;
    }

    /**
     * Runs for {@code nanos}: one blocking call after another when {@code window} is 1, else
     * {@code window} chains, each sending its next request from the previous one's completion (on
     * the event loop, as an asynchronous poller does); returns the completed requests.
     */
    static long keepInFlight(int window, long nanos, Blocking blocking,
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>> async) throws Exception {
        long end = System.nanoTime() + nanos;
        if (window == 1) {
            long n = 0;
            while (System.nanoTime() < end) {
                blocking.call();
                n++;
            }
            return n;
        }
        CountDownLatch chains = new CountDownLatch(window);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < window; i++) {
            chain(async, end, chains, done, failed);
        }
        chains.await();
        check(failed.get());
        return done.get();
    }

    private static void chain(java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>> async, long end,
            CountDownLatch chains, AtomicLong done, AtomicLong failed) {
        async.get().whenComplete((r, e) -> {
            (e == null ? done : failed).incrementAndGet();
            if (e == null && System.nanoTime() < end) {
                chain(async, end, chains, done, failed);
            } else {
                chains.countDown();
            }
        });
    }

    static final class Snmp4jClient implements Client {
        final Snmp snmp;
        final Target<UdpAddress> target;
        final boolean v3;

        Snmp4jClient(InetSocketAddress agent) throws IOException {
            this(agent, false);
        }

        Snmp4jClient(InetSocketAddress agent, boolean v3) throws IOException {
            this.v3 = v3;
            UdpAddress address = new UdpAddress(agent.getAddress(), agent.getPort());
            if (v3) {
                // a dispatcher of its own with MPv3 over a USM of its own (SHA-1 is outside SNMP4J's default set)
                SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
                USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
                org.snmp4j.MessageDispatcherImpl dispatcher = new org.snmp4j.MessageDispatcherImpl();
                dispatcher.addMessageProcessingModel(new MPv3(usm));
                snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
                usm.addUser(new OctetString(V3_USER), new UsmUser(new OctetString(V3_USER), AuthSHA.ID,
                        new OctetString(V3_AUTH), PrivAES128.ID, new OctetString(V3_PRIV)));
                UserTarget<UdpAddress> t = new UserTarget<>();
                t.setAddress(address);
                t.setSecurityName(new OctetString(V3_USER));
                t.setSecurityLevel(SecurityLevel.AUTH_PRIV);
                t.setVersion(SnmpConstants.version3);
                target = t;
            } else {
                snmp = new Snmp(new DefaultUdpTransportMapping());
                CommunityTarget<UdpAddress> t = new CommunityTarget<>(address, new OctetString("public"));
                t.setVersion(SnmpConstants.version2c);
                target = t;
            }
            target.setTimeout(TIMEOUT_MS);
            target.setRetries(1);
            snmp.listen();
        }

        PDU get() {
            PDU p = v3 ? new ScopedPDU() : new PDU();
            p.setType(PDU.GET);
            p.add(new VariableBinding(new OID(CannedResponder.SYS_DESCR.toArray())));
            return p;
        }

        @Override
        public String name() {
            return "snmp4j";
        }

        @Override
        public long run(int window, long nanos) throws Exception {
            long end = System.nanoTime() + nanos;
            if (window == 1) {
                long n = 0;
                while (System.nanoTime() < end) {
                    ResponseEvent<UdpAddress> e = snmp.send(get(), target);
                    if (e.getResponse() == null) {
                        check(1);
                    }
                    n++;
                }
                return n;
            }
            CountDownLatch chains = new CountDownLatch(window);
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ResponseListener listener = new ResponseListener() {
                @Override
                public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
                    ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                    boolean ok = event.getResponse() != null;
                    (ok ? done : failed).incrementAndGet();
                    if (ok && System.nanoTime() < end) {
                        try {
                            snmp.send(get(), target, null, this);
                            return;
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    chains.countDown();
                }
            };
            for (int i = 0; i < window; i++) {
                snmp.send(get(), target, null, listener);
            }
            chains.await();
            check(failed.get());
            return done.get();
        }

        long walk(Oid root, int maxRepetitions) {
            return walk(root, maxRepetitions, false);
        }

        /** {@code read}: every binding's OID and variable turned into their strings too. */
        long walk(Oid root, int maxRepetitions, boolean read) {
            TreeUtils tree = new TreeUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
            tree.setMaxRepetitions(maxRepetitions);
            long n = 0;
            long chars = 0;
            for (TreeEvent e : tree.getSubtree(target, new OID(root.toArray()))) {
                if (e.isError()) {
                    throw new IllegalStateException("SNMP4J walk failed: " + e.getErrorMessage());
                }
                VariableBinding[] vbs = e.getVariableBindings();
                n += vbs == null ? 0 : vbs.length;
                if (read && vbs != null) {
                    for (VariableBinding vb : vbs) {
                        chars += vb.getOid().toString().length() + vb.getVariable().toString().length();
                    }
                }
            }
            return read && chars == 0 ? 0 : n;
        }

        @Override
        public void close() throws IOException {
            snmp.close();
        }
    }

    /** The JVM's ceiling: pre-encoded requests on a connected blocking DatagramChannel, nothing decoded. */
    static final class PingPongClient implements Client {
        final DatagramChannel channel;
        final ByteBuffer request;
        final ByteBuffer reply = ByteBuffer.allocateDirect(2048);
        final Thread watchdog;
        volatile long received;
        volatile long lost;

        PingPongClient(InetSocketAddress agent) throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.connect(agent);
            Pdu pdu = new Pdu(BerTags.GET, 0x1234567, 0, 0, List.of(new VarBind(CannedResponder.SYS_DESCR,
                    io.varbind.codec.Variable.nullValue())));
            request = ByteBuffer.wrap(SnmpMessageEncoder.encode(new CommunityMessage(1, COMMUNITY, pdu)));
            // a lost datagram would block read() for ever and shrink the window: if nothing arrives
            // for the timeout while a run is on, the watchdog sends one more request and counts a loss
            watchdog = new Thread(() -> {
                ByteBuffer again = request.duplicate();
                long seen = -1;
                while (channel.isOpen()) {
                    try {
                        Thread.sleep(TIMEOUT_MS);
                        if (running && received == seen) {
                            again.rewind();
                            channel.write(again);
                            lost++;
                            System.err.println("pingpong: no reply for " + TIMEOUT_MS + " ms, one more request sent");
                        }
                    } catch (InterruptedException | IOException e) {
                        return;
                    }
                    seen = received;
                }
            }, "pingpong-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        @Override
        public String name() {
            return "pingpong";
        }

        private void send() throws IOException {
            request.rewind();
            channel.write(request);
        }

        volatile boolean running;

        private void receive() throws IOException {
            reply.clear();
            channel.read(reply);
            received++;
        }

        @Override
        public long run(int window, long nanos) throws Exception {
            long end = System.nanoTime() + nanos;
            long n = 0;
            running = true;
            for (int i = 0; i < window; i++) {
                send();
            }
            while (System.nanoTime() < end) {
                receive();
                n++;
                send();
            }
            for (int i = 0; i < window; i++) {
                receive();
                n++;
            }
            running = false;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
            watchdog.interrupt();
        }
    }

    private static void check(long failed) {
        if (failed > 0) {
            throw new IllegalStateException(failed + " requests failed: the figures would be wrong");
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() - jitCpu();
    }

    /** CPU time of the JIT compiler threads (clock ticks of 10 ms in /proc), 0 where /proc is absent. */
    /**
     * Bytes allocated so far by the JVM's live threads (HotSpot's per-thread TLAB accounting):
     * unlike CPU time it does not move with the machine's load, so a change's effect on the
     * allocation per operation shows even on a busy machine. Threads that ended are not counted.
     */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        long sum = 0;
        for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    static long jitCpu() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return 0;
        }
        long ticks = 0;
        for (java.io.File t : tasks) {
            try {
                String comm = Files.readString(t.toPath().resolve("comm")).trim();
                if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) {
                    continue;
                }
                String stat = Files.readString(t.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException gone) {
                // a compiler thread that ended between the listing and the read
            }
        }
        return ticks * 10_000_000L;
    }

    interface Op {
        long run() throws Exception;
    }

    /**
     * Runs {@code op}, returning operations per second and CPU nanoseconds per operation, twice
     * over: the process's (minus the responder's and the JIT's, so GC counts) and the client's
     * own threads' from {@link java.lang.management.ThreadMXBean} (every Java thread but the
     * responder's; the clients not running are idle, and JIT and GC threads are not Java threads).
     */
    private static Sample measure(Op op, CannedResponder responder) throws Exception {
        long respCpu = responder == null ? 0 : responder.cpuNanos();
        long cpu = processCpu();
        long threads = threadCpu(responder);
        long t0 = System.nanoTime();
        long n = op.run();
        long wall = System.nanoTime() - t0;
        long usedThreads = threadCpu(responder) - threads;
        long usedCpu = processCpu() - cpu - (responder == null ? 0 : responder.cpuNanos() - respCpu);
        return new Sample(n * 1e9 / wall, (double) usedCpu / n, (double) usedThreads / n);
    }

    private static long threadCpu(CannedResponder responder) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long skip = responder == null ? -1 : responder.threadId();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = id == skip ? 0 : mx.getThreadCpuTime(id);
            sum += Math.max(0, t);
        }
        return sum;
    }

    interface Warm {
        void run() throws Exception;
    }

    /**
     * Repeats {@code round} until the JIT compilers spent under 50 ms in one (at most 15 rounds),
     * so that measurements are not charged with compiling either library: the compiler threads'
     * CPU counts as the process's, and on two cores it can be a third of it for tens of seconds.
     */
    private static void warmUp(Warm round) throws Exception {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int i = 0; i < 15; i++) {
            long before = jit.getTotalCompilationTime();
            round.run();
            long spent = jit.getTotalCompilationTime() - before;
            if (spent < 50) {
                System.out.printf(Locale.ROOT, "warm-up: %d round(s), the last with %d ms of JIT%n", i + 1, spent);
                return;
            }
        }
        System.out.println("warm-up: the JIT was still compiling after 15 rounds");
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        String only = args.length > 2 ? args[2] : "abc";
        long nanos = (long) (seconds * 1e9);
        Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "java %s, %d cores, %d rounds of %.1f s per client and scenario%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, seconds);
        // -Dvarbind.bench.responder=HOST:PORT: (a) and (b) against a responder of another process (the C
        // responder of ../shared/perf, as network.sh runs it with CEILING=), so that (b) and the C
        // blaster's ceiling are measured against the same responder; else the canned one in this JVM
        String external = System.getProperty("varbind.bench.responder", "");
        try (CannedResponder responder = external.isEmpty() ? new CannedResponder() : null) {
            InetSocketAddress agent = responder != null ? responder.address() : new InetSocketAddress(
                    external.substring(0, external.lastIndexOf(':')),
                    Integer.parseInt(external.substring(external.lastIndexOf(':') + 1)));
            System.out.println("(a) and (b) against " + (responder != null ? "the canned responder in this JVM"
                    : "the responder at " + external));
            List<Client> clients = List.of(new VarbindClient(agent), new SessionClient(agent, false),
                    new Snmp4jClient(agent), new PingPongClient(agent));
            try {
                if (only.contains("a") || only.contains("b")) {
                    warmUp(() -> { // JIT both paths of every client, until the compiler is done
                        for (Client c : clients) {
                            c.run(1, nanos / 2);
                            c.run(64, nanos / 2);
                        }
                    });
                }
                for (int r = 0; r < rounds; r++) {
                    for (String scenario : List.of("a", "b")) {
                        if (only.indexOf(scenario.charAt(0)) < 0) {
                            continue;
                        }
                        int window = scenario.equals("a") ? 1 : 64;
                        for (Client c : clients) {
                            Sample s = measure(() -> c.run(window, nanos), responder);
                            results.computeIfAbsent(scenario, k -> new LinkedHashMap<>())
                                    .computeIfAbsent(c.name(), k -> new ArrayList<>()).add(s);
                        }
                    }
                }
            } finally {
                for (Client c : clients) {
                    c.close();
                }
            }
        }
        if (only.contains("c") || only.contains("d") || only.contains("e")) {
            snmpdBench(rounds, nanos, only, results);
        }
        report(results);
    }

    /**
     * Against a real snmpd: (c) whole-tree GETBULK walks, as many as fit in the time, per client;
     * (d) sequential v3 authPriv (SHA, AES-128) GETs of sysDescr.0; (e) the walks of (c) as (d)'s user.
     */
    private static void snmpdBench(int rounds, long nanos, String only, Map<String, Map<String, List<Sample>>> results)
            throws Exception {
        try (Snmpd snmpd = Snmpd.start()) {
            InetSocketAddress agent = snmpd.address();
            if (only.contains("c")) {
                walkBench(agent, rounds, nanos, results, false);
            }
            if (only.contains("e")) {
                walkBench(agent, rounds, nanos, results, true);
            }
            if (only.contains("d")) {
                List<Client> clients = List.of(new VarbindClient(agent, true), new SessionClient(agent, true),
                        new Snmp4jClient(agent, true));
                try {
                    warmUp(() -> {
                        for (Client c : clients) {
                            c.run(1, nanos / 2);
                        }
                    });
                    for (int r = 0; r < rounds; r++) {
                        for (Client c : clients) {
                            results.computeIfAbsent("d", k -> new LinkedHashMap<>())
                                    .computeIfAbsent(c.name(), k -> new ArrayList<>()).add(measure(() -> c.run(1, nanos), null));
                        }
                    }
                } finally {
                    for (Client c : clients) {
                        c.close();
                    }
                }
            }
        }
    }

    /** (c), or (e) with {@code v3}: the same walks as the authPriv (SHA, AES-128) user of (d). */
    private static void walkBench(InetSocketAddress agent, int rounds, long nanos,
            Map<String, Map<String, List<Sample>>> results, boolean v3) throws Exception {
        String key = v3 ? "e" : "c";
        VarbindClient v = v3 ? new VarbindClient(agent, true) : new VarbindClient(agent);
        SessionClient w = new SessionClient(agent, v3);
        Snmp4jClient s = new Snmp4jClient(agent, v3);
        try {
            Oid root = Oid.parse("1");
            Map<String, Op> walks = new LinkedHashMap<>();
            walks.put("varbind", () -> v.walk(root, 50));
            walks.put("session", () -> w.walk(50));
            walks.put("snmp4j", () -> s.walk(root, 50));
            // the same walks with every value read: Session's strings are made on first use, so
            // "as returned" alone would hide their cost (SNMP4J: the OID's and variable's toString())
            walks.put("session+read", () -> w.walkRead(50));
            walks.put("snmp4j+read", () -> s.walk(root, 50, true));
            // -Dvarbind.bench.clients=varbind,session: only these (for perf/strace of one client)
            String keep = System.getProperty("varbind.bench.clients", "");
            if (!keep.isEmpty()) {
                walks.keySet().removeIf(k -> !List.of(keep.split(",")).contains(k));
            }
            for (Map.Entry<String, Op> c : walks.entrySet()) {
                System.out.printf(Locale.ROOT, "(%s) snmpd's tree: %d varbinds by %s%n", key, c.getValue().run(), c.getKey());
            }
            warmUp(() -> {
                long end = System.nanoTime() + nanos;
                do {
                    for (Op op : walks.values()) {
                        op.run();
                    }
                } while (System.nanoTime() < end);
            });
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Op> c : walks.entrySet()) {
                    Op op = () -> {
                        long end = System.nanoTime() + nanos;
                        long n = 0;
                        do {
                            n += c.getValue().run();
                        } while (System.nanoTime() < end);
                        return n;
                    };
                    results.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(measure(op, null));
                }
            }
        } finally {
            v.close();
            w.close();
            s.close();
        }
    }

    private static void report(Map<String, Map<String, List<Sample>>> results) {
        Map<String, String> titles = Map.of("a", "(a) sequential GET (against the responder named above)",
                "b", "(b) GET, 64 in flight (against the responder named above)",
                "c", "(c) GETBULK walk (max-repetitions 50) of snmpd's whole tree",
                "d", "(d) sequential v3 authPriv (SHA, AES-128) GET, snmpd",
                "e", "(e) v3 authPriv (SHA, AES-128) GETBULK walk (max-repetitions 50) of snmpd's whole tree");
        for (Map.Entry<String, Map<String, List<Sample>>> sc : results.entrySet()) {
            boolean walk = sc.getKey().equals("c") || sc.getKey().equals("e");
            String unit = walk ? "varbinds/s" : "requests/s";
            String per = walk ? "CPU us/varbind" : "CPU us/request";
            System.out.printf(Locale.ROOT, "%n%s (medians)%n%-12s %14s %16s %18s%n", titles.get(sc.getKey()), "client",
                    unit, per, "threads CPU us");
            Map<String, double[]> med = new LinkedHashMap<>();
            for (Map.Entry<String, List<Sample>> c : sc.getValue().entrySet()) {
                double rate = median(c.getValue().stream().map(Sample::perSecond).toList());
                double cpu = median(c.getValue().stream().map(Sample::cpuNanosPerOp).toList());
                double threads = median(c.getValue().stream().map(Sample::threadCpuNanosPerOp).toList());
                med.put(c.getKey(), new double[] {rate, cpu, threads});
                System.out.printf(Locale.ROOT, "%-12s %14.0f %16.2f %18.2f%n", c.getKey(), rate, cpu / 1000,
                        threads / 1000);
            }
            double[] v = med.get("varbind");
            double[] s = med.get("snmp4j");
            if (v != null && s != null) {
                System.out.printf(Locale.ROOT, "varbind/snmp4j: %.2fx throughput, %.2fx less CPU per %s%n",
                        v[0] / s[0], s[1] / v[1], walk ? "varbind" : "request");
            }
            double[] api = med.get("session");
            if (api != null && v != null) {
                System.out.printf(Locale.ROOT, "session/engine: %.2fx throughput, %.2fx the CPU per %s (threads: %.2fx)%n",
                        api[0] / v[0], api[1] / v[1], walk ? "varbind" : "request", api[2] / v[2]);
            }
            if (api != null && s != null) {
                System.out.printf(Locale.ROOT, "session/snmp4j: %.2fx throughput, %.2fx less CPU per %s (threads: %.2fx)%n",
                        api[0] / s[0], s[1] / api[1], walk ? "varbind" : "request", s[2] / api[2]);
            }
            double[] sr = med.get("session+read");
            double[] nr = med.get("snmp4j+read");
            if (sr != null && nr != null) {
                System.out.printf(Locale.ROOT, "session+read/snmp4j+read: %.2fx throughput, %.2fx less CPU per varbind (threads: %.2fx)%n",
                        sr[0] / nr[0], nr[1] / sr[1], nr[2] / sr[2]);
            }
            if (sr != null && v != null) {
                System.out.printf(Locale.ROOT, "session+read/engine: %.2fx throughput, %.2fx the CPU per varbind (threads: %.2fx)%n",
                        sr[0] / v[0], sr[1] / v[1], sr[2] / v[2]);
            }
            double[] p = med.get("pingpong");
            if (v != null && p != null) {
                System.out.printf(Locale.ROOT, "varbind/pingpong: %.0f%% of the ceiling%n", 100 * v[0] / p[0]);
            }
        }
    }

    /** A throw-away snmpd on a free loopback port, as the integration tests start one. */
    static final class Snmpd implements AutoCloseable {
        final Process process;
        final Path dir;
        final int port;

        private Snmpd(Process process, Path dir, int port) {
            this.process = process;
            this.dir = dir;
            this.port = port;
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", port);
        }

        static Snmpd start() throws Exception {
            int port;
            try (java.net.DatagramSocket d = new java.net.DatagramSocket(0)) {
                port = d.getLocalPort();
            }
            Path dir = Files.createTempDirectory("varbind-bench-snmpd-");
            Path conf = dir.resolve("snmpd.conf");
            Files.writeString(conf, String.join("\n",
                    "agentAddress udp:127.0.0.1:" + port,
                    "rocommunity public 127.0.0.1",
                    "createUser " + V3_USER + " SHA " + V3_AUTH + " AES " + V3_PRIV,
                    "rouser " + V3_USER + " priv",
                    "sysDescr varbind benchmark agent",
                    "sysLocation loopback",
                    ""));
            ProcessBuilder pb = new ProcessBuilder(Arrays.asList("/usr/sbin/snmpd", "-f", "-C", "-c", conf.toString(),
                    "-p", dir.resolve("pid").toString(), "-Lf", dir.resolve("log").toString(), "-r", "-I", "-smux"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
            pb.environment().put("SNMP_PERSISTENT_DIR", Files.createDirectories(dir.resolve("persist")).toString());
            pb.environment().put("SNMPCONFPATH", dir.toString());
            Process p = pb.start();
            Snmpd s = new Snmpd(p, dir, port);
            VarbindClient probe = new VarbindClient(s.address());
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (true) {
                    try {
                        probe.engine.request(probe.target.withTimeout(200_000_000L, 0),
                                Pdu.request(BerTags.GET, List.of(CannedResponder.SYS_DESCR))).get();
                        return s;
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!p.isAlive() || System.nanoTime() > deadline) {
                            s.close();
                            throw new IllegalStateException("snmpd did not start: " + Files.readString(dir.resolve("log")));
                        }
                    }
                }
            } finally {
                probe.close();
            }
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
