package io.varbind.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Net-SNMP's client tools ({@code snmpget}, {@code snmpwalk}, ...) isolated from the machine's
 * configuration, the way {@code SnmpdAgent.netSnmpTool} does, for tests that need no snmpd.
 */
public final class NetSnmpTools {

    /** Exit status and output of one tool run. */
    public record Result(int exitCode, String out, String err) {
        public List<String> lines() {
            return out.lines().toList();
        }
    }

    private NetSnmpTools() {
    }

    /**
     * The standard MIB folders: {@code VARBIND_MIB_DIRS} (set by .ci/run), else
     * {@code ../shared/mibs} beside the repository, as the README says.
     */
    public static String mibDirs() {
        String env = System.getenv("VARBIND_MIB_DIRS");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        String root = System.getenv("VARBIND_REPO_ROOT");
        return Path.of(root == null ? "." : root).resolve("../shared/mibs").toAbsolutePath().normalize().toString();
    }

    /** Skips the test when Net-SNMP's tools are missing, or fails it under CI=true. */
    public static void requireInstalled() {
        if (Files.isExecutable(Path.of("/usr/bin/snmpget"))) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("Net-SNMP's tools are not installed but CI=true (apt-get install snmp)");
        }
        Assumptions.abort("Net-SNMP's snmpget is not installed");
    }

    public static Result run(Path workDir, List<String> command) {
        try {
            Path conf = workDir.resolve("netsnmp-client");
            Files.createDirectories(conf.resolve("persist"));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.put("SNMPCONFPATH", conf.toString());
            env.put("SNMP_PERSISTENT_DIR", conf.resolve("persist").toString());
            env.put("MIBDIRS", mibDirs());
            env.put("MIBS", "ALL");
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
