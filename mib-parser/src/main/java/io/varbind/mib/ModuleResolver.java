package io.varbind.mib;

import io.varbind.mib.ParsedModule.Definition;
import io.varbind.mib.ParsedModule.NamedNumber;
import io.varbind.mib.ParsedModule.Syntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns parsed modules into {@link MibModule}s: imports first (depth first, as Net-SNMP loads them),
 * then every name resolved lazily so that forward references and import cycles still work. A name
 * that is used but not imported is looked up among the loaded modules, as Net-SNMP does, with a warning.
 */
final class ModuleResolver {
    private static final Map<String, String> BASE_TYPES = Map.ofEntries(
            Map.entry("INTEGER", "INTEGER"), Map.entry("Integer32", "Integer32"),
            Map.entry("Unsigned32", "Unsigned32"), Map.entry("UInteger32", "Unsigned32"),
            Map.entry("Counter32", "Counter32"),
            Map.entry("Counter", "Counter32"), Map.entry("Gauge32", "Gauge32"), Map.entry("Gauge", "Gauge32"),
            Map.entry("TimeTicks", "TimeTicks"), Map.entry("Counter64", "Counter64"),
            Map.entry("IpAddress", "IpAddress"), Map.entry("NetworkAddress", "NetworkAddress"),
            Map.entry("Opaque", "Opaque"), Map.entry("OCTET STRING", "OCTET STRING"),
            Map.entry("OBJECT IDENTIFIER", "OBJECT IDENTIFIER"), Map.entry("BITS", "BITS"));

    /** The SMI roots and well-known nodes (RFC 1155 section 3.1, RFC 2578 section 2), used when no module defines them. */
    static final Map<String, int[]> WELL_KNOWN = new LinkedHashMap<>();

    static {
        WELL_KNOWN.put("ccitt", new int[] {0});
        WELL_KNOWN.put("iso", new int[] {1});
        WELL_KNOWN.put("joint-iso-ccitt", new int[] {2});
        WELL_KNOWN.put("zeroDotZero", new int[] {0, 0});
        WELL_KNOWN.put("org", new int[] {1, 3});
        WELL_KNOWN.put("dod", new int[] {1, 3, 6});
        WELL_KNOWN.put("internet", new int[] {1, 3, 6, 1});
        WELL_KNOWN.put("directory", new int[] {1, 3, 6, 1, 1});
        WELL_KNOWN.put("mgmt", new int[] {1, 3, 6, 1, 2});
        WELL_KNOWN.put("mib-2", new int[] {1, 3, 6, 1, 2, 1});
        WELL_KNOWN.put("transmission", new int[] {1, 3, 6, 1, 2, 1, 10});
        WELL_KNOWN.put("experimental", new int[] {1, 3, 6, 1, 3});
        WELL_KNOWN.put("private", new int[] {1, 3, 6, 1, 4});
        WELL_KNOWN.put("enterprises", new int[] {1, 3, 6, 1, 4, 1});
        WELL_KNOWN.put("security", new int[] {1, 3, 6, 1, 5});
        WELL_KNOWN.put("snmpV2", new int[] {1, 3, 6, 1, 6});
        WELL_KNOWN.put("snmpDomains", new int[] {1, 3, 6, 1, 6, 1});
        WELL_KNOWN.put("snmpProxys", new int[] {1, 3, 6, 1, 6, 2});
        WELL_KNOWN.put("snmpModules", new int[] {1, 3, 6, 1, 6, 3});
    }

    private static final Set<String> PSEUDO = Set.of("SNMPv2-SMI", "RFC1155-SMI", "RFC-1212", "RFC-1215",
            "SNMPv2-CONF", "RFC1065-SMI");

    static String baseName(String t) {
        return BASE_TYPES.get(t);
    }

    private record Typed(TypeFacts facts, String tc) { }

    private final ModuleIndex index;
    private final Map<String, MibModule> compiled;
    private final Map<String, ParsedModule> parsed = new HashMap<>();
    private final Set<Path> parsedFiles = new HashSet<>();
    final Map<String, MibModule> done = new LinkedHashMap<>();
    private final Map<String, Context> active = new LinkedHashMap<>();
    private final Set<String> compiledLoading = new HashSet<>();
    final List<MibProblem> problems = new ArrayList<>();
    /** Modules that could not be loaded at all (no text, or no usable module in their file). */
    final Set<String> failed = new HashSet<>();

