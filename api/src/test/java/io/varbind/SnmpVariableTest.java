package io.varbind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * SnmpVariable against easysnmp's SNMPVariable. Every expected repr below was printed by
 * {@code /usr/bin/python3 -c 'from easysnmp import SNMPVariable as V; print(repr(V(...)))'}
 * (python3-easysnmp 0.2.6, Debian 12) with the same arguments.
 */
class SnmpVariableTest {

    @Test
    void splitsTheIndexOffAsEasysnmpDoes() {
        assertEquals("<SNMPVariable value=None (oid='sysDescr', oid_index='0', snmp_type=None)>",
                new SnmpVariable("sysDescr.0", null, null, null).toString());
        // a numeric OID stays whole, with an empty index
        assertEquals("<SNMPVariable value=None (oid='.1.3.6.1.2.1.1.1.0', oid_index='', snmp_type=None)>",
                new SnmpVariable(".1.3.6.1.2.1.1.1.0", null, null, null).toString());
        assertEquals("<SNMPVariable value=\"it's\" (oid='SNMPv2-MIB::sysDescr', oid_index='0', snmp_type=None)>",
                new SnmpVariable("SNMPv2-MIB::sysDescr.0", null, "it's", null).toString());
        assertEquals("<SNMPVariable value='a\"b\\'c' (oid='nsExtendOutput1Line', oid_index='\"hello\"', snmp_type=None)>",
                new SnmpVariable("nsExtendOutput1Line.\"hello\"", null, "a\"b'c", null).toString());
        // a one-letter name matches none of easysnmp's patterns: nothing is split, the index stays None
        assertEquals("<SNMPVariable value=None (oid='a.0', oid_index=None, snmp_type=None)>",
                new SnmpVariable("a.0", null, null, null).toString());
        assertEquals("<SNMPVariable value=None (oid='iso', oid_index='', snmp_type=None)>",
                new SnmpVariable("iso", null, null, null).toString());
        assertEquals("<SNMPVariable value=None (oid=None, oid_index=None, snmp_type=None)>",
                new SnmpVariable(null, null, null, null).toString());
        SnmpVariable ip = new SnmpVariable("ipAdEntAddr.127.0.0.1", null, null, "IPADDR");
        assertEquals("ipAdEntAddr", ip.oid());
        assertEquals("127.0.0.1", ip.oidIndex());
    }

    @Test
    void aGivenIndexIsKept() {
        assertEquals("<SNMPVariable value=None (oid='.iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0', "
                        + "oid_index='x', snmp_type=None)>",
                new SnmpVariable(".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0", "x", null, null).toString());
    }

    @Test
    void valuesAreKeptAsStrings() {
        assertEquals("<SNMPVariable value='1234' (oid='sysDescr', oid_index='0', snmp_type=None)>",
                SnmpVariable.of("sysDescr.0", 1234).toString());
        assertEquals("<SNMPVariable value='1.5' (oid='sysDescr', oid_index='0', snmp_type=None)>",
                SnmpVariable.of("sysDescr.0", 1.5).toString());
        assertEquals("1234", SnmpVariable.of("sysDescr.0", 1234L).value());
        assertEquals("10.1.2.3", SnmpVariable.of("x.0", ipOf(10, 1, 2, 3)).value());
    }

    private static InetAddress ipOf(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reprStripsNonPrintableAsEasysnmp() {
        assertEquals("<SNMPVariable value='tab\\there\\nnl (contains binary)' (oid='sysDescr', oid_index='', snmp_type=None)>",
                new SnmpVariable("sysDescr", null, "tab\there\nnl\u0000\u0001", null).toString());
        assertEquals("<SNMPVariable value='(contains binary)' (oid='ifDescr', oid_index='1', snmp_type=None)>",
                new SnmpVariable("ifDescr", "1", "\u0080\u00ff", null).toString());
        assertEquals("<SNMPVariable value='\\x0b\\x0c' (oid='ipAdEntAddr', oid_index='127.0.0.1', snmp_type='IPADDR')>",
                new SnmpVariable("ipAdEntAddr.127.0.0.1", null, "\u000b\u000c", "IPADDR").toString());
        assertEquals("<SNMPVariable value='back\\\\slash' (oid='sysName', oid_index='0', snmp_type=None)>",
                new SnmpVariable("sysName.0", null, "back\\slash", null).toString());
        assertEquals("<SNMPVariable value='(contains binary)' (oid='x', oid_index=None, snmp_type=None)>",
                new SnmpVariable("x", null, "\u00e9", null).toString());
    }

    @Test
    void bytesAreOneCharacterEach() {
        byte[] raw = {0x3a, (byte) 0x9b, 0x63, (byte) 0xdc, 0, (byte) 0xff};
        SnmpVariable v = new SnmpVariable("ifPhysAddress", "2", raw, "OCTETSTR");
        assertEquals(6, v.value().length());
        assertEquals('\u009b', v.value().charAt(1));
        assertArrayEquals(raw, v.valueBytes());
        v.valueBytes()[0] = 1; // a copy each time
        assertArrayEquals(raw, v.valueBytes());
        assertArrayEquals("h\u00e9".getBytes(StandardCharsets.ISO_8859_1), SnmpVariable.of("x.0", "h\u00e9").valueBytes());
        assertArrayEquals("\u20ac".getBytes(StandardCharsets.UTF_8), SnmpVariable.of("x.0", "\u20ac").valueBytes());
        assertNull(new SnmpVariable("x.0", null, null, null).valueBytes());
    }

    @Test
    void nameJoinsOidAndIndex() {
        assertEquals("sysDescr.0", new SnmpVariable("sysDescr", "0", null, null).name());
        assertEquals("sysDescr.0", new SnmpVariable("sysDescr", ".0", null, null).name());
        assertEquals("sysUpTimeInstance", new SnmpVariable("sysUpTimeInstance", "", null, null).name());
    }

    @Test
    void equalityOverTheFourFields() {
        SnmpVariable a = new SnmpVariable("sysDescr", "0", "x", "OCTETSTR");
        assertEquals(a, new SnmpVariable("sysDescr.0", null, "x", "OCTETSTR"));
        assertEquals(a.hashCode(), new SnmpVariable("sysDescr.0", null, "x", "OCTETSTR").hashCode());
        assertNotEquals(a, new SnmpVariable("sysDescr", "1", "x", "OCTETSTR"));
        assertNotEquals(a, new SnmpVariable("sysDescr", "0", "y", "OCTETSTR"));
        assertNotEquals(a, new SnmpVariable("sysDescr", "0", "x", "INTEGER"));
    }
}
