package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayHintReadBackTest {

    @Test
    void physAddressAsNetSnmpPrintsIt() {
        assertArrayEquals(new byte[] {2, (byte) 0xfc, 0, 0, 0, 1}, DisplayHint.parseOctets("1x:", "2:fc:0:0:0:1"));
        assertArrayEquals(new byte[] {0x3a, (byte) 0x9b}, DisplayHint.parseOctets("1x:", "3a:9b"));
    }

    @Test
    void dateAndTime() {
        // 2026-11-23,23:59:01.0,+1:0 per RFC 2579's DateAndTime layout
        assertArrayEquals(new byte[] {0x07, (byte) 0xea, 11, 23, 23, 59, 1, 0, '+', 1, 0},
                DisplayHint.parseOctets("2d-1d-1d,1d:1d:1d.1d,1a1d:1d", "2026-11-23,23:59:1.0,+1:0"));
    }

    @Test
    void textHintsAndNonsense() {
        assertTrue(DisplayHint.isText("255a"));
        assertTrue(DisplayHint.isText("255t"));
        assertFalse(DisplayHint.isText("1x:"));
        assertNull(DisplayHint.parseOctets("1x:", "zz:01"));
        assertNull(DisplayHint.parseOctets("*1x:", "01"));
        assertNull(DisplayHint.parseOctets("", "01"));
    }
}
