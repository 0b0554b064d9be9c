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

        // every node Net-SNMP builds from the same folders is here (its "name#" trap pseudo-nodes and
        // "anonymous#N" placeholders aside)
        MibTestSupport.requireTool("snmptranslate"); // a skip without it (a failure under CI), never a pass
        // Net-SNMP 5.9 lets the last folder win when two define one module; API.md says the first
        // wins: the folders go to Net-SNMP in reverse so that both pick the same copies
        List<Path> reversed = new java.util.ArrayList<>(dirs);
        java.util.Collections.reverse(reversed);
        String path = reversed.stream().map(Path::toString).collect(Collectors.joining(":"));
        String tz = MibTestSupport.run(MibTestSupport.cmd("snmptranslate", "-M", path, "-m", "ALL", "-Tz"));
        Set<String> ours = new HashSet<>();
        for (MibModule m : t.modules().values()) {
            for (MibNode n : m.nodes()) {
                ours.add(n.name() + "=" + n.oidString());
            }
        }
        int theirs = 0;
        List<String> missing = new java.util.ArrayList<>();
        for (String line : tz.split("\n")) {
            String[] p = line.split("\"");
            if (p.length < 4 || p[1].contains("#")) {
                continue;
            }
            theirs++;
            if (!ours.contains(p[1] + "=" + p[3])) {
                missing.add(p[1] + " " + p[3]);
            }
        }
        System.out.printf("corpus: Net-SNMP has %d named nodes; %d of them are not here%n", theirs, missing.size());
        assertTrue(theirs > 100_000);
        assertTrue(missing.size() < theirs / 1000, missing.subList(0, Math.min(20, missing.size())).toString());
    }
}
