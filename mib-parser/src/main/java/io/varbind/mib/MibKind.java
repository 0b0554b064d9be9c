package io.varbind.mib;

/** What a definition is, with the {@code kind} string of {@code mib dump} (CLI.md). */
public enum MibKind {
    MODULE_IDENTITY("module-identity"),
    OBJECT_IDENTITY("object-identity"),
    OID_ASSIGNMENT("oid-assignment"),
    OBJECT_TYPE("object-type"),
    NOTIFICATION("notification"),
    OBJECT_GROUP("object-group"),
    NOTIFICATION_GROUP("notification-group"),
    MODULE_COMPLIANCE("module-compliance"),
    AGENT_CAPABILITIES("agent-capabilities"),
    TEXTUAL_CONVENTION("tc"),
    TYPE("type");

    private final String label;

    MibKind(String label) {
        this.label = label;
    }

    /** The spelling used by {@code mib dump}. */
    public String label() {
        return label;
    }

    static MibKind ofLabel(String s) {
        for (MibKind k : values()) {
            if (k.label.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind " + s);
    }
}
