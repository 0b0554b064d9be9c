package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** DISPLAY-HINT examples of RFC 2579 and the hints of the standard set. */
class DisplayHintTest {
    static final MibTree T = MibTree.builtIn();

    @Test
    void octetHints() {
        // DateAndTime: 2d-1d-1d,1d:1d:1d.1d,1a1d:1d (RFC 2579 section 2)
        byte[] dt = {0x07, (byte) 0xe8, 1, 2, 3, 4, 5, 0, '+', 0, 0};
        assertEquals("2024-1-2,3:4:5.0,+0:0", DisplayHint.octets(T.type("DateAndTime").hint(), dt));
        assertEquals("0:c:29:a:ff:1", DisplayHint.octets(T.node("ifPhysAddress").hint(),
                new byte[] {0, 12, 41, 10, (byte) 255, 1}));
        assertEquals("hello", DisplayHint.octets(T.node("sysDescr").hint(), "hello".getBytes()));
        assertEquals("10.0.0.1", DisplayHint.octets("1d.1d.1d.1d", new byte[] {10, 0, 0, 1}));
        // a repeat count (the '*' form of RFC 2579 section 3.1)
        assertEquals("1.2./3", DisplayHint.octets("*1d./1d", new byte[] {2, 1, 2, 3})); // Net-SNMP 5.9.3
        assertNull(DisplayHint.octets("zz", new byte[] {1}));
        // where the two former implementations disagreed, Net-SNMP's renderings: a field without a
        // width is one octet wide, an implied decimal point has no leading zero
        assertEquals("123456", DisplayHint.octets("d", new byte[] {1, 2, 3, 4, 5, 6}));
        assertEquals(".05", DisplayHint.integer("d-2", 5, false));
    }

    @Test
    void integerHints() {
        assertEquals("12.34", DisplayHint.integer("d-2", 1234, false));
        assertEquals("-.05", DisplayHint.integer("d-2", -5, false)); // as Net-SNMP prints it
        assertEquals("ff", DisplayHint.integer("x", 255, false));
        assertEquals("00000000000000000000000000000101", DisplayHint.integer("b", 5, false)); // 32 bits, as Net-SNMP
        assertNull(DisplayHint.integer("q", 5, false));
    }

    @Property(tries = 300)
    void neverThrows(@ForAll String hint, @ForAll byte[] value, @ForAll long n) {
        String s = DisplayHint.octets(hint, value);
        assertTrue(s == null || s.length() <= value.length * 24 + 8);
        DisplayHint.integer(hint, n, false);
    }
}
