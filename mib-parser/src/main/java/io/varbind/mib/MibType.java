package io.varbind.mib;

import java.util.List;
import java.util.Map;

/** A named type of a module: a TEXTUAL-CONVENTION (RFC 2579) or a plain type assignment. */
public final class MibType {
    private final String module;
    private final String name;
    private final MibKind kind;
    private final String tc;
    private final String status;
    final TypeFacts facts;

    MibType(String module, String name, MibKind kind, String tc, String status, TypeFacts facts) {
        this.module = module;
        this.name = name;
        this.kind = kind;
        this.tc = tc;
        this.status = status;
        this.facts = facts;
    }

    public String module() { return module; }
    public String name() { return name; }
    /** {@code tc} or {@code type}. */
    public String kind() { return kind.label(); }
    /** {@link MibKind#TEXTUAL_CONVENTION} or {@link MibKind#TYPE}. */
    public MibKind mibKind() { return kind; }
    /** The named type this one refines, as {@code MODULE::Name}; null when it refines a base type. */
    public String tc() { return tc; }
    public String status() { return status; }
    public String baseType() { return facts.base; }
    public String hint() { return facts.hint; }
    public Map<Long, String> enums() { return facts.enums(); }
    public Long enumValue(String label) { return facts.enumValue(label); }
    public Map<String, Integer> bits() { return facts.bits(); }
    public List<long[]> ranges() { return facts.ranges == null ? List.of() : facts.ranges; }
    public List<long[]> sizes() { return facts.sizes == null ? List.of() : facts.sizes; }

    @Override
    public String toString() {
        return module + "::" + name;
    }
}
