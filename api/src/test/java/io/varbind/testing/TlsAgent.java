package io.varbind.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Net-SNMP snmpd serving SNMPv3 over TLS (tlstcp) and DTLS (dtlsudp) (RFC 6353, Transport
 * Security Model) on free 127.0.0.1 ports, with certificates made here by the openssl command: a CA; the agent
 * ({@code CN=localhost}, DNS:localhost and IP:127.0.0.1), or an expired agent certificate; the
 * clients {@code manager} (mapped by fingerprint to the read-write securityName
 * {@code tlsmanager}) and {@code reader} (mapped to {@code tlsreader}, read-only); and
 * {@code rogue}, self-signed, that nobody trusts. Net-SNMP 5.9.3 caps tlstcp at TLS 1.0; the
 * shim {@code tls-uncap.c} (compiled with gcc, LD_PRELOADed) lifts the cap so the JDK's TLS 1.2
 * and 1.3 defaults apply. Files follow Net-SNMP's layout: {@code tls/certs}, {@code tls/private},
 * {@code tls/ca-certs}.
 */
public final class TlsAgent implements AutoCloseable {
    public static final String SYS_DESCR = "varbind tls agent";

    private final Path dir;
    private Process process;
    /** A USM user on the agent's UDP port, for comparisons with DTLS: SHA-256 and AES-128, read-write. */
    public static final String USM_USER = "benchuser";
    public static final String USM_AUTH_PASSWORD = "benchuser_authpw";
    public static final String USM_PRIV_PASSWORD = "benchuser_privpw";

    private final int port;
    private final int dtlsPort;
    private final int udpPort;

