package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Real MIB text, mutated at random: loading never throws or hangs, and every problem has a position. */
class MibMutationTest {
    private static final String[] SOURCES = {"IF-MIB.txt", "SNMPv2-TC.txt", "UCD-SNMP-MIB.txt", "RFC1213-MIB.txt"};

    record Mutation(int source, int kind, double at, double length, String insert) { }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SOURCES.length - 1),
                Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 0.05),
                Arbitraries.strings().withChars("{}()[]\":=.,;-|'x0 \n\u00e9\u0000ABC").ofMaxLength(12))
                .as(Mutation::new);
    }

    @Property(tries = 150, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE)
    void mutatedModulesLoadWithPositionedProblems(@ForAll("mutations") Mutation m) throws IOException {
        Path mibs = MibTestSupport.standardMibs();
        byte[] src = Files.readAllBytes(mibs.resolve(SOURCES[m.source()]));
        int at = (int) (m.at() * src.length);
        int len = Math.min(src.length - at, (int) (m.length() * src.length));
        byte[] ins = m.insert().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = switch (m.kind()) {
            case 0 -> java.util.Arrays.copyOf(src, at);                          // truncate
            case 1 -> concat(slice(src, 0, at), slice(src, at + len, src.length)); // delete a span
            case 2 -> concat(slice(src, 0, at), ins, slice(src, at, src.length));  // insert junk
            case 3 -> concat(slice(src, 0, at + len), slice(src, at, src.length)); // duplicate a span
            default -> {
                byte[] c = src.clone();                                        // overwrite a span
                for (int i = 0; i < len && i < ins.length; i++) {
                    c[at + i] = ins[i];
                }
                yield c;
            }
        };
        Path dir = Files.createTempDirectory("varbind-mutant");
        try {
            Files.write(dir.resolve(SOURCES[m.source()]), out);
            long t0 = System.nanoTime();
            MibTree t = MibTree.of(List.of(dir), true);
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "took too long");
            for (MibProblem p : t.problems()) {
                assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
            }
            String whole = new String(src, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (m.kind() == 0 && at < whole.lastIndexOf("END")) { // the module's END was cut off
                assertTrue(!t.problems().isEmpty(), "a truncated module must be reported");
            }
            // the rest of the tree is intact
            assertTrue(t.node("sysDescr") != null);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, Math.min(from, b.length), Math.min(Math.max(from, to), b.length));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int k = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