    /** Definitions whose parent was unknown when their module loaded: Net-SNMP adopts such orphans later. */
    private record Deferred(Context ctx, Definition d) { }

    private final List<Deferred> deferred = new ArrayList<>();
    private boolean finalPass;

    /**
     * Retries the definitions whose parent no module had defined yet (a descriptor that is used
     * without being imported, from a module loaded later), until nothing more resolves; what is
     * left is reported.
     */
    void finish() {
        boolean progress = true;
        while (progress && !deferred.isEmpty()) {
            progress = false;
            List<Deferred> list = new ArrayList<>(deferred);
            deferred.clear();
            for (Deferred x : list) {
                x.ctx.failedDefs.remove(x.d);
            }
            for (Deferred x : list) {
                if (x.ctx.byDef.containsKey(x.d) || nodeDef(x.ctx, x.d) != null) {
                    progress = true;
                }
            }
        }
        finalPass = true;
        List<Deferred> list = new ArrayList<>(deferred);
        deferred.clear();
        for (Deferred x : list) {
            x.ctx.failedDefs.remove(x.d);
        }
        for (Deferred x : list) {
            nodeDef(x.ctx, x.d);
        }
    }

    /** Guards the recursion of lazy resolution against absurd chains of forward references. */
    private static final int MAX_DEPTH = 400;
    private int depth;

    ModuleResolver(ModuleIndex index, Map<String, MibModule> compiled) {
        this.index = index;
        this.compiled = compiled;
    }

    /** Loads a module (and what it imports) by name; null if it cannot be found or is being loaded. */
    MibModule load(String name) {
        MibModule m = done.get(name);
        if (m != null || active.containsKey(name)) {
            return m;
        }
        ParsedModule pm = parsedModule(name);
        if (pm != null) {
            return resolve(pm);
        }
        m = compiled.get(name);
        if (m != null) {
            if (compiledLoading.add(name)) {
                for (String imp : m.imports()) {
                    load(imp); // imports first, as for text modules
                }
                done.put(name, m);
            }
            return m;
        }
        if (PSEUDO.contains(name)) {
            m = pseudoModule(name);
            done.put(name, m);
            return m;
        }
        failed.add(name);
        return null;
    }

    private ParsedModule parsedModule(String name) {
        ParsedModule pm = parsed.get(name);
        if (pm != null || index == null) {
            return pm;
        }
        pm = index.parsed.remove(name);
        if (pm != null) {
            parsed.put(name, pm);
            return pm;
        }
        Path f = index.files.get(name);
        if (f == null || !parsedFiles.add(f)) {
            return null;
        }
        byte[] src;
        try {
            src = Files.readAllBytes(f);
        } catch (IOException e) {
            problems.add(new MibProblem(f.toString(), 0, 0, name, MibProblem.Severity.ERROR, "cannot read: " + e));
            return null;
        }
        List<MibProblem> orphans = new ArrayList<>();
        List<ParsedModule> mods = MibParser.parse(src, f.toString(), orphans);
        problems.addAll(orphans);
        for (ParsedModule x : mods) {
            // the first folder on the path wins: keep only modules this file is indexed for
            if (f.equals(index.files.get(x.name))) {
                parsed.putIfAbsent(x.name, x);
            }
        }
        return parsed.get(name);
    }

    /** Adds an already parsed module (from {@code MibTree.load} of a single file). */
    void offer(ParsedModule pm) {
        parsed.putIfAbsent(pm.name, pm);
    }

