package io.varbind.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A small timing harness: load time of the compiled core, text compile time of a MIB folder and of
 * a corpus of folders (warm), and name/OID lookup cost. Usage:
 * {@code MibTiming [MIB_DIR [CORPUS_DIR]]} (defaults ../shared/mibs and ../shared/mibs-corpus).
 */
public final class MibTiming {
    private MibTiming() { }

    public static void main(String[] args) throws IOException {
        Path mibs = Paths.get(args.length > 0 ? args[0] : "../shared/mibs");
        Path corpus = Paths.get(args.length > 1 ? args[1] : "../shared/mibs-corpus");
        long t0 = System.nanoTime();
        MibTree core = MibTree.builtIn();
        System.out.printf("core: first load (cold JVM, incl. class loading) %.1f ms, %d modules%n",
                (System.nanoTime() - t0) / 1e6, core.modules().size());
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            t0 = System.nanoTime();
            new MibTree(MibTree.coreModules(), List.of(), java.util.Set.of());
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("core: warm load (decode + tree) best of 30 %.2f ms%n", best);
        if (Files.isDirectory(mibs)) {
            best = Double.MAX_VALUE;
            for (int i = 0; i < 15; i++) {
                t0 = System.nanoTime();
                MibTree.of(List.of(mibs), false);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("text: compile %s warm, best of 15 %.1f ms%n", mibs, best);
        }
        if (Files.isDirectory(corpus)) {
            List<Path> dirs;
            try (Stream<Path> s = Files.list(corpus)) {
                dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
            }
            best = Double.MAX_VALUE;
            MibTree t = null;
            for (int i = 0; i < 3; i++) {
                t0 = System.nanoTime();
                t = MibTree.of(dirs, false);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("corpus: compile %d modules of %d folders, best of 3 %.0f ms%n", t.modules().size(),
                    dirs.size(), best);
        }
        String[] names = {"sysDescr.0", "ifDescr.12", "IF-MIB::ifInOctets.3", "nsExtendOutput1Line.\"hello\"",
            ".1.3.6.1.2.1.2.2.1.10.3", "hrStorageUsed.31"};
        long sink = 0;
        int n = 2_000_000;
        for (int round = 0; round < 3; round++) {
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += core.resolve(names[i % names.length], 0).indexStart();
            }
            double nameNs = (System.nanoTime() - t0) / (double) n;
            int[] oid = {1, 3, 6, 1, 2, 1, 2, 2, 1, 10, 3};
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                oid[10] = i & 63;
                sink += core.lookup(oid, oid.length).indexStart();
            }
            double oidNs = (System.nanoTime() - t0) / (double) n;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += core.node("ifInOctets").oid.length;
            }
            double plainNs = (System.nanoTime() - t0) / (double) n;
            System.out.printf("lookups (round %d): resolve(name spec) %.0f ns, lookup(int[] oid) %.0f ns, node(name) %.0f ns%n",
                    round + 1, nameNs, oidNs, plainNs);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
