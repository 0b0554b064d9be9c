package io.varbind.mib;

/**
 * An OID spelling resolved against a tree: the full numeric OID, the longest node that matches it
 * (null for a purely numeric OID under no known node) and where the instance suffix starts.
 */
public record Resolved(int[] oid, MibNode node, int indexStart) {
    /** The instance suffix as dotted numbers (easysnmp's oid_index with numeric output); "" when none. */
    public String numericIndex() {
        if (indexStart >= oid.length) {
            return "";
        }
        int[] s = java.util.Arrays.copyOfRange(oid, indexStart, oid.length);
        return OidFormat.numeric(s, s.length);
    }

    /** Dotted numeric OID without a leading dot. */
    public String numeric() {
        return OidFormat.numeric(oid, oid.length);
    }
}