    private MibModule pseudoModule(String name) {
        MibModule m = new MibModule(name, null);
        if (name.equals("SNMPv2-SMI") || name.equals("RFC1155-SMI") || name.equals("RFC1065-SMI")) {
            for (Map.Entry<String, int[]> e : WELL_KNOWN.entrySet()) {
                if (e.getValue().length > 1 && (name.equals("SNMPv2-SMI") || e.getValue().length <= 6)) {
                    m.add(new MibNode(name, e.getKey(), e.getValue(), MibKind.OID_ASSIGNMENT, "node", null, null,
                            null, null, null, null, null, false, null, null));
                }
            }
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------

    private final class Context {
        final ParsedModule pm;
        final MibModule out;
        final Map<String, Definition> defs = new HashMap<>();
        final Map<String, MibNode> nodes = new HashMap<>();
        final Map<String, MibType> types = new HashMap<>();
        final Set<String> resolving = new HashSet<>();
        final Set<String> failedNames = new HashSet<>();
        /** OID definitions by identity: a module may define one descriptor twice, as Net-SNMP accepts. */
        final Map<Definition, MibNode> byDef = new java.util.IdentityHashMap<>();
        /** Earlier OID definitions of a descriptor defined more than once. */
        final Map<String, List<Definition>> earlier = new HashMap<>();
        final Set<Definition> failedDefs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final Set<Definition> resolvingDefs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Context(ParsedModule pm) {
            this.pm = pm;
            this.out = new MibModule(pm.name, pm.file);
            out.imports.addAll(pm.importedModules);
        }

        void problem(Definition d, MibProblem.Severity sev, String msg) {
            problems.add(new MibProblem(pm.file, d == null ? pm.line : d.line, d == null ? pm.column : d.column,
                    pm.name, sev, msg));
        }
    }

    private MibModule resolve(ParsedModule pm) {
        Context ctx = new Context(pm);
        active.put(pm.name, ctx);
        problems.addAll(pm.problems);
        for (Definition d : pm.definitions) {
            Definition prev = ctx.defs.putIfAbsent(d.name, d);
            if (prev != null) {
                ctx.problem(d, MibProblem.Severity.WARNING, d.name + " is defined twice (first at line " + prev.line + ")");
                if (isOidDef(prev) && isOidDef(d)) {
                    // both are kept; the first one names children, as in Net-SNMP, unless only the
                    // later one can have children (the first is a trap or a column reusing the name)
                    Definition current = ctx.defs.get(d.name);
                    if (container(d) && !container(current)) {
                        ctx.defs.put(d.name, d);
                        ctx.earlier.computeIfAbsent(d.name, k -> new ArrayList<>()).add(0, current);
                    } else {
                        ctx.earlier.computeIfAbsent(d.name, k -> new ArrayList<>()).add(d);
                    }
                }
            }
        }
        for (String imp : pm.importedModules) {
            if (imp.equals(pm.name)) {
                continue;
            }
            if (active.containsKey(imp)) {
                ctx.problem(null, MibProblem.Severity.WARNING, "import cycle: " + pm.name + " and " + imp + " import each other");
                continue;
            }
            if (load(imp) == null && !active.containsKey(imp)) {
                ctx.problem(null, MibProblem.Severity.WARNING, "imported module " + imp + " not found");
            }
        }
        for (Definition d : pm.definitions) {
            if (d.kind == MibKind.TEXTUAL_CONVENTION || d.kind == MibKind.TYPE) {
                typeDef(ctx, d);
            }
        }
        for (Definition d : pm.definitions) {
            if (d.kind != MibKind.TEXTUAL_CONVENTION && d.kind != MibKind.TYPE) {
                nodeDef(ctx, d);
            }
        }
        ctx.out.bind(ctx.nodes);
        active.remove(pm.name);
        done.put(pm.name, ctx.out);
        return ctx.out;
    }

    // ----------------------------------------------------------------------------- OIDs

    /** Whether a definition can have children: not a notification, scalar or column. */
    private static boolean container(Definition d) {
        switch (d.kind) {
            case NOTIFICATION:
                return false;
            case OBJECT_TYPE:
                return d.index != null || d.augments != null || (d.syntax != null && (d.syntax.sequenceOf || d.syntax.sequence));
            default:
                return true;
        }
    }

    private static boolean isOidDef(Definition d) {
        return d.kind != MibKind.TEXTUAL_CONVENTION && d.kind != MibKind.TYPE;
    }

    private MibNode nodeDef(Context ctx, Definition d) {
        MibNode n = ctx.byDef.get(d);
        if (n != null || ctx.failedDefs.contains(d)) {
            return n;
        }
        if (!ctx.resolvingDefs.add(d)) {
            ctx.problem(d, MibProblem.Severity.ERROR, "the OID of " + d.name + " is defined in terms of itself");
            ctx.failedDefs.add(d);
            return null;
        }
        if (depth >= MAX_DEPTH) {
            ctx.problem(d, MibProblem.Severity.ERROR, "chain of forward references too deep at " + d.name);
            ctx.failedDefs.add(d);
            ctx.resolvingDefs.remove(d);
            return null;
        }
        depth++;
        try {
            int[] oid;
            if (d.trapNumber >= 0) {
                int[] ent = d.enterprise == null ? null : oidOf(ctx, d.enterprise, d);
                if (ent == null) {
                    if (finalPass || d.enterprise == null) {
                        ctx.problem(d, MibProblem.Severity.ERROR, "ENTERPRISE " + d.enterprise + " of " + d.name + " is unknown");
                    } else {
                        deferred.add(new Deferred(ctx, d));
                    }
                    ctx.failedDefs.add(d);
                    return null;
                }
                oid = Arrays.copyOf(ent, ent.length + 2);
                oid[ent.length + 1] = (int) d.trapNumber;
            } else {
                oid = oidValue(ctx, d);
                if (oid == null) {
                    ctx.failedDefs.add(d);
                    return null;
                }
            }
            Typed t = d.kind == MibKind.OBJECT_TYPE ? typeOf(ctx, d.syntax, d) : new Typed(TypeFacts.NONE, null);
            String nodeType = switch (d.kind) {
                case OBJECT_TYPE -> d.syntax != null && d.syntax.sequenceOf ? "table"
                        : (d.index != null || d.augments != null || isSequenceType(ctx, d.syntax)) ? "row" : "scalar";
                case NOTIFICATION -> "notification";
                case OBJECT_GROUP, NOTIFICATION_GROUP -> "group";
                case MODULE_COMPLIANCE, AGENT_CAPABILITIES -> "compliance";
                default -> "node";
            };
            n = new MibNode(ctx.pm.name, d.name, oid, d.kind, nodeType, t.tc, t.facts, d.access, d.status, d.units,
                    d.defval, d.index == null ? null : List.copyOf(d.index), d.implied, d.augments,
                    d.objects == null ? null : List.copyOf(d.objects));
            ctx.byDef.put(d, n);
            if (ctx.defs.get(d.name) == d) {
                ctx.nodes.put(d.name, n);
            }
            ctx.out.add(n);
            return n;
        } finally {
            depth--;
            ctx.resolvingDefs.remove(d);
        }
    }

    private int[] oidValue(Context ctx, Definition d) {
        List<Object> comps = d.oidValue;
        Object first = comps.get(0);
        int[] base;
        if (first instanceof String s) {
            base = oidOf(ctx, s, d);
            if (base == null) {
                if (finalPass) {
                    ctx.problem(d, MibProblem.Severity.ERROR, "parent " + s + " of " + d.name + " is unknown");
                } else {
                    deferred.add(new Deferred(ctx, d));
                }
                return null;
            }
        } else if (first instanceof Long l) {
            base = new int[] {(int) (long) l};
        } else {
            NamedNumber nn = (NamedNumber) first;
            int[] known = WELL_KNOWN.get(nn.name());
            base = known != null && known.length == 1 ? known : new int[] {(int) nn.number()};
        }
        if (base.length + comps.size() - 1 > 128) { // RFC 2578 section 3.5: at most 128 sub-identifiers
            ctx.problem(d, MibProblem.Severity.ERROR, "the OID of " + d.name + " has more than 128 sub-identifiers");
            return null;
        }
        int[] oid = Arrays.copyOf(base, base.length + comps.size() - 1);
        int k = base.length;
        for (int i = 1; i < comps.size(); i++) {
            Object c = comps.get(i);
            if (c instanceof Long l) {
                oid[k++] = (int) (long) l;
            } else if (c instanceof NamedNumber nn) {
                oid[k++] = (int) nn.number();
                // Net-SNMP names the intermediate node after the label written here
                if (!ctx.defs.containsKey(nn.name()) && !ctx.nodes.containsKey(nn.name())) {
                    MibNode implicit = new MibNode(ctx.pm.name, nn.name(), Arrays.copyOf(oid, k),
                            MibKind.OID_ASSIGNMENT, "node", null, null, null, null, null, null, null, false, null, null);
                    ctx.nodes.put(nn.name(), implicit);
                    ctx.out.add(implicit);
                }
            } else {
                ctx.problem(d, MibProblem.Severity.ERROR, "a name (" + c + ") inside the OID value of " + d.name);
                return null;
            }
        }
        return k == oid.length ? oid : Arrays.copyOf(oid, k);
    }

    /** The OID a descriptor stands for as seen from a module, or null. */
    private int[] oidOf(Context ctx, String name, Definition user) {
        MibNode n = ctx.nodes.get(name);
        if (n != null) {
            return n.oid;
        }
        Definition d = ctx.defs.get(name);
        if (d != null && d.kind != MibKind.TEXTUAL_CONVENTION && d.kind != MibKind.TYPE) {
            if (ctx.resolvingDefs.contains(d) && ctx.earlier.containsKey(name)) {
                // "x TRAP-TYPE ENTERPRISE x": the name refers to an earlier definition of x
                for (Definition e : ctx.earlier.get(name)) {
                    if (!ctx.resolvingDefs.contains(e)) {
                        n = nodeDef(ctx, e);
                        if (n != null) {
                            return n.oid;
                        }
                    }
                }
            }
            n = nodeDef(ctx, d);
            return n == null ? null : n.oid;
        }
        String from = ctx.pm.imports.get(name);
        if (from != null) {
            n = foreignNode(from, name);
            if (n != null) {
                return n.oid;
            }
        }
        int[] wk = WELL_KNOWN.get(name);
        if (wk != null && (wk.length == 1 || from != null)) {
            return wk;
        }
        n = anyNode(name, ctx);
        if (n != null) {
            ctx.problem(user, MibProblem.Severity.WARNING, name + " is used but not imported; found in " + n.module());
            return n.oid;
        }
        return wk;
    }

    private MibNode foreignNode(String module, String name) {
        MibModule m = done.get(module);
        if (m != null) {
            return m.node(name);
        }
        Context c = active.get(module);
        if (c != null) {
            Definition d = c.defs.get(name);
            return d == null ? c.nodes.get(name) : nodeDef(c, d);
        }
        return null;
    }

    private MibNode anyNode(String name, Context except) {
        for (MibModule m : done.values()) {
            MibNode n = m.node(name);
            if (n != null) {
                return n;
            }
        }
        for (Context c : new ArrayList<>(active.values())) {
            if (c != except) {
                Definition d = c.defs.get(name);
                if (d != null && d.kind != MibKind.TEXTUAL_CONVENTION && d.kind != MibKind.TYPE) {
                    MibNode n = nodeDef(c, d);
                    if (n != null) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------- types

    private boolean isSequenceType(Context ctx, Syntax s) {
        if (s == null || s.typeName == null) {
            return false;
        }
        if (s.sequence) {
            return true;
        }
        Definition d = ctx.defs.get(s.typeName);
        if (d != null) {
            return d.syntax != null && d.syntax.sequence;
        }
        return false;
    }

    private MibType typeDef(Context ctx, Definition d) {
        MibType t = ctx.types.get(d.name);
        if (t != null || ctx.failedNames.contains(d.name) || baseName(d.name) != null) {
            return t;
        }
        if (d.syntax == null || d.syntax.sequence || d.syntax.sequenceOf || ctx.defs.get(d.name) != d) {
            return null;
        }
        if (!ctx.resolving.add(d.name)) {
            ctx.problem(d, MibProblem.Severity.ERROR, "type " + d.name + " is defined in terms of itself");
            ctx.failedNames.add(d.name);
            return null;
        }
        if (depth >= MAX_DEPTH) {
            ctx.problem(d, MibProblem.Severity.ERROR, "chain of type references too deep at " + d.name);
            ctx.failedNames.add(d.name);
            ctx.resolving.remove(d.name);
            return null;
        }
        depth++;
        try {
            Typed ty = typeOf(ctx, d.syntax, d);
            TypeFacts f = ty.facts;
            if (d.hint != null) {
                f = f.withHint(d.hint);
            }
            t = new MibType(ctx.pm.name, d.name, d.kind, ty.tc, d.status, f);
            ctx.types.put(d.name, t);
            ctx.out.types.put(d.name, t);
            return t;
        } finally {
            depth--;
            ctx.resolving.remove(d.name);
        }
    }

    private Typed typeOf(Context ctx, Syntax s, Definition d) {
        if (s == null || s.sequence || s.sequenceOf) {
            return new Typed(TypeFacts.NONE, null);
        }
        String base = baseName(s.typeName);
        if (base != null) {
            boolean bits = base.equals("BITS");
            return new Typed(new TypeFacts(base, null, bits ? null : s.enums, bits ? s.enums : null, s.ranges, s.sizes),
                    null);
        }
        MibType t = typeNamed(ctx, s.typeModule, s.typeName, d);
        if (t == null) {
            // a row's syntax names its SEQUENCE, which carries no value facts: Net-SNMP ignores it, and
            // loads an object of an unknown type without its syntax; so do we, with a warning
            boolean row = d.kind == MibKind.OBJECT_TYPE && (d.index != null || d.augments != null);
            if (!row && !isSequenceType(ctx, s)) {
                ctx.problem(d, MibProblem.Severity.WARNING, "unknown type " + s.typeName + " in " + d.name
                        + "; loaded without a syntax");
            }
            return new Typed(TypeFacts.NONE, null);
        }
        String tc = t.module() + "::" + t.name();
        if (s.enums == null && s.ranges == null && s.sizes == null) {
            return new Typed(t.facts, tc);
        }
        TypeFacts b = t.facts;
        boolean bits = "BITS".equals(b.base);
        TypeFacts f = new TypeFacts(b.base, b.hint,
                !bits && s.enums != null ? labels(s.enums) : b.enumLabels,
                !bits && s.enums != null ? values(s.enums) : b.enumValues,
                bits && s.enums != null ? labels(s.enums) : b.bitLabels,
                bits && s.enums != null ? intValues(s.enums) : b.bitValues,
                s.ranges != null ? List.copyOf(s.ranges) : b.ranges,
                s.sizes != null ? List.copyOf(s.sizes) : b.sizes);
        return new Typed(f, tc);
    }

    private static String[] labels(Map<String, Long> m) {
        return m.isEmpty() ? null : m.keySet().toArray(new String[0]);
    }

    private static long[] values(Map<String, Long> m) {
        return m.isEmpty() ? null : m.values().stream().mapToLong(Long::longValue).toArray();
    }

    private static int[] intValues(Map<String, Long> m) {
        return m.isEmpty() ? null : m.values().stream().mapToInt(Long::intValue).toArray();
    }

    private MibType typeNamed(Context ctx, String module, String name, Definition user) {
        if (module != null) {
            MibType t = foreignType(module, name);
            if (t != null) {
                return t;
            }
        }
        MibType t = ctx.types.get(name);
        if (t != null) {
            return t;
        }
        Definition d = ctx.defs.get(name);
        if (d != null && (d.kind == MibKind.TEXTUAL_CONVENTION || d.kind == MibKind.TYPE)) {
            return typeDef(ctx, d);
        }
        String from = ctx.pm.imports.get(name);
        if (from != null) {
            t = foreignType(from, name);
            if (t != null) {
                return t;
            }
        }
        for (MibModule m : done.values()) {
            t = m.types.get(name);
            if (t != null) {
                ctx.problem(user, MibProblem.Severity.WARNING, "type " + name + " is used but not imported; found in " + m.name());
                return t;
            }
        }
        return null;
    }

    private MibType foreignType(String module, String name) {
        MibModule m = done.get(module);
        if (m != null) {
            return m.types.get(name);
        }
        Context c = active.get(module);
        if (c != null) {
            Definition d = c.defs.get(name);
            return d == null ? c.types.get(name) : typeDef(c, d);
        }
        return null;
    }
}
