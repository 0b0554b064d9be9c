package io.varbind.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Net-SNMP {@code snmptrapd} for integration tests, on 127.0.0.1 at a free port over UDP
 * and TCP, with its own configuration, stopped by its PID. Every accepted notification becomes one
 * line of its log, without the time and with the sender's port left out, for example
 * {@code TRAP2 from=UDP: [127.0.0.1]->[127.0.0.1]:PORT sec=TRAP, SNMP v2c, community public vars: ...}.
 *
 * <p>It accepts community {@code public} (v1, v2c), and every user of {@link SnmpdAgent#USERS}
 * twice: localized to its own engine {@link #ENGINE_ID_HEX} for informs, and to each of the sender
 * engines {@link #SENDER_ENGINE_IDS} for v3 traps (snmptrapd's {@code createUser -e}).
 */
public final class SnmptrapdReceiver implements Closeable {
    /** snmptrapd's own engine id ("varbind-trapd", text format). */
    public static final String ENGINE_ID_HEX = "80001f880476617262696e642d7472617064";
    /** Engine ids v3 trap senders may use: "senderA", "senderB" (text format), one per sender under test. */
    public static final List<String> SENDER_ENGINE_IDS = List.of("80001f880473656e64657241",
            "80001f880473656e64657242", "80001f880473656e64657243");

    private final Path dir;
    private final Process process;
    private final int port;

    private final Path log;

    private SnmptrapdReceiver(Path dir, Process process, int port, Path log) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    private static Path binary() {
        String override = System.getenv("SNMPTRAPD");
        return Path.of(override != null && !override.isEmpty() ? override : "/usr/sbin/snmptrapd");
    }

    /** Starts one; skips the test when snmptrapd is missing, except under {@code CI=true}. */
    public static SnmptrapdReceiver start() {
        return start(null);
    }

    /**
     * One that prints in snmptrapd's default format ({@code -f -Lo}, the output is {@link #log()}),
     * with {@code flags} (for example {@code -On}) and the test MIBs ({@code -m ALL}).
     */
    public static SnmptrapdReceiver startDefaultFormat(List<String> flags) {
        return start(flags, "127.0.0.1");
    }

    /** As {@link #startDefaultFormat(List)}, listening on {@code host} ({@code 0.0.0.0}: every address). */
    public static SnmptrapdReceiver startDefaultFormat(List<String> flags, String host) {
        return start(flags, host);
    }

    /**
     * As {@link #startDefaultFormat(List)}, listening also on {@code udp6:[::1]} and {@code tcp6:[::1]}
     * at the same port; {@code flags} may hold {@code -m} and {@code -M}, which win over the defaults.
     */
    public static SnmptrapdReceiver startDefaultFormatWithIpv6(List<String> flags) {
        return start(flags, "127.0.0.1", false, true);
    }

    /**
     * One on {@code dtlsudp:} and {@code tlstcp:} of 127.0.0.1 (the same port), printing in the
     * default format with {@code flags}: {@link TlsAgent}'s PKI, the agent's certificate, the CA
     * trusted, the manager's certificate (by fingerprint) named {@code tlsmanager}, whose
     * notifications (authPriv) it accepts. TLS is Net-SNMP 5.9.3's, TLS 1.0 only: senders need
     * {@code allowTls10}.
     */
    public static SnmptrapdReceiver startSecure(List<String> flags) {
        return start(flags, "127.0.0.1", true);
    }

    private static SnmptrapdReceiver start(List<String> defaultFormatFlags) {
        return start(defaultFormatFlags, "127.0.0.1");
    }

    private static SnmptrapdReceiver start(List<String> defaultFormatFlags, String host) {
        return start(defaultFormatFlags, host, false);
    }

    private static SnmptrapdReceiver start(List<String> defaultFormatFlags, String host, boolean secure) {
        return start(defaultFormatFlags, host, secure, false);
    }

    private static SnmptrapdReceiver start(List<String> defaultFormatFlags, String host, boolean secure,
            boolean ipv6) {
        if (!Files.isExecutable(binary())) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("snmptrapd is not installed at " + binary()
                        + " but CI=true: .ci/run must install it (apt-get install -y snmptrapd)");
            }
            org.junit.jupiter.api.Assumptions.abort("snmptrapd is not installed; test skipped");
        }
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                SnmptrapdReceiver r = tryStart(SnmpdAgent.freePort(), defaultFormatFlags, host, secure, ipv6);
                if (r != null) {
                    return r;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("snmptrapd did not start after 5 attempts", last);
    }

    private static SnmptrapdReceiver tryStart(int port, List<String> defaultFormatFlags, String host, boolean secure,
            boolean ipv6) throws IOException {
        Path dir = Files.createTempDirectory("varbind-snmptrapd-");
        Path persist = Files.createDirectories(dir.resolve("persist"));
        Path conf = dir.resolve("snmptrapd.conf");
        String settings;
        if (secure) {
            TlsAgent.certificateCopy(dir); // snmptrapd finds tls/ under its SNMPCONFPATH, which is dir
            settings = secureConfig(port, host, TlsAgent.fingerprintOf(dir.resolve("tls/certs/manager.crt")));
        } else {
            settings = config(port, defaultFormatFlags == null, host, ipv6);
        }
        Files.writeString(conf, settings, StandardCharsets.UTF_8);
        Path log = dir.resolve("traps.log");
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "-f", "-C", "-c", conf.toString(),
                "-p", dir.resolve("snmptrapd.pid").toString()));
        String mibDirs = System.getenv("VARBIND_MIB_DIRS");
        boolean defaultDirs = mibDirs != null && !mibDirs.isEmpty() && Files.isDirectory(Path.of(mibDirs.split(":")[0]));
        if (defaultFormatFlags == null) {
            cmd.addAll(List.of("-Lf", log.toString(), "-On", "-n"));
        } else {
            cmd.addAll(List.of("-Lo", "-m", "+ALL")); // Net-SNMP's default modules first, as Varbind's tree
            cmd.addAll(defaultFormatFlags);
            // a -M among the flags replaces the test MIB folders (snmptrapd reads -M after -m: it goes last)
            defaultDirs &= !defaultFormatFlags.contains("-M");
            log = dir.resolve("stdout");
        }
        if (defaultDirs) {
            cmd.add("-M");
            cmd.add(mibDirs);
        }
        Process p = SnmpdAgent.launch(cmd, dir, persist, "stdout");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String text = SnmpdAgent.readQuietly(log);
            if (!p.isAlive()) {
                SnmpdAgent.deleteTree(dir);
                if (text.contains("already in use") || text.contains("Address already")) {
                    return null;
                }
                throw new IllegalStateException("snmptrapd exited during start-up:\n" + text);
            }
            if (text.contains("NET-SNMP version") && udpTaken(port)) {
                return new SnmptrapdReceiver(dir, p, port, log);
            }
            sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("snmptrapd did not come up on port " + port);
    }

    private static boolean udpTaken(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static String config(int port, boolean oneLine, String host, boolean ipv6) {
        StringBuilder c = new StringBuilder("# written by io.varbind.testing.SnmptrapdReceiver\n");
        c.append("exactEngineID 0x").append(ENGINE_ID_HEX).append('\n');
        c.append("snmpTrapdAddr udp:").append(host).append(':').append(port).append(",tcp:").append(host).append(':')
                .append(port);
        if (ipv6) {
            c.append(",udp6:[::1]:").append(port).append(",tcp6:[::1]:").append(port);
        }
        c.append('\n');
        c.append("authCommunity log public\n");
        c.append("doNotRetainNotificationLogs yes\n");
        if (oneLine) {
            c.append("format1 TRAP1 from=%b sec=%P enterprise=%N generic=%w specific=%q agent=%A uptime=%T vars: %v\\n\n");
            c.append("format2 TRAP2 from=%b sec=%P vars: %v\\n\n");
        }
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            String keys = u.auth() == null ? "" : " " + u.auth() + " " + u.authPassword()
                    + (u.priv() == null ? "" : " " + u.priv() + " " + u.privPassword());
            c.append("createUser ").append(u.name()).append(keys).append('\n');
            for (String sender : SENDER_ENGINE_IDS) {
                c.append("createUser -e 0x").append(sender).append(' ').append(u.name()).append(keys).append('\n');
            }
            c.append("authUser log ").append(u.name()).append(" noauth\n");
        }
        return c.toString();
    }

    private static String secureConfig(int port, String host, String managerFingerprint) {
        return "# written by io.varbind.testing.SnmptrapdReceiver\n"
                + "snmpTrapdAddr dtlsudp:" + host + ":" + port + ",tlstcp:" + host + ":" + port + "\n"
                + "[snmp] localCert agent\n[snmp] trustCert ca\n"
                + "[snmp] tlsAlgorithms DEFAULT:@SECLEVEL=0\n" // 5.9.3's TLS 1.0 under OpenSSL 3
                + "certSecName 10 --sha256 " + managerFingerprint + " --sn tlsmanager\n"
                + "authUser log -s tsm tlsmanager priv\n"
                + "doNotRetainNotificationLogs yes\n";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The accepted notifications so far, one line each, the sender's port replaced by nothing. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String l : SnmpdAgent.readQuietly(log).split("\n")) {
            if (l.startsWith("TRAP")) {
                out.add(l.replaceFirst("\\]:\\d+->", "]->"));
            }
        }
        return out;
    }

    /** Waits up to {@code seconds} until at least {@code count} notifications were logged, and returns them all. */
    public List<String> awaitLines(int count, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<String> l = lines();
        while (l.size() < count && System.nanoTime() < deadline) {
            sleep(20);
            l = lines();
        }
        return l;
    }

    /** The whole log (for assertion messages). */
    public String log() {
        return SnmpdAgent.readQuietly(log);
    }

    /**
     * A Net-SNMP tool ({@code snmptrap}, {@code snmpinform}) isolated from the machine's
     * configuration, run to completion; returns its exit status.
     */
    public int runTool(List<String> command) {
        return NetSnmpTools.run(dir, command).exitCode();
    }

    @Override
    public void close() {
        SnmpdAgent.stop(process);
        SnmpdAgent.deleteTree(dir);
    }
}
