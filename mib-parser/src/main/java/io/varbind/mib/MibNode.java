package io.varbind.mib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One named OID of a module, with its resolved syntax facts. Immutable once its tree is built;
 * {@link #parent()} and {@link #children()} follow the tree that holds it.
 */
public final class MibNode {
    private final String module;
    private final String name;
    final int[] oid;
    private final MibKind kind;
    String nodeType;
    private final String tc;
    final TypeFacts facts;
    private final String access;
    private final String status;
    private final String units;
    private final String defval;
    private final List<String> index;
    private final boolean implied;
    private final String augments;
    private final List<String> objects;
    /** The tree position: set when the tree is built. */
    OidTrie.Entry entry;

    MibNode(String module, String name, int[] oid, MibKind kind, String nodeType, String tc, TypeFacts facts,
            String access, String status, String units, String defval, List<String> index, boolean implied,
            String augments, List<String> objects) {
        this.module = module;
        this.name = name;
        this.oid = oid;
        this.kind = kind;
        this.nodeType = nodeType;
        this.tc = tc;
        this.facts = facts == null ? TypeFacts.NONE : facts;
        this.access = access;
        this.status = status;
        this.units = units;
        this.defval = defval;
        this.index = index == null ? List.of() : index;
        this.implied = implied;
        this.augments = augments;
        this.objects = objects == null ? List.of() : objects;
    }

    public String module() { return module; }
    public String name() { return name; }
    /** {@code MODULE::name}. */
    public String qualifiedName() { return module + "::" + name; }
    /** A copy of the numeric OID. */
    public int[] oid() { return oid.clone(); }
    public int oidLength() { return oid.length; }
    /** Dotted numeric OID without a leading dot. */
    public String oidString() { return OidFormat.numeric(oid, oid.length); }
    /** The {@code mib dump} kind: {@code object-type}, {@code oid-assignment}, {@code notification}, ... */
    public String kind() { return kind.label(); }
    public MibKind mibKind() { return kind; }
    /** {@code scalar, table, row, column, node, notification, group, compliance}. */
    public String nodeType() { return nodeType; }
    /** The base syntax as {@code mib dump} spells it ({@code INTEGER}, {@code OCTET STRING}, ...), or null. */
    public String baseType() { return facts.base; }
    /** The nearest named type of the syntax, {@code MODULE::Name}; null for a base type. */
    public String tc() { return tc; }
    /** The DISPLAY-HINT resolved up the TC chain, or null. */
    public String hint() { return facts.hint; }
    public Map<Long, String> enums() { return facts.enums(); }
    public Long enumValue(String label) { return facts.enumValue(label); }
    public Map<String, Integer> bits() { return facts.bits(); }
    public List<long[]> ranges() { return facts.ranges == null ? List.of() : facts.ranges; }
    public List<long[]> sizes() { return facts.sizes == null ? List.of() : facts.sizes; }
    public String access() { return access; }
    public String status() { return status; }
    public String units() { return units; }
    public String defval() { return defval; }
    public List<String> index() { return index; }
    public boolean implied() { return implied; }
    public String augments() { return augments; }
    /** A notification's OBJECTS/VARIABLES or a group's members. */
    public List<String> objects() { return objects; }

    /** The nearest named ancestor in this node's tree, or null at a root. */
    public MibNode parent() {
        OidTrie.Entry e = entry == null ? null : entry.parent;
        while (e != null && e.node == null) {
            e = e.parent;
        }
        return e == null ? null : e.node;
    }

    /** The named children, by ascending arc (unnamed gaps are skipped through). */
    public List<MibNode> children() {
        List<MibNode> out = new ArrayList<>();
        if (entry != null) {
            entry.collectChildren(out);
        }
        return out;
    }

    @Override
    public String toString() {
        return module + "::" + name + " (" + oidString() + ")";
    }

    boolean sameOid(int[] other) {
        return Arrays.equals(oid, other);
    }
}
