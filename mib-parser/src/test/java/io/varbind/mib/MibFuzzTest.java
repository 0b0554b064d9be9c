package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of the MIB compiler on hostile files: the input is the text of
 * one file (any number of modules), lexed, parsed and resolved against the built-in core, then
 * looked up by name and number. Loading never throws, overflows the stack or hangs; every
 * problem of the file has a position. The default run replays {@code MibFuzzTestInputs} (our own
 * small hostile modules: deep nesting, huge numbers, import and type cycles); {@code ./fuzz.sh
 * mib.modules SECONDS} fuzzes it, seeded from the MIBs of {@code VARBIND_MIB_DIRS}.
 */
class MibFuzzTest {
    private static final byte[] CORE = compiledCore();

    @FuzzTest(maxDuration = "10m")
    void modules(byte[] input) {
        List<MibProblem> orphans = new ArrayList<>();
        List<ParsedModule> parsed = MibParser.parse(input, "fuzz.mib", orphans);
        for (MibProblem p : orphans) {
            assertTrue(p.line() >= 1 && p.column() >= 1, "a problem without a position: " + p);
        }
        Map<String, MibModule> core = CORE.length == 0 ? new java.util.LinkedHashMap<>() : CompiledTreeFormat.read(CORE);
        ModuleResolver r = new ModuleResolver(new ModuleIndex(), core);
        for (ParsedModule m : parsed) {
            r.offer(m);
        }
        for (ParsedModule m : parsed) {
            r.load(m.name);
        }
        r.finish();
        MibTree t = new MibTree(r.done, new ArrayList<>(r.problems), Set.of());
        for (MibProblem p : r.problems) {
            assertNotNull(p.message(), "a problem without a message");
        }
        for (MibNode n : t.nodes()) {
            int[] oid = n.oid();
            assertNotNull(t.lookup(oid, oid.length), "a node its own OID does not find: " + n);
            try {
                t.resolve(n.module() + "::" + n.name(), 0);
            } catch (MibLookupException e) {
                assertNotNull(e.getMessage());
            }
        }
    }

    private static byte[] compiledCore() {
        try (java.io.InputStream in = MibTree.class.getResourceAsStream(MibTree.CORE_RESOURCE)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
