package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads the whole vendor corpus on its own path (one folder per vendor) and prints how many
 * modules load cleanly, with problems, or not at all.
 */
class CorpusTest {
    @Test
    void corpusLoads() throws IOException {
        Path corpus = MibTestSupport.corpus();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(corpus)) {
            dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        long t0 = System.nanoTime();
        MibTree t = MibTree.of(dirs, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Set<String> withProblems = new HashSet<>();
        Set<String> withErrors = new HashSet<>();
        for (MibProblem p : t.problems()) {
            if (p.module() != null) {
                withProblems.add(p.module());
                if (p.isError()) {
                    withErrors.add(p.module());
                }
            }
        }
        int clean = 0;
        for (String m : t.modules().keySet()) {
            if (!withProblems.contains(m)) {
                clean++;
            }
        }
        int loaded = t.modules().size();
        System.out.printf("corpus: %d folders, %d modules loaded in %d ms: %d clean, %d with problems (%d with errors),"
                + " %d failed %s%n", dirs.size(), loaded, ms, clean, loaded - clean, withErrors.size(),
                t.failedModules().size(), t.failedModules());
        assertTrue(loaded > 1900, "modules loaded: " + loaded);
        assertTrue(clean > loaded * 9 / 10, "clean: " + clean);
    }
}
