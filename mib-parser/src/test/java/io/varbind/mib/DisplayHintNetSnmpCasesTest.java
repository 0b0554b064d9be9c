package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * DISPLAY-HINT rendering. Expected strings are what Net-SNMP 5.9.3 printed for the same octets
 * ({@code snmpget} against the test snmpd with MIBDIRS=/work/shared/mibs): ifPhysAddress (hint
 * {@code 1x:}) and hrSystemDate (DateAndTime, {@code 2d-1d-1d,1d:1d:1d.1d,1a1d:1d}).
 */
class DisplayHintNetSnmpCasesTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void macAddressesAreNotZeroPadded() {
        // snmpget: IF-MIB::ifPhysAddress.4 = STRING: 2:fc:0:0:0:1
        assertEquals("2:fc:0:0:0:1", DisplayHint.octets("1x:", bytes(0x02, 0xfc, 0, 0, 0, 1)));
        // snmpget: IF-MIB::ifPhysAddress.3 = STRING: a:94:e2:16:b6:fe
        assertEquals("a:94:e2:16:b6:fe", DisplayHint.octets("1x:", bytes(0x0a, 0x94, 0xe2, 0x16, 0xb6, 0xfe)));
        // snmpget: IF-MIB::ifPhysAddress.1 = STRING: (empty)
        assertEquals("", DisplayHint.octets("1x:", new byte[0]));
    }

    @Test
    void dateAndTime() {
        // snmpget: HOST-RESOURCES-MIB::hrSystemDate.0 = STRING: 2026-11-23,23:43:24.0,+0:0
        // (RFC 2579 DateAndTime octets: 07 EA 0B 17 17 2B 18 00 '+' 00 00)
        assertEquals("2026-11-23,23:43:24.0,+0:0", DisplayHint.octets("2d-1d-1d,1d:1d:1d.1d,1a1d:1d",
                bytes(0x07, 0xea, 11, 23, 23, 43, 24, 0, '+', 0, 0)));
        // the 8-octet form has no zone: the separator after the deciseconds is not written
        assertEquals("2026-11-23,23:43:24.0", DisplayHint.octets("2d-1d-1d,1d:1d:1d.1d,1a1d:1d",
                bytes(0x07, 0xea, 11, 23, 23, 43, 24, 0)));
    }

    @Test
    void asciiHint() {
        // snmpget: SNMPv2-MIB::sysDescr.0 = STRING: varbind test agent (DisplayString, 255a)
        assertEquals("varbind test agent", DisplayHint.octets("255a", "varbind test agent".getBytes()));
    }

    @Test
    void badHintsFallBack() {
        assertNull(DisplayHint.octets("", bytes(1)));
        assertNull(DisplayHint.octets("1q", bytes(1)));
        assertNull(DisplayHint.octets("12", bytes(1)));
        assertNull(DisplayHint.integer("z", 5, false));
    }

    @Test
    void integerHintsPlaceTheDecimalPoint() {
        // RFC 2579 3.1: "d-2" with 1234 displays 12.34
        assertEquals("12.34", DisplayHint.integer("d-2", 1234, false));
        assertEquals("ff", DisplayHint.integer("x", 255, false));
        assertEquals("17", DisplayHint.integer("o", 15, false));
        assertEquals("00000000000000000000000000000101", DisplayHint.integer("b", 5, false)); // 32 bits, as Net-SNMP
    }

    @Property(tries = 300)
    void anyHintOnAnyOctetsNeverThrows(@ForAll String hint, @ForAll byte[] octets) {
        DisplayHint.octets(hint, octets); // null or text, never an exception
    }
}
