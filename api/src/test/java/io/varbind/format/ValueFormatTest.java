package io.varbind.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.varbind.codec.Variable;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import org.junit.jupiter.api.Test;

/** Values as Net-SNMP prints them where Java's formatting or quick print differ from C's. */
class ValueFormatTest {

    @Test
    void floatsRoundAsCsPrintfDoes() {
        // exact binary ties go to even in C; values just off a tie round to the nearest
        assertEquals("9.101562", ValueFormat.cFixed(9.1015625f));
        assertEquals("0.000000", ValueFormat.cFixed(0.0000005));
        assertEquals("0.000002", ValueFormat.cFixed(0.0000015));
        assertEquals("-1.500000", ValueFormat.cFixed(-1.5));
        assertEquals("-0.000000", ValueFormat.cFixed(-0.0));
        assertEquals("12345678.125000", ValueFormat.cFixed(12345678.125));
        assertEquals("nan", ValueFormat.cFixed(Double.NaN));
        assertEquals("-inf", ValueFormat.cFixed(Double.NEGATIVE_INFINITY));
    }

    @Test
    void bitsUnderQuickPrintAreTheQuotedOctetsWithoutLabels() {
        MibTree tree = MibTree.defaultTree();
        MibNode node = tree.node("NET-SNMP-AGENT-MIB::nsModuleModes");
        Variable v = Variable.octetString(new byte[] {(byte) 0xA0});
        assertEquals("\"A0 \"", ValueFormat.netSnmp(v, node, tree, OutputOptions.parse("q")));
        assertEquals("BITS: A0 getAndGetNext(0) getBulk(2) ", ValueFormat.netSnmp(v, node, tree, OutputOptions.DEFAULT));
    }
}
