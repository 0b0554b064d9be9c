package io.varbind.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Where the api tests find the standard MIBs, with the project's rule for when they are missing. */
public final class TestMibs {
    private TestMibs() {
    }

    /**
     * The first folder of {@code $VARBIND_MIB_DIRS}, else {@code ../shared/mibs} from the repository
     * root ({@code $VARBIND_REPO_ROOT} or the parent folder). A folder named by the variable must
     * exist, and under {@code CI=true} so must the default: a failure, not a skip. Elsewhere a
     * missing default skips the test.
     */
    public static Path folder() {
        String env = System.getenv("VARBIND_MIB_DIRS");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env.split(":")[0]);
            if (!Files.isDirectory(p)) {
                Assertions.fail("VARBIND_MIB_DIRS names " + p + ", which is not a folder");
            }
            return p;
        }
        String root = System.getenv("VARBIND_REPO_ROOT");
        Path p = Path.of(root == null || root.isBlank() ? ".." : root).resolve("../shared/mibs").toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(p)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + p + " is missing (set VARBIND_MIB_DIRS)");
            }
            Assumptions.abort(p + " missing; set VARBIND_MIB_DIRS");
        }
        return p;
    }
}
