package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** INDEX encoding (RFC 2578 section 7.7) on real tables of the built-in core. */
class IndexCodecTest {
    static final MibTree T = MibTree.builtIn();

    @Test
    void decodesMixedIndexes() {
        MibNode col = T.node("tcpConnState");
        int[] suffix = {10, 0, 0, 1, 22, 192, 168, 1, 2, 40000};
        List<IndexCodec.IndexValue> v = IndexCodec.decode(T, col, suffix, 0, suffix.length);
        assertEquals(4, v.size());
        assertArrayEquals(new byte[] {10, 0, 0, 1}, (byte[]) v.get(0).value());
        assertEquals(22L, v.get(1).value());
        assertEquals(40000L, v.get(3).value());
        assertEquals(".10.0.0.1.22.192.168.1.2.40000", IndexCodec.render(T, col, suffix, 0, suffix.length));
        assertArrayEquals(suffix, IndexCodec.encode(T, col, List.of("10.0.0.1", 22, new byte[] {(byte) 192, (byte) 168, 1, 2}, 40000)));
    }

    @Test
    void impliedAndLengthPrefixedStrings() {
        MibNode implied = T.node("snmpNotifyFilterProfileName");
        int[] s = IndexCodec.encode(T, implied, List.of("bob"));
        assertArrayEquals(new int[] {98, 111, 98}, s);
        assertEquals(".'bob'", IndexCodec.render(T, implied, s, 0, s.length));
        MibNode vacm = T.node("vacmGroupName");
        int[] v = IndexCodec.encode(T, vacm, List.of(3, "hello"));
        assertArrayEquals(new int[] {3, 5, 104, 101, 108, 108, 111}, v);
        assertEquals(".3.\"hello\"", IndexCodec.render(T, vacm, v, 0, v.length));
        // a suffix that does not fit: too short, or an octet above 255
        assertNull(IndexCodec.decode(T, vacm, new int[] {3, 5, 104}, 0, 3));
        assertNull(IndexCodec.decode(T, vacm, new int[] {3, 1, 300}, 0, 3));
        assertEquals(".3.1.300", IndexCodec.render(T, vacm, new int[] {3, 1, 300}, 0, 3));
    }

    @Test
    void augmentsFollowsItsTarget() {
        MibNode col = T.node("nsExtendOutput1Line");
        int[] s = IndexCodec.encode(T, col, List.of("hello"));
        assertEquals(".\"hello\"", IndexCodec.render(T, col, s, 0, s.length));
        assertEquals("nsExtendToken", IndexCodec.indexObjects(T, col).get(0).name());
    }

    @Test
    void enumerationsRenderAsLabels() {
        MibNode col = T.node("ipAddressIfIndex");
        int[] s = IndexCodec.encode(T, col, List.of("ipv4", new byte[] {10, 0, 0, 1}));
        assertArrayEquals(new int[] {1, 4, 10, 0, 0, 1}, s);
        assertEquals("ipv4", IndexCodec.decode(T, col, s, 0, s.length).get(0).label());
        assertThrows(IllegalArgumentException.class, () -> IndexCodec.encode(T, col, List.of(1)));
    }

    @Property(tries = 300)
    void vacmViewTreeRoundTrips(@ForAll @StringLength(max = 32) String view,
                                @ForAll @Size(max = 20) List<@IntRange(min = 0) Integer> subtree) {
        MibNode col = T.node("vacmViewTreeFamilyMask");
        byte[] name = view.getBytes(StandardCharsets.UTF_8);
        int[] oid = subtree.stream().mapToInt(Integer::intValue).toArray();
        int[] s = IndexCodec.encode(T, col, List.of(name, oid));
        assertEquals(2 + name.length + oid.length, s.length);
        List<IndexCodec.IndexValue> back = IndexCodec.decode(T, col, s, 0, s.length);
        assertArrayEquals(name, (byte[]) back.get(0).value());
        assertArrayEquals(oid, (int[]) back.get(1).value());
        // a truncated suffix never decodes to a full set of values
        if (s.length > 1) {
            assertNull(IndexCodec.decode(T, col, s, 0, s.length - 1));
        }
    }

    @Property(tries = 200)
    void resolveAgreesWithEncode(@ForAll @IntRange(min = 0, max = 1000) int model,
                                 @ForAll @StringLength(min = 0, max = 20) @net.jqwik.api.constraints.AlphaChars String name) {
        Resolved r = T.resolve("vacmGroupName." + model + ".\"" + name + "\"", 0);
        int[] expect = IndexCodec.encode(T, T.node("vacmGroupName"), List.of(model, name));
        assertArrayEquals(expect, java.util.Arrays.copyOfRange(r.oid(), r.indexStart(), r.oid().length));
        assertEquals("vacmGroupName", r.node().name());
    }
}
