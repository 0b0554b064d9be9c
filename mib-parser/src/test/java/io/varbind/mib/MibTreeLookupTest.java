package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The OID spellings of API.md and the numeric lookups. */
class MibTreeLookupTest {
    static final MibTree T = MibTree.builtIn();
    static final int[] SYS_DESCR_0 = {1, 3, 6, 1, 2, 1, 1, 1, 0};

    @Test
    void everySpellingOfSysDescr0() {
        for (String s : List.of("sysDescr.0", "SNMPv2-MIB::sysDescr.0", ".1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.1.0",
                ".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0", "system.sysDescr.0", "mib-2.1.1.0",
                " sysDescr.0 ")) {
            Resolved r = T.resolve(s, 0);
            assertArrayEquals(SYS_DESCR_0, r.oid(), s);
            assertEquals("sysDescr", r.node().name(), s);
            assertEquals(8, r.indexStart(), s);
            assertEquals("0", r.numericIndex(), s);
            assertArrayEquals(SYS_DESCR_0, T.resolve(s, 2).oid(), s);
        }
        Resolved dot = T.resolve(".", 0);
        assertArrayEquals(new int[] {1}, dot.oid());
        assertEquals("iso", dot.node().name());
    }

    /** Found by fuzzing (CliInputFuzzTest): names, numbers and quoted indexes past 128 sub-identifiers. */
    @Test
    void moreThan128SubIdentifiersIsALookupError() {
        String arcs128 = ".1.3" + ".7".repeat(126);
        assertEquals(128, T.resolve(arcs128, 0).oid().length);
        assertEquals(128, T.resolve("sysDescr.'" + "x".repeat(120) + "'", 0).oid().length); // implied length
        assertEquals(128, T.resolve("sysDescr.\"" + "x".repeat(119) + "\"", 0).oid().length); // with its length
        for (String s : List.of(arcs128 + ".7", "sysDescr" + ".0".repeat(121), "sysDescr.\"" + "x".repeat(120) + "\"",
                "sysDescr.'" + "x".repeat(121) + "'", "sysDescr.'" + "x".repeat(60) + "'." + "1.".repeat(60) + "1")) {
            MibLookupException e = assertThrows(MibLookupException.class, () -> T.resolve(s, 0), s);
            assertTrue(e.getMessage().contains("more than 128"), e.getMessage());
        }
    }

    @Test
    void sysUpTimeZeroIsSysUpTimeInstanceWithNoIndex() {
        Resolved r = T.resolve("sysUpTime.0", 0);
        assertEquals("sysUpTimeInstance", r.node().name());
        // Net-SNMP's default modules load first: DISMAN-EVENT-MIB names it (CLI.md's example)
        assertEquals("DISMAN-EVENT-MIB::sysUpTimeInstance", OidFormat.format(T, r.oid(), OidFormat.Style.MODULE));
        assertEquals("", r.numericIndex());
    }

    @Test
    void unknownNamesAndBadTextThrowMibLookupException() {
        assertThrows(MibLookupException.class, () -> T.resolve("noSuchThing.0", 0));
        assertThrows(MibLookupException.class, () -> T.resolve("NO-SUCH-MIB::sysDescr", 0));
        assertThrows(MibLookupException.class, () -> T.resolve("system.noChild", 0));
        assertThrows(MibLookupException.class, () -> T.resolve("sysDescr.\"open", 0));
        assertThrows(MibLookupException.class, () -> T.resolve(".1.3.99999999999", 0));
        assertThrows(MibLookupException.class, () -> T.resolve("", 0));
        assertThrows(MibLookupException.class, () -> T.resolve("[", 1));
        assertNull(T.node("noSuchThing"));
    }

    @Test
    void numericOidsUnderNoNodeStillResolve() {
        Resolved r = T.resolve(".1.3.6.1.4.1.999999.5.6", 0);
        assertEquals("enterprises", r.node().name());
        assertEquals(6, r.indexStart());
        Resolved none = T.resolve("2.999", 0);
        assertEquals("joint-iso-ccitt", none.node().name());
    }

    @Test
    void bestGuessOneIsARegularExpressionOverNames() {
        Resolved r = T.resolve("sysDesc", 1);
        assertEquals("sysDescr", r.node().name());
        assertEquals(r.oid().length, r.indexStart());
        assertEquals("sysDescr", T.resolve("^SYSDESCR$", 1).node().name());
    }

    @Test
    void lookupFindsTheLongestNode() {
        int[] oid = {1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 7};
        Match m = T.lookup(oid, oid.length);
        assertEquals("ifDescr", m.node().name());
        assertEquals(10, m.indexStart());
        Match shorter = T.lookup(oid, 9);
        assertEquals("ifEntry", shorter.node().name());
        assertNull(T.lookup(new int[] {7, 7}, 2));
    }

    @Test
    void searchPathFollowsMibdirsRules() {
        assertEquals(MibTree.DEFAULT_DIRS.size(), MibTree.searchPath(null).size());
        assertEquals(List.of(Paths.get("/a"), Paths.get("/b")), MibTree.searchPath("/a:/b"));
        List<java.nio.file.Path> plus = MibTree.searchPath("+/x");
        assertEquals(MibTree.DEFAULT_DIRS.size() + 1, plus.size());
        assertEquals(Paths.get("/x"), plus.get(plus.size() - 1));
    }

    @Test
    void defaultTreeIsCachedAndHoldsTheCore() {
        MibTree a = MibTree.defaultTree();
        assertTrue(a == MibTree.defaultTree());
        assertEquals("1.3.6.1.2.1.1.1", a.node("sysDescr").oidString());
    }

    @Property(tries = 200)
    void numericSpellingsRoundTripThroughFormat(@ForAll @IntRange(min = 1, max = 30) int ifIndex,
                                                @ForAll @IntRange(min = 1, max = 22) int column) {
        int[] oid = {1, 3, 6, 1, 2, 1, 2, 2, 1, column, ifIndex};
        for (OidFormat.Style st : OidFormat.Style.values()) {
            String text = OidFormat.format(T, oid, st);
            assertArrayEquals(oid, T.resolve(text, 0).oid(), text);
        }
    }
}
