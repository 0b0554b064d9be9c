package io.varbind.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Net-SNMP {@code snmpd} for integration tests: it writes its own configuration into a
 * temporary folder, listens on 127.0.0.1 (and [::1] when the host has it) at a free high port over
 * UDP and TCP, and is stopped by the PID it was started with.
 *
 * <p>What it serves: {@code public} (read-only) and {@code private} (read-write) communities,
 * {@code sysLocation.0} writable, context {@code ctx1} holding the system group, and a USM user for
 * every authentication x privacy combination Net-SNMP 5.9 supports (see {@link #USERS}).
 *
 * <p>When {@code snmpd} is not installed, {@link #start()} skips the calling test, except under
 * {@code CI=true}, where a missing agent is a failure.
 */
public final class SnmpdAgent implements Closeable {

    /** The engine id the agent is configured with: enterprise 8072, text format, "varbind". */
    public static final String ENGINE_ID_HEX = "80001f88047661726269" + "6e64";
    public static final String SYS_DESCR = "varbind test agent";
    public static final String SYS_CONTACT = "varbind tests <tests@example.invalid>";
    public static final String SYS_NAME = "varbind-test-agent";
    public static final String CONTEXT = "ctx1";

    /** A USM user of the agent. {@code auth}/{@code priv} are Net-SNMP's names, or null for none. */
    public record User(String name, String auth, String authPassword, String priv, String privPassword) {
        public String level() {
            return auth == null ? "noAuthNoPriv" : priv == null ? "authNoPriv" : "authPriv";
        }
    }

    private static final String[] AUTHS = {"MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"};
    private static final String[] PRIVS = {null, "DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C"};

    /** Every user: noauth, one per auth x priv combination (43 in all), then readonly and ctxuser. */
    public static final List<User> USERS = buildUsers();

    private static List<User> buildUsers() {
        List<User> users = new ArrayList<>();
        users.add(new User("noauth", null, null, null, null));
        for (String auth : AUTHS) {
            for (String priv : PRIVS) {
                String name = auth.toLowerCase().replace("-", "") + "_"
                        + (priv == null ? "none" : priv.toLowerCase().replace("-", ""));
                users.add(new User(name, auth, name + "_authpw", priv, priv == null ? null : name + "_privpw"));
            }
        }
        return List.copyOf(users);
    }

    /** The user with that name. */
    public static User user(String name) {
        return USERS.stream().filter(u -> u.name().equals(name)).findFirst()
                .or(() -> Stream.of(READONLY, CTXUSER).filter(u -> u.name().equals(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no such test user: " + name));
    }

    /** Read-only SHA/AES user: a SET gets noAccess. */
    public static final User READONLY = new User("readonly", "SHA", "readonly_authpw", "AES", "readonly_privpw");
    /** SHA-256/AES user allowed only in context {@value #CONTEXT}. */
    public static final User CTXUSER = new User("ctxuser", "SHA-256", "ctxuser_authpw", "AES", "ctxuser_privpw");

    private final Path runDir;
    private final Process process;
    private final int port;
    private final boolean ipv6;
    private final int engineBoots;
    private final String extraConfig;

    /** Every agent still running, stopped when the JVM exits should a test fail to close one. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "snmpd-reaper"));
    }

    private SnmpdAgent(Path runDir, Process process, int port, boolean ipv6, int engineBoots, String extraConfig) {
        this.extraConfig = extraConfig;
        RUNNING.add(process);
        this.runDir = runDir;
        this.process = process;
        this.port = port;
        this.ipv6 = ipv6;
        this.engineBoots = engineBoots;
    }

    /** True when an snmpd binary is installed. */
    public static boolean isInstalled() {
        return Files.isExecutable(snmpdBinary());
    }

    private static Path snmpdBinary() {
        String override = System.getenv("SNMPD");
        return Path.of(override != null && !override.isEmpty() ? override : "/usr/sbin/snmpd");
    }

    /** Skips the calling test when snmpd is missing, or fails it under {@code CI=true}. */
    public static void requireInstalled() {
        if (isInstalled()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("snmpd is not installed at " + snmpdBinary()
                    + " but CI=true: .ci/run must install it (apt-get install -y snmpd snmp)");
        }
        Assumptions.abort("snmpd is not installed; integration test skipped (install the snmpd package)");
    }

    /** Starts an agent with engine boots 1. */
    public static SnmpdAgent start() {
        return start(1);
    }

    /** Starts an agent that reports the given snmpEngineBoots. */
    public static SnmpdAgent start(int engineBoots) {
        return start(engineBoots, "");
    }

    /**
     * Starts an agent with more snmpd.conf lines after the usual ones (for example {@code extend}
     * commands, or {@code trap2sink} to fill the notification tables).
     */
    public static SnmpdAgent startWith(String extraConfig) {
        return start(1, extraConfig);
    }

    private static SnmpdAgent start(int engineBoots, String extraConfig) {
        requireInstalled();
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                SnmpdAgent agent = tryStart(freePort(), engineBoots, extraConfig);
                if (agent != null) {
                    return agent;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("snmpd did not start after 5 attempts", last);
    }

    /**
     * Stops this agent and starts a new one on the same port with the same engine id, reporting
     * the given engine boots (engine time starts again from 0): what a client sees when an agent
     * reboots.
     */
    public SnmpdAgent restart(int newEngineBoots) {
        close();
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                SnmpdAgent agent = tryStart(port, newEngineBoots, extraConfig);
                if (agent != null) {
                    return agent;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("snmpd did not restart on port " + port);
    }

    private static SnmpdAgent tryStart(int port, int engineBoots, String extraConfig) throws IOException {
        boolean ipv6 = hasIpv6Loopback();
        Path dir = Files.createTempDirectory("varbind-snmpd-");
        Path persist = Files.createDirectories(dir.resolve("persist"));
        Path conf = dir.resolve("snmpd.conf");
        Files.writeString(conf, config(port, ipv6, engineBoots) + extraConfig, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(snmpdBinary().toString(),
                "-f", // foreground, so the Process is snmpd itself and its PID is the one we stop
                "-C", // read only our -c file, never /etc/snmp or ~/.snmp
                "-c", conf.toString(),
                "-p", dir.resolve("snmpd.pid").toString(),
                "-Lf", dir.resolve("snmpd.log").toString(),
                "-r", "-I", "-smux"));
        String mibDirs = System.getenv("VARBIND_MIB_DIRS");
        if (mibDirs != null && !mibDirs.isEmpty() && Files.isDirectory(Path.of(mibDirs.split(":")[0]))) {
            cmd.add("-M");
            cmd.add(mibDirs);
        }
        Process p = launch(cmd, dir, persist, "snmpd.stdout");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String log = readQuietly(dir.resolve("snmpd.log"));
                deleteTree(dir);
                if (log.contains("Address already in use")) {
                    return null; // lost the race for the port: the caller picks another
                }
                throw new IllegalStateException("snmpd exited during start-up (code " + p.exitValue() + "):\n" + log);
            }
            if (answers(port)) {
                String log = readQuietly(dir.resolve("snmpd.log"));
                if (log.contains("Error:")) {
                    p.destroy();
                    throw new IllegalStateException("snmpd logged configuration errors:\n" + log);
                }
                return new SnmpdAgent(dir, p, port, ipv6, engineBoots, extraConfig);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("snmpd did not answer on port " + port + " within 30 s:\n"
                + readQuietly(dir.resolve("snmpd.log")));
    }

    private static String config(int port, boolean ipv6, int engineBoots) {
        StringBuilder c = new StringBuilder();
        c.append("# written by io.varbind.testing.SnmpdAgent\n");
        c.append("exactEngineID 0x").append(ENGINE_ID_HEX).append('\n');
        if (engineBoots > 1) {
            // snmpd reports engineBoots + 1 when oldEngineID equals its engine id
            c.append("oldEngineID 0x").append(ENGINE_ID_HEX).append('\n');
            c.append("engineBoots ").append(engineBoots - 1).append('\n');
        }
        c.append("agentaddress udp:127.0.0.1:").append(port).append(",tcp:127.0.0.1:").append(port);
        if (ipv6) {
            c.append(",udp6:[::1]:").append(port).append(",tcp6:[::1]:").append(port);
        }
        c.append('\n');
        c.append("dontLogTCPWrappersConnects yes\n");
        c.append("sysDescr ").append(SYS_DESCR).append('\n');
        c.append("sysContact ").append(SYS_CONTACT).append('\n');
        c.append("sysName ").append(SYS_NAME).append('\n');
        c.append("sysObjectID .1.3.6.1.4.1.8072.3.2.10\n");
        c.append("sysServices 72\n");
        c.append("rocommunity public 127.0.0.1\nrwcommunity private 127.0.0.1\n");
        c.append("rocommunity6 public ::1\nrwcommunity6 private ::1\n");
        c.append("rocommunity sysonly 127.0.0.1 .1.3.6.1.2.1.1\n");
        // context ctx1 exists only through a registration: a proxy back to this agent's system group
        c.append("proxy -Cn ").append(CONTEXT).append(" -v 2c -c sysonly 127.0.0.1:").append(port)
                .append(" .1.3.6.1.2.1.1\n");
        for (User u : USERS) {
            appendUser(c, u, "rwuser");
        }
        appendUser(c, READONLY, "rouser");
        c.append("createUser ").append(CTXUSER.name()).append(' ').append(CTXUSER.auth()).append(' ')
                .append(CTXUSER.authPassword()).append(' ').append(CTXUSER.priv()).append(' ')
                .append(CTXUSER.privPassword()).append('\n');
        c.append("rwuser ").append(CTXUSER.name()).append(" priv .1 ").append(CONTEXT).append('\n');
        return c.toString();
    }

    private static void appendUser(StringBuilder c, User u, String access) {
        c.append("createUser ").append(u.name());
        if (u.auth() != null) {
            c.append(' ').append(u.auth()).append(' ').append(u.authPassword());
            if (u.priv() != null) {
                c.append(' ').append(u.priv()).append(' ').append(u.privPassword());
            }
        }
        c.append('\n');
        String level = u.auth() == null ? "noauth" : u.priv() == null ? "auth" : "priv";
        c.append(access).append(' ').append(u.name()).append(' ').append(level).append('\n');
    }

    /** Sends a hand-built v2c GET of sysDescr.0 with community public and waits for any answer. */
    private static boolean answers(int port) {
        byte[] get = {
            0x30, 0x29, 0x02, 0x01, 0x01, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c',
            (byte) 0xa0, 0x1c, 0x02, 0x04, 0x12, 0x34, 0x56, 0x78, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00,
            0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x05, 0x00};
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(200);
            s.send(new DatagramPacket(get, get.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            byte[] buf = new byte[2048];
            s.receive(new DatagramPacket(buf, buf.length));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1. */
    public static int freePort() throws IOException {
        // a port free for both UDP and TCP, in the high range
        for (int i = 0; i < 50; i++) {
            int candidate;
            try (DatagramSocket d = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                candidate = d.getLocalPort();
            }
            try (ServerSocket t = new ServerSocket()) {
                t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port found");
    }

    private static boolean hasIpv6Loopback() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return s.getLocalAddress() instanceof Inet6Address;
        } catch (IOException e) {
            return false;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** True when the agent also listens on [::1] (udp6 and tcp6). */
    public boolean hasIpv6() {
        return ipv6;
    }

    /** {@code host:port}, as a session's hostname. */
    public String hostPort() {
        return host() + ":" + port;
    }

    public String readCommunity() {
        return "public";
    }

    public String writeCommunity() {
        return "private";
    }

    public int engineBoots() {
        return engineBoots;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * A process builder for one of Net-SNMP's client tools ({@code snmpget}, {@code snmpwalk}, ...)
     * isolated from the machine's configuration: its own config path and persistent folder, and the
     * MIBs of {@code VARBIND_MIB_DIRS} when set.
     */
    public ProcessBuilder netSnmpTool(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Path client = runDir.resolve("client");
        try {
            Files.createDirectories(client.resolve("persist"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = pb.environment();
        env.put("SNMPCONFPATH", client.toString());
        env.put("SNMP_PERSISTENT_DIR", client.resolve("persist").toString());
        String mibDirs = System.getenv("VARBIND_MIB_DIRS");
        if (mibDirs != null && !mibDirs.isEmpty()) {
            env.put("MIBDIRS", mibDirs);
            env.put("MIBS", "ALL");
        }
        return pb;
    }

    /** The agent's log so far, for assertion messages. */
    public String log() {
        return readQuietly(runDir.resolve("snmpd.log"));
    }

    /** Stops the agent (SIGTERM to its PID, then SIGKILL after 5 s) and deletes its folder. */
    @Override
    public void close() {
        stop(process);
        RUNNING.remove(process);
        deleteTree(runDir);
    }

    /** Starts a Net-SNMP daemon reading only {@code dir}'s configuration, keeping its state in {@code persist}. */
    static Process launch(List<String> cmd, Path dir, Path persist, String stdout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve(stdout).toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("SNMP_PERSISTENT_DIR", persist.toString());
        env.put("SNMPCONFPATH", dir.toString());
        return pb.start();
    }

    /** SIGTERM to {@code process}, then SIGKILL after 5 s. */
    static void stop(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String readQuietly(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }

    /** How long tests should wait for this agent at most, per request. */
    public static Duration requestTimeout() {
        return Duration.ofSeconds(2);
    }
}
