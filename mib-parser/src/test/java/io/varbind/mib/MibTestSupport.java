package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Where the test MIBs are and how to call the Debian oracles (snmptranslate, smidump). */
final class MibTestSupport {
    private MibTestSupport() { }

    private static Path repoRoot() {
        String root = System.getenv("VARBIND_REPO_ROOT");
        return root != null && !root.isBlank() ? Paths.get(root) : Paths.get("..").toAbsolutePath().normalize();
    }

    /** {@code $VARBIND_MIB_DIRS} or {@code ../shared/mibs} from the repository root. */
    static Path standardMibs() {
        return folder("VARBIND_MIB_DIRS", "../shared/mibs");
    }

    /** {@code $VARBIND_MIB_CORPUS} or {@code ../shared/mibs-corpus}. */
    static Path corpus() {
        return folder("VARBIND_MIB_CORPUS", "../shared/mibs-corpus");
    }

    private static Path folder(String env, String dflt) {
        String v = System.getenv(env);
        if (v != null && !v.isBlank()) {
            Path p = Paths.get(v);
            if (!Files.isDirectory(p)) {
                fail(env + " is set to " + v + " but that folder does not exist");
            }
            return p;
        }
        Path p = repoRoot().resolve(dflt).normalize();
        if (!Files.isDirectory(p)) {
            if (ci()) {
                fail("CI=true and " + p + " is missing (set " + env + ")");
            }
            Assumptions.assumeTrue(false, p + " missing; set " + env);
        }
        return p;
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or fails under CI=true) when a Debian tool is not installed. */
    static void requireTool(String tool) {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Paths.get(d, tool))) {
                found = true;
                break;
            }
        }
        if (!found) {
            if (ci()) {
                fail("CI=true but " + tool + " is not installed");
            }
            Assumptions.assumeTrue(false, tool + " not installed");
        }
    }

    /** Runs a command and returns its standard output (stderr discarded). */
    static String run(List<String> cmd) {
        try {
            Path err = Files.createTempFile("varbind-oracle", ".err");
            Path out = Files.createTempFile("varbind-oracle", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("timed out: " + cmd.subList(0, Math.min(6, cmd.size())));
                }
                return Files.readString(out, StandardCharsets.ISO_8859_1);
            } finally {
                Files.deleteIfExists(err);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> cmd(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
