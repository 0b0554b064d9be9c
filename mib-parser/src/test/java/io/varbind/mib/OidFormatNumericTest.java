package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Dotted numeric OIDs: every arc unsigned (RFC 2578 section 3.5 allows sub-identifiers up to 2^32-1). */
class OidFormatNumericTest {

    @Test
    void arcsPrintUnsignedAtEveryMagnitude() {
        int[] oid = {1, 3, 0, 9, 10, Integer.MAX_VALUE, Integer.MIN_VALUE, -1};
        assertEquals("1.3.0.9.10.2147483647.2147483648.4294967295", OidFormat.numeric(oid, oid.length));
        assertEquals("1.3", OidFormat.numeric(oid, 2));
        assertEquals("", OidFormat.numeric(oid, 0));
        assertEquals(".1.3.0", OidFormat.appendNumeric(new StringBuilder("."), oid, 3).toString());
    }
}