    /** Agents still running, stopped when the JVM exits should a test fail to close one. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "tls-snmpd-reaper"));
    }

    private TlsAgent(Path dir, Process process, int port, int dtlsPort, int udpPort) {
        RUNNING.add(process);
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.dtlsPort = dtlsPort;
        this.udpPort = udpPort;
    }

    private ProcessBuilder command;

    /** Stops snmpd and starts it again on the same ports with the same certificates (new DTLS state). */
    public void restart() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            RUNNING.remove(process);
            process = command.start();
            RUNNING.add(process);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    Thread.sleep(200); // the UDP endpoints open with the TCP one; a margin for them
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("snmpd did not come back on " + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The plain UDP port (SNMPv3 with USM user {@link #USM_USER}). */
    public int udpPort() {
        return udpPort;
    }

    /** The tlstcp port. */
    public int port() {
        return port;
    }

    /** The dtlsudp port. */
    public int dtlsPort() {
        return dtlsPort;
    }

    /** The folder with tls/certs, tls/private and tls/ca-certs. */
    public Path dir() {
        return dir;
    }

    public Path cert(String name) {
        return dir.resolve("tls/certs/" + name + ".crt");
    }

    public Path caCert(String name) {
        return dir.resolve("tls/ca-certs/" + name + ".crt");
    }

    /** The certificate's SHA-256 fingerprint as Net-SNMP prints it (lower-case hex, no colons). */
    public String fingerprint(String name) {
        try (InputStream in = Files.newInputStream(cert(name))) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips without the tools, or fails under CI=true. */
    public static void requireTools() {
        for (String tool : List.of("/usr/sbin/snmpd", "/usr/bin/openssl", "/usr/bin/gcc")) {
            if (!Files.isExecutable(Path.of(tool))) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(tool + " is missing but CI=true (.ci/run installs it)");
                }
                Assumptions.abort(tool + " is missing");
            }
        }
    }

    /** Starts an agent whose certificate is {@code agent}, or an expired one. */
    public static TlsAgent start(boolean expiredAgentCertificate) {
        return start(expiredAgentCertificate, false);
    }

    /**
     * {@code stock}: Net-SNMP 5.9.3 as it ships, tlstcp capped at TLS 1.0 (no shim; the agent's
     * OpenSSL security level lowered so that TLS 1.0's MD5+SHA-1 handshake signature is allowed).
     */
    public static TlsAgent start(boolean expiredAgentCertificate, boolean stock) {
        requireTools();
        try {
            Path dir = Files.createTempDirectory("varbind-tls-");
            copyCertificates(dir);
            Path shim = dir.resolve("tls-uncap.so");
            Path src = dir.resolve("tls-uncap.c");
            try (InputStream in = TlsAgent.class.getResourceAsStream("/io/varbind/tls/tls-uncap.c")) {
                Files.write(src, in.readAllBytes());
            }
            run(dir, "/usr/bin/gcc", "-shared", "-fPIC", "-O2", "-o", shim.toString(), src.toString(), "-ldl");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            int dtlsPort;
            int udpPort;
            try (java.net.DatagramSocket d = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                    java.net.DatagramSocket u = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
                dtlsPort = d.getLocalPort();
                udpPort = u.getLocalPort();
            }
            String conf = String.join("\n",
                    "agentAddress tlstcp:127.0.0.1:" + port + ",dtlsudp:127.0.0.1:" + dtlsPort + ",udp:127.0.0.1:"
                            + udpPort,
                    "createUser " + USM_USER + " SHA-256 " + USM_AUTH_PASSWORD + " AES " + USM_PRIV_PASSWORD,
                    "rwuser " + USM_USER + " priv",
                    "[snmp] localCert " + (expiredAgentCertificate ? "expired" : "agent"),
                    "[snmp] trustCert ca",
                    stock ? "[snmp] tlsAlgorithms DEFAULT:@SECLEVEL=0" : "",
                    "certSecName 10 --sha256 " + fingerprintOf(dir.resolve("tls/certs/manager.crt")) + " --sn tlsmanager",
                    "certSecName 20 --sha256 " + fingerprintOf(dir.resolve("tls/certs/reader.crt")) + " --cn",
                    "rwuser -s tsm tlsmanager priv",
                    "rouser -s tsm tlsreader priv",
                    "sysDescr " + SYS_DESCR,
                    "sysLocation tls test",
                    "");
            Files.writeString(dir.resolve("snmpd.conf"), conf);
            Files.createDirectories(dir.resolve("persist"));
            ProcessBuilder pb = new ProcessBuilder("/usr/sbin/snmpd", "-f", "-C", "-c",
                    dir.resolve("snmpd.conf").toString(), "-p", dir.resolve("snmpd.pid").toString(), "-Lf",
                    dir.resolve("snmpd.log").toString(), "-r", "-I", "-smux")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
            String debug = System.getenv("VARBIND_SNMPD_DEBUG"); // snmpd -D tokens, e.g. dtlsudp,tls
            if (debug != null && !debug.isEmpty()) {
                pb.command().add("-D" + debug);
            }
            Map<String, String> env = pb.environment();
            env.put("SNMPCONFPATH", dir.toString());
            env.put("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString());
            if (!stock) {
                env.put("LD_PRELOAD", shim.toString());
            }
            Process p = pb.start();
            TlsAgent agent = new TlsAgent(dir, p, port, dtlsPort, udpPort);
            agent.command = pb;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("snmpd (tlstcp) exited: " + read(dir.resolve("snmpd.log")));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return agent;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            agent.close();
            throw new IllegalStateException("snmpd (tlstcp) did not listen on " + port + ": "
                    + read(dir.resolve("snmpd.log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "(no log)";
        } catch (IOException e) {
            return "(unreadable log)";
        }
    }

    /**
     * A fresh folder holding the test PKI (made once per JVM) in Net-SNMP's {@code tls/} layout:
     * {@code tls/certs/{agent,expired,manager,reader,rogue}.crt}, {@code tls/ca-certs/ca.crt},
     * keys under {@code tls/private}; for listeners of the project's own.
     */
    public static Path certificateCopy() {
        try {
            return certificateCopy(Files.createTempDirectory("varbind-tls-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As {@link #certificateCopy()}, into {@code dir} (created if needed); returns it. */
    public static Path certificateCopy(Path dir) {
        try {
            Files.createDirectories(dir);
            copyCertificates(dir);
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A certificate file's SHA-256 fingerprint, lower-case hex without colons (Net-SNMP's form). */
    public static String fingerprintOf(Path cert) throws IOException {
        try (InputStream in = Files.newInputStream(cert)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + read(dir.resolve("tool.out")));
        }
    }

    /** Certificates are made once per JVM (RSA key generation is the slow part) and copied to each agent. */
    private static Path certificates;

    private static synchronized void copyCertificates(Path dir) throws IOException, InterruptedException {
        if (certificates == null) {
            Path made = Files.createTempDirectory("varbind-tls-certs-");
            makeCertificates(made);
            certificates = made;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(made)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder
                }
            }));
        }
        try (var files = Files.walk(certificates.resolve("tls"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(certificates.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void makeCertificates(Path dir) throws IOException, InterruptedException {
        Path certs = Files.createDirectories(dir.resolve("tls/certs"));
        Path keys = Files.createDirectories(dir.resolve("tls/private"));
        Path cas = Files.createDirectories(dir.resolve("tls/ca-certs"));
        String ossl = "/usr/bin/openssl";
        run(dir, ossl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
                "-subj", "/CN=varbind-test-ca", "-keyout", keys.resolve("ca.key").toString(),
                "-out", cas.resolve("ca.crt").toString(),
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        record Leaf(String name, String subject, String san, int days) {
        }
        List<Leaf> leaves = new ArrayList<>(List.of(
                new Leaf("agent", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", 30),
                new Leaf("expired", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", -1),
                new Leaf("manager", "/CN=varbind-manager", "email:manager@varbind.test,DNS:manager.varbind.test", 30),
                new Leaf("reader", "/CN=tlsreader", "email:reader@varbind.test", 30)));
        for (Leaf l : leaves) {
            Path ext = dir.resolve(l.name() + ".ext");
            Files.writeString(ext, "subjectAltName=" + l.san() + "\nbasicConstraints=CA:FALSE\n");
            run(dir, ossl, "req", "-newkey", "rsa:2048", "-nodes", "-subj", l.subject(),
                    "-keyout", keys.resolve(l.name() + ".key").toString(), "-out", dir.resolve(l.name() + ".csr").toString());
            run(dir, ossl, "x509", "-req", "-in", dir.resolve(l.name() + ".csr").toString(), "-CA",
                    cas.resolve("ca.crt").toString(), "-CAkey", keys.resolve("ca.key").toString(), "-CAcreateserial",
                    "-sha256", "-days", String.valueOf(l.days()), "-extfile", ext.toString(),
                    "-out", certs.resolve(l.name() + ".crt").toString());
        }
        run(dir, ossl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
                "-subj", "/CN=rogue", "-keyout", keys.resolve("rogue.key").toString(),
                "-out", certs.resolve("rogue.crt").toString());
        Files.copy(certs.resolve("rogue.crt"), cas.resolve("rogue.crt"));
        try (var files = Files.list(keys)) {
            for (Path k : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(k, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Override
    public void close() {
        RUNNING.remove(process);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (System.getenv("VARBIND_SNMPD_DEBUG") != null) {
            System.err.println("TlsAgent: kept " + dir + " for its snmpd.log");
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
