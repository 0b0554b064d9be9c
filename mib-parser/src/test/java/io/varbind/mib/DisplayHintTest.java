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
        assertEquals("2024-1-2,3:4:5.0,+0:0", DisplayHint.formatOctets(T.type("DateAndTime").hint(), dt));
        assertEquals("0:c:29:a:ff:1", DisplayHint.formatOctets(T.node("ifPhysAddress").hint(),
                new byte[] {0, 12, 41, 10, (byte) 255, 1}));
        assertEquals("hello", DisplayHint.formatOctets(T.node("sysDescr").hint(), "hello".getBytes()));
        assertEquals("10.0.0.1", DisplayHint.formatOctets("1d.1d.1d.1d", new byte[] {10, 0, 0, 1}));
        // a repeat count (the '*' form of RFC 2579 section 3.1)
        assertEquals("1.2/3", DisplayHint.formatOctets("*1d./1d", new byte[] {2, 1, 2, 3}));
        assertNull(DisplayHint.formatOctets("zz", new byte[] {1}));
        assertNull(DisplayHint.formatOctets("0x", new byte[] {1}));
    }

    @Test
    void integerHints() {
        assertEquals("12.34", DisplayHint.formatInteger("d-2", 1234));
        assertEquals("-0.05", DisplayHint.formatInteger("d-2", -5));
        assertEquals("ff", DisplayHint.formatInteger("x", 255));
        assertEquals("101", DisplayHint.formatInteger("b", 5));
        assertNull(DisplayHint.formatInteger("q", 5));
    }

    @Property(tries = 300)
    void neverThrows(@ForAll String hint, @ForAll byte[] value, @ForAll long n) {
        String s = DisplayHint.formatOctets(hint, value);
        assertTrue(s == null || s.length() <= value.length * 24 + 8);
        DisplayHint.formatInteger(hint, n);
    }
}
