package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree read back from the disk cache is the tree compiled from the text: every module, type and
 * node as {@code mib dump} shows them, each module's file, imports and names, the problems and the
 * failed modules; a changed file, another load order, a damaged or foreign file is a miss.
 */
class TreeCacheTest {

    @TempDir
    Path tmp;

    /** The standard set plus Net-SNMP's own folder when installed, and text with problems in it. */
    private List<Path> searchPath() throws IOException {
        Path extra = Files.createDirectories(tmp.resolve("mibs"));
        Files.writeString(extra.resolve("BROKEN-MIB.txt"), "BROKEN-MIB DEFINITIONS ::= BEGIN\n"
                + "IMPORTS nothingHere FROM NO-SUCH-MIB;\n"
                + "broken OBJECT IDENTIFIER ::= { nothingHere 1 }\n"
                + "half OBJECT-TYPE SYNTAX INTEGER MAX-ACCESS read-only\n", StandardCharsets.US_ASCII);
        Files.writeString(extra.resolve("notes.txt"), "no module here\n", StandardCharsets.US_ASCII);
        List<Path> path = new ArrayList<>(List.of(extra, MibTestSupport.standardMibs()));
        Path netSnmp = Path.of("/usr/share/snmp/mibs");
        if (Files.isDirectory(netSnmp)) {
            path.add(netSnmp);
        }
        return path;
    }

    private static String describe(MibTree t) {
        StringBuilder sb = new StringBuilder();
        for (MibModule m : t.modules().values()) {
            sb.append("module ").append(m.name()).append(' ').append(m.file()).append(' ').append(m.imports()).append('\n');
            for (MibType ty : m.types().values()) {
                sb.append(MibDump.json(ty)).append('\n');
            }
            for (MibNode n : m.nodes()) {
                sb.append(MibDump.json(n)).append(" parent=").append(n.parent())
                        .append(" byModule=").append(m.node(n.name())).append(" byTree=").append(t.node(n.name()))
                        .append('\n');
            }
        }
        t.problems().forEach(p -> sb.append(p).append('\n'));
        return sb.append(t.failedModules()).toString();
    }

    @Test
    void aTreeReadBackIsTheTreeCompiled() throws IOException {
        List<Path> path = searchPath();
        for (List<String> order : List.of(MibTree.loadOrder(null), MibTree.loadOrder("ALL"))) {
            MibTree text = MibTree.of(path, true, order);
            assertFalse(text.problems().isEmpty(), "the broken module's problems are part of the test");
            // (a module fails outright only when its file cannot be parsed at all: given here)
            MibTree compiled = new MibTree(text.modules(), text.problems(), java.util.Set.of("FAILED-MIB"));
            String key = TreeCache.key(path, order);
            Path cache = tmp.resolve("cache");
            TreeCache.store(cache, key, compiled);
            MibTree read = TreeCache.load(cache, key);
            assertNotNull(read, "stored and read back");
            assertEquals(describe(compiled), describe(read));
            assertEquals(compiled.nodes().size(), read.nodes().size());
        }
    }

    @Test
    void aChangedFileOrAnotherOrderIsAnotherKey() throws IOException {
        List<Path> path = searchPath();
        List<String> order = MibTree.loadOrder(null);
        String key = TreeCache.key(path, order);
        assertEquals(key, TreeCache.key(path, order), "stable");
        assertNotEquals(key, TreeCache.key(path, MibTree.loadOrder("ALL")));
        Path broken = path.get(0).resolve("BROKEN-MIB.txt");
        Files.setLastModifiedTime(broken, FileTime.fromMillis(Files.getLastModifiedTime(broken).toMillis() - 5000));
        String touched = TreeCache.key(path, order);
        assertNotEquals(key, touched, "a new modification time");
        Files.writeString(broken, " ", StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(broken, FileTime.fromMillis(Files.getLastModifiedTime(broken).toMillis() - 5000));
        assertNotEquals(touched, TreeCache.key(path, order), "a new size");
        Files.writeString(path.get(0).resolve("NEW-MIB.txt"), "x", StandardCharsets.US_ASCII);
        assertFalse(TreeCache.key(path, order).equals(touched), "a new file");

        Path cache = tmp.resolve("cache");
        TreeCache.store(cache, key, MibTree.of(path, true, order));
        assertNotNull(TreeCache.load(cache, key));
        assertNull(TreeCache.load(cache, TreeCache.key(path, order)), "another key misses");
    }

    @Test
    void aDamagedOrForeignFileIsAMiss() throws IOException {
        List<Path> path = searchPath();
        List<String> order = MibTree.loadOrder(null);
        String key = TreeCache.key(path, order);
        Path cache = tmp.resolve("cache");
        TreeCache.store(cache, key, MibTree.of(path, true, order));
        Path file;
        try (Stream<Path> s = Files.list(cache)) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), "one file, no temporary left: " + files);
            file = files.get(0);
        }
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {0, 3, 40, whole.length / 2, whole.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(whole, cut));
            assertNull(TreeCache.load(cache, key), "cut at " + cut);
        }
        byte[] flipped = whole.clone();
        flipped[whole.length - 20] ^= 0x55;
        Files.write(file, flipped);
        MibTree t = null;
        try {
            t = TreeCache.load(cache, key);
        } catch (RuntimeException e) {
            throw new AssertionError("a damaged file must be a miss, not " + e, e);
        }
        // a flipped byte in the node data may still decode; the key guards against staleness, not damage
        assertTrue(t == null || !t.modules().isEmpty());
        Files.write(file, "VBT1 foreign".getBytes(StandardCharsets.US_ASCII));
        assertNull(TreeCache.load(cache, key));
        assertNull(TreeCache.load(tmp.resolve("none"), key), "no folder");
    }

    @Test
    void aFolderKeepsTheNewestTreesOnly() throws IOException {
        List<Path> path = List.of(MibTestSupport.standardMibs());
        MibTree tree = MibTree.of(path, true, List.of());
        Path cache = tmp.resolve("cache");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < TreeCache.KEPT + 3; i++) {
            String key = TreeCache.key(path, List.of("ORDER-" + i));
            keys.add(key);
            TreeCache.store(cache, key, tree);
            try (Stream<Path> s = Files.list(cache)) {
                assertEquals(Math.min(i + 1, TreeCache.KEPT), s.count(), "after " + (i + 1));
            }
            assertNotNull(TreeCache.load(cache, key), "the tree just stored stays");
        }
    }
}
