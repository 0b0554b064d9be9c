package io.varbind.codec;

/** A whole SNMP message: community-based (v1, v2c) or SNMPv3. */
public sealed interface SnmpMessage permits CommunityMessage, V3Message {
    /** msgVersion as on the wire: 0 (v1), 1 (v2c) or 3. */
    int version();
}
