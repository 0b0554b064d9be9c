package io.varbind.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.varbind.mib.MibTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * easysnmp's oid/oid_index split of received names. Every expected pair was printed by
 * python3-easysnmp 0.2.6 (Net-SNMP 5.9.3, MIBDIRS=/work/shared/mibs MIBS=ALL) for a GET or walk of
 * the same OID against the test snmpd, e.g. {@code repr(Session(...).get('sysUpTime.0'))}.
 */
class EasyNamesTest {

    static MibTree tree;

    @BeforeAll
    static void loadMibs() {
        tree = MibTree.of(java.util.List.of(io.varbind.testing.TestMibs.folder()), true);
    }

    private static int[] arcs(String dotted) {
        String[] p = dotted.replaceFirst("^\\.", "").split("\\.");
        int[] a = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            a[i] = (int) Long.parseLong(p[i]);
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // oid | useLongNames | useNumeric | expected oid | expected index
        "1.3.6.1.2.1.1.3.0 | false | false | sysUpTimeInstance | ''",
        "1.3.6.1.2.1.1.1.0 | false | false | sysDescr | 0",
        "1.3.6.1.2.1.2.2.1.1.1 | false | false | ifIndex | 1",
        "1.3.6.1.2.1.4.20.1.1.127.0.0.1 | false | false | ipAdEntAddr | 127.0.0.1",
        "1.3.6.1.4.1.8072.1.5.3.1.2.1.3.6.1.2.1.2.2 | false | false | nsCacheTimeout | 1.3.6.1.2.1.2.2",
        "1.3.6.1.2.1.88.1.4.2.1.3.6.95.115.110.109.112.100.95.108.105.110.107.85.112 | false | false | mteEventActions | 6.95.115.110.109.112.100.95.108.105.110.107.85.112",
        "1.3.6.1.2.1.4.24.7.1.10.1.4.0.0.0.0.0.2.0.0.1.4.192.0.2.1 | false | false | inetCidrRouteAge | 1.4.0.0.0.0.0.2.0.0.1.4.192.0.2.1",
        "1.3.6.1.2.1.1.99.0 | false | false | system.99.0 | ''",
        "1.9 | false | false | iso.9 | ''",
        "1.3.6.1.2.1.1.3.0 | false | true | .1.3.6.1.2.1.1.3 | 0",
        "1.3.6.1.2.1.1.4.0 | true | true | .1.3.6.1.2.1.1.4 | 0",
        "1.3.6.1.2.1.4.20.1.1.127.0.0.1 | false | true | .1.3.6.1.2.1.4.20.1.1.127.0.0 | 1",
        "1.3.6.1.2.1.1.3.0 | true | false | .iso.org.dod.internet.mgmt.mib-2.system.sysUpTime.sysUpTimeInstance | ''",
        "1.3.6.1.2.1.1.1.0 | true | false | .iso.org.dod.internet.mgmt.mib-2.system.sysDescr | 0",
        "1.3.6.1.4.1.2021.10.1.6.1 | true | false | .iso.org.dod.internet.private.enterprises.ucdavis.laTable.laEntry.laLoadFloat | 1",
        "1.3.6.1.2.1.31.1.1.1.6.1 | true | false | .iso.org.dod.internet.mgmt.mib-2.ifMIB.ifMIBObjects.ifXTable.ifXEntry.ifHCInOctets | 1",
        // non-leaf names with long names: wholly named ones stay, numbers left over replace the first four characters
        "1.3 | true | false | .iso.org | ''",
        "1.3.6 | true | false | .iso.org.dod | ''",
        "1.3.6.1.2.1.31.1.1.1 | true | false | .iso.org.dod.internet.mgmt.mib-2.ifMIB.ifMIBObjects.ifXTable.ifXEntry | ''",
        "1.9 | true | false | .1.9 | ''",
        "1.3.6.1.2.1.1.99.0 | true | false | .iso.org.dod.internet.mgmt.mib-2.system.99.0 | ''",
        "0.1 | true | false | .0tt.1 | ''",
        "0.1 | false | false | ccitt.1 | ''",
        "0.1 | false | true | .0 | 1",
    })
    void splitsAsEasysnmp(String oid, boolean longNames, boolean numeric, String expectedOid, String expectedIndex) {
        assertArrayEquals(new String[] {expectedOid, expectedIndex},
                EasyNames.split(arcs(oid), tree, longNames, numeric));
    }
}
