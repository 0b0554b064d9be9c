package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every module of the standard set loads with no error, and the shipped core matches it. */
class StandardSetTest {
    static Path dir;
    static MibTree tree;

    @BeforeAll
    static void load() {
        dir = MibTestSupport.standardMibs();
        tree = MibTree.of(List.of(dir), false);
    }

    @Test
    void everyModuleLoadsWithoutError() throws IOException {
        assertEquals(List.of(), tree.errors(), "errors");
        assertTrue(tree.failedModules().isEmpty(), "failed: " + tree.failedModules());
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                for (String m : ModuleIndex.scanModuleNames(Files.readAllBytes(f))) {
                    if (tree.module(m) == null) {
                        missing.add(m + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void wellKnownNodesHaveTheirRfcOids() {
        // RFC 1213 section 6 / RFC 3418: system group; RFC 2863: ifTable
        assertEquals("1.3.6.1.2.1.1.1", tree.node("sysDescr").oidString());
        assertEquals("1.3.6.1.2.1.2.2.1.2", tree.node("IF-MIB::ifDescr").oidString());
        assertEquals("1.3.6.1.2.1.31.1.1.1.18", tree.node("ifAlias").oidString());
        assertEquals("1.3.6.1.2.1.1.3.0", tree.node("sysUpTimeInstance").oidString());
        assertEquals("1.3.6.1.6.3.15.1.2.2.1.3", tree.node("usmUserSecurityName").oidString());
        MibNode ifEntry = tree.node("ifEntry");
        assertEquals("row", ifEntry.nodeType());
        assertEquals(List.of("ifIndex"), ifEntry.index());
        assertEquals("table", tree.node("ifTable").nodeType());
        assertEquals("column", tree.node("ifDescr").nodeType());
        assertEquals("scalar", tree.node("sysName").nodeType());
        MibNode adm = tree.node("ifAdminStatus");
        assertEquals("INTEGER", adm.baseType());
        assertEquals(Long.valueOf(2), adm.enumValue("down"));
        assertEquals("up", adm.enums().get(1L));
        MibNode descr = tree.node("sysDescr");
        assertEquals("SNMPv2-TC::DisplayString", descr.tc());
        assertEquals("255a", descr.hint());
        assertEquals("OCTET STRING", descr.baseType());
        assertEquals(1, descr.sizes().size());
        assertEquals(255, descr.sizes().get(0)[1]);
        assertEquals("nsExtendConfigEntry", tree.node("nsExtendOutput1Entry").augments());
        assertTrue(tree.node("vacmAccessEntry").implied() == false);
        assertTrue(tree.node("snmpNotifyFilterProfileEntry").implied());
        MibType phys = tree.type("SNMPv2-TC::PhysAddress");
        assertNotNull(phys);
        assertEquals("1x:", phys.hint());
    }

    @Test
    void shippedCoreMatchesTheStandardSet() {
        StringBuilder fresh = new StringBuilder();
        MibDump.writeJsonl(tree, null, fresh);
        StringBuilder shipped = new StringBuilder();
        MibDump.writeJsonl(MibTree.builtIn(), null, shipped);
        assertEquals(fresh.toString(), shipped.toString(),
                "core.vbm is stale: rerun CoreCompiler (see mib-parser/README.md)");
    }

    @Test
    void compiledFormRoundTrips() {
        byte[] b = CompiledTreeFormat.write(tree.modules().values());
        MibTree back = new MibTree(CompiledTreeFormat.read(b), List.of(), java.util.Set.of());
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        MibDump.writeJsonl(tree, null, x);
        MibDump.writeJsonl(back, null, y);
        assertEquals(x.toString(), y.toString());
        assertTrue(x.length() > 100_000);
    }
}
