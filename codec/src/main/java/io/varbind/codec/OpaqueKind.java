package io.varbind.codec;

/**
 * What an Opaque value wraps. Net-SNMP encodes float, double, Integer64 and Unsigned64 inside an
 * Opaque as an extension tag (0x9F followed by 0x78, 0x79, 0x7A or 0x7B; 0x76 for Counter64);
 * anything else is {@link #NONE}, opaque octets.
 */
public enum OpaqueKind {
    NONE, FLOAT, DOUBLE, INT64, UINT64, COUNTER64
}
