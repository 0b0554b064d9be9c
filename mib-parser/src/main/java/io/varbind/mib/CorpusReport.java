package io.varbind.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a corpus of MIB folders (each subfolder on the search path) and prints one line per module:
 * {@code MODULE <TAB> clean|problems|errors|failed <TAB> file}, then a summary on stderr. Used by
 * {@code mib-parser/scripts/corpus_compare.py}. Usage: {@code CorpusReport CORPUS_DIR}.
 */
public final class CorpusReport {
    private CorpusReport() { }

    public static void main(String[] args) throws IOException {
        Path corpus = Paths.get(args.length > 0 ? args[0] : "../shared/mibs-corpus");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(corpus)) {
            dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        long t0 = System.nanoTime();
        MibTree t = MibTree.of(dirs, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (args.length > 1 && args[1].equals("--pairs")) {
            StringBuilder sb = new StringBuilder();
            for (MibModule m : t.modules().values()) {
                for (MibNode n : m.nodes()) {
                    sb.append(m.name()).append('\t').append(n.name()).append('\t').append(n.oidString()).append('\n');
                }
            }
            System.out.print(sb);
            return;
        }
        Map<String, String> status = new HashMap<>();
        for (MibProblem p : t.problems()) {
            if (p.module() != null) {
                status.merge(p.module(), p.isError() ? "errors" : "problems",
                        (a, b) -> a.equals("errors") || b.equals("errors") ? "errors" : "problems");
            }
        }
        int[] counts = new int[4];
        StringBuilder out = new StringBuilder();
        for (MibModule m : t.modules().values()) {
            String st = status.getOrDefault(m.name(), "clean");
            if (m.nodes().isEmpty() && m.types().isEmpty() && st.equals("errors")) {
                st = "failed";
            }
            counts[st.equals("clean") ? 0 : st.equals("problems") ? 1 : st.equals("errors") ? 2 : 3]++;
            out.append(m.name()).append('\t').append(st).append('\t').append(m.file()).append('\n');
        }
        for (String f : t.failedModules()) {
            counts[3]++;
            out.append(f).append("\tfailed\t-\n");
        }
        System.out.print(out);
        System.err.printf("varbind: %d modules in %d ms: %d clean, %d with warnings only, %d with errors, %d failed%n",
                t.modules().size(), ms, counts[0], counts[1], counts[2], counts[3]);
    }
}
