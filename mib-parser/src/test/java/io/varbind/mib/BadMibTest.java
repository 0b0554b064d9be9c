package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Broken module text gives problems with line and column, never an exception. */
class BadMibTest {

    static MibTree compile(String... files) throws IOException {
        Path dir = Files.createTempDirectory("varbind-badmib");
        try {
            for (int i = 0; i < files.length; i++) {
                Files.writeString(dir.resolve("m" + i + ".txt"), files[i], StandardCharsets.ISO_8859_1);
            }
            return MibTree.of(List.of(dir), true);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static MibProblem first(MibTree t, String text) {
        return t.problems().stream().filter(p -> p.message().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem mentioning '" + text + "' in " + t.problems()));
    }

    private static final String HEADER = "T-MIB DEFINITIONS ::= BEGIN\n"
            + "IMPORTS MODULE-IDENTITY, OBJECT-TYPE, Integer32, enterprises FROM SNMPv2-SMI\n"
            + "        DisplayString FROM SNMPv2-TC;\n";

    @Test
    void aBrokenDefinitionDoesNotStopTheRestOfItsModule() throws IOException {
        MibTree t = compile(HEADER
                + "tRoot OBJECT IDENTIFIER ::= { enterprises 99999 }\n"
                + "tBad OBJECT-TYPE\n  SYNTAX INTEGER { a(1), b( }\n  MAX-ACCESS read-only\n  STATUS current\n  ::= { tRoot 1 }\n"
                + "tGood OBJECT-TYPE\n  SYNTAX DisplayString (SIZE (0..10))\n  MAX-ACCESS read-only\n  STATUS current\n"
                + "  DESCRIPTION \"with \"\"odd\"\" quoting and caf\u00e9\"\n  ::= { tRoot 2 }\n"
                + "END\n");
        MibProblem p = first(t, "number expected");
        assertEquals(6, p.line());
        assertTrue(p.column() > 20, p.toString());
        assertTrue(p.file().endsWith("m0.txt"));
        assertEquals("T-MIB", p.module());
        assertNull(t.node("tBad"));
        MibNode good = t.node("T-MIB::tGood");
        assertNotNull(good);
        assertEquals("1.3.6.1.4.1.99999.2", good.oidString());
        assertEquals("255a", good.hint());
        assertEquals(10, good.sizes().get(0)[1]);
    }

    @Test
    void truncatedModuleKeepsWhatCameBeforeTheCut() throws IOException {
        MibTree t = compile(HEADER + "tRoot OBJECT IDENTIFIER ::= { enterprises 99998 }\n"
                + "tA OBJECT IDENTIFIER ::= { tRoot 1 }\n" + "tB OBJECT-TYPE\n  SYNTAX Integer32\n  MAX-AC");
        assertEquals("1.3.6.1.4.1.99998.1", t.node("tA").oidString());
        MibProblem p = t.problems().stream().filter(MibProblem::isError).findFirst().orElseThrow();
        assertEquals(8, p.line(), p.toString());
    }

    @Test
    void garbageGivesAProblemNotAnException() throws IOException {
        MibTree t = compile("\u0000\u0001 }}}} ::= {{ ((( \"unterminated \n\n");
        MibProblem p = first(t, "no module header");
        assertEquals(1, p.line());
        assertTrue(p.line() >= 1 && p.column() >= 1);
        assertNotNull(t.node("sysDescr"), "the built-in core still loads");
    }

    @Test
    void missingImportsAndUnknownParentsAreReportedWithTheirLine() throws IOException {
        MibTree t = compile("U-MIB DEFINITIONS ::= BEGIN\nIMPORTS nowhere FROM NO-SUCH-MIB;\n"
                + "uA OBJECT IDENTIFIER ::= { nowhere 1 }\n"
                + "uB OBJECT IDENTIFIER ::= { enterprises 5 }\nEND\n");
        assertTrue(first(t, "NO-SUCH-MIB").line() >= 1);
        assertEquals(3, first(t, "parent nowhere").line());
        assertEquals(1, first(t, "parent nowhere").column());
        // used without import: found as Net-SNMP finds it, with a warning
        assertEquals("1.3.6.1.4.1.5", t.node("uB").oidString());
        assertTrue(first(t, "not imported").severity() == MibProblem.Severity.WARNING);
    }

    @Test
    void importCyclesAreReportedAndStillResolve() throws IOException {
        MibTree t = compile(
                "A-MIB DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI bNode FROM B-MIB;\n"
                        + "aRoot OBJECT IDENTIFIER ::= { enterprises 77 }\naLeaf OBJECT IDENTIFIER ::= { bNode 1 }\nEND\n",
                "B-MIB DEFINITIONS ::= BEGIN\nIMPORTS aRoot FROM A-MIB;\n"
                        + "bNode OBJECT IDENTIFIER ::= { aRoot 2 }\nEND\n");
        first(t, "import cycle");
        assertEquals("1.3.6.1.4.1.77.2.1", t.node("aLeaf").oidString());
        assertTrue(t.errors().isEmpty(), t.errors().toString());
    }

    @Test
    void selfReferenceIsAnErrorNotAStackOverflow() throws IOException {
        MibTree t = compile("C-MIB DEFINITIONS ::= BEGIN\n"
                + "cA OBJECT IDENTIFIER ::= { cB 1 }\ncB OBJECT IDENTIFIER ::= { cA 1 }\n"
                + "CT ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION \"x\" SYNTAX CT\nEND\n");
        first(t, "in terms of itself");
        assertNull(t.node("cA"));
    }

    @Test
    void severalModulesInOneFileAndSmiV1Mixing() throws IOException {
        MibTree t = compile("V1-MIB DEFINITIONS ::= BEGIN\nIMPORTS enterprises, Counter FROM RFC1155-SMI\n"
                + "  OBJECT-TYPE FROM RFC-1212 TRAP-TYPE FROM RFC-1215;\n"
                + "v1 OBJECT IDENTIFIER ::= { enterprises 4242 }\n"
                + "v1Count OBJECT-TYPE SYNTAX Counter ACCESS read-only STATUS mandatory ::= { v1 1 }\n"
                + "v1Trap TRAP-TYPE ENTERPRISE v1 VARIABLES { v1Count } DESCRIPTION \"t\" ::= 3\nEND\n"
                + "V2-MIB DEFINITIONS ::= BEGIN\nIMPORTS v1 FROM V1-MIB;\nv2_under OBJECT IDENTIFIER ::= { v1 2 }\nEND\n");
        assertEquals("Counter32", t.node("v1Count").baseType());
        MibNode trap = t.node("v1Trap");
        assertEquals("1.3.6.1.4.1.4242.0.3", trap.oidString());
        assertEquals(List.of("v1Count"), trap.objects());
        assertEquals("1.3.6.1.4.1.4242.2", t.node("V2-MIB::v2_under").oidString());
    }
}
