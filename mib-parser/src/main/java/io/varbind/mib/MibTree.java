package io.varbind.mib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The compiled MIB view: modules, their nodes by name and by numeric OID, and their types.
 * Immutable and safe to share between threads once built. Loading never throws for bad module
 * text: see {@link #problems()}.
 */
public final class MibTree {
    /** Net-SNMP's default MIB folders (API.md). */
    public static final List<String> DEFAULT_DIRS = List.of("~/.snmp/mibs", "/usr/share/snmp/mibs",
            "/usr/share/snmp/mibs/iana", "/usr/share/snmp/mibs/ietf", "/usr/share/mibs/ietf", "/usr/share/mibs/iana");
    static final String CORE_RESOURCE = "core.vbm";
    /** The modules Net-SNMP 5.9 loads by default (its DEFAULT_MIBS), in its order. */
    public static final List<String> NET_SNMP_DEFAULT_MIBS = List.of("SNMPv2-MIB", "IF-MIB", "IP-MIB", "TCP-MIB",
            "UDP-MIB", "HOST-RESOURCES-MIB", "NOTIFICATION-LOG-MIB", "DISMAN-EVENT-MIB", "DISMAN-SCHEDULE-MIB",
            "HOST-RESOURCES-TYPES", "MTA-MIB", "NETWORK-SERVICES-MIB", "UCD-DISKIO-MIB", "UCD-DLMOD-MIB",
            "LM-SENSORS-MIB", "UCD-SNMP-MIB", "UCD-DEMO-MIB", "SNMP-TARGET-MIB", "NET-SNMP-AGENT-MIB",
            "SNMP-FRAMEWORK-MIB", "SNMP-MPD-MIB", "SNMP-USER-BASED-SM-MIB", "SNMP-VIEW-BASED-ACM-MIB",
            "SNMP-COMMUNITY-MIB", "IPV6-ICMP-MIB", "IPV6-MIB", "IPV6-TCP-MIB", "IPV6-UDP-MIB", "IP-FORWARD-MIB",
            "NET-SNMP-PASS-MIB", "NET-SNMP-EXTEND-MIB", "SNMP-NOTIFICATION-MIB", "SNMPv2-TM", "NET-SNMP-VACM-MIB");

    private final Map<String, MibModule> modules;
    private final Map<String, MibNode> byName;
    private final Map<String, MibType> typeByName = new HashMap<>();
    private final OidTrie trie = new OidTrie();
    private final List<MibProblem> problems;
    private final Set<String> failedModules;

    MibTree(Map<String, MibModule> modules, List<MibProblem> problems, Set<String> failedModules) {
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        this.problems = List.copyOf(problems);
        this.failedModules = Collections.unmodifiableSet(new TreeSet<>(failedModules));
        int total = 8;
        for (MibModule m : this.modules.values()) {
            total += m.nodes.size();
        }
        byName = new HashMap<>(total + total / 2);
        // the roots Net-SNMP builds in (RFC 1155 section 3.1)
        String[] roots = {"ccitt", "iso", "joint-iso-ccitt"};
        for (int i = 0; i < roots.length; i++) {
            String r = roots[i];
            MibNode n = new MibNode("SNMPv2-SMI", r, new int[] {i}, MibKind.OID_ASSIGNMENT, "node",
                    null, null, null, null, null, null, null, false, null, null);
            trie.insert(n);
            byName.put(r, n);
        }
        // Net-SNMP keeps one tree node per (label, OID) and finds a label through a hash chain that
        // puts the newest node first: a descriptor defined at two OIDs names the later one
        Set<String> seenPairs = new java.util.HashSet<>();
        for (MibModule m : this.modules.values()) {
            for (MibNode n : m.nodes) {
                trie.insert(n);
                MibNode old = byName.putIfAbsent(n.name(), n);
                if (old != null && !old.sameOid(n.oid)) {
                    // (no string concatenation here: its first use costs milliseconds at start-up)
                    seenPairs.add(pairKey(old));
                    if (seenPairs.add(pairKey(n))) {
                        byName.put(n.name(), n);
                    }
                }
            }
            for (MibType t : m.types.values()) {
                typeByName.putIfAbsent(t.name(), t);
            }
        }
        for (MibModule m : this.modules.values()) {
            for (MibNode n : m.nodes) {
                if (n.mibKind() == MibKind.OBJECT_TYPE && "scalar".equals(n.nodeType)) {
                    MibNode p = n.parent();
                    if (p != null && "row".equals(p.nodeType)) {
                        n.nodeType = "column";
                    }
                }
            }
        }
    }

    private static String pairKey(MibNode n) {
        return new StringBuilder(n.name()).append('@').append(n.oidString()).toString();
    }

    // ------------------------------------------------------------------------------------ factories

    private static volatile MibTree builtIn;
    private static volatile byte[] coreBytes;
    private static final Map<String, MibTree> CACHE = new HashMap<>();

    /** The built-in core modules only (compiled form shipped in this jar). */
    public static MibTree builtIn() {
        MibTree t = builtIn;
        if (t == null) {
            synchronized (MibTree.class) {
                t = builtIn;
                if (t == null) {
                    t = new MibTree(coreModules(), List.of(), Set.of());
                    builtIn = t;
                }
            }
        }
        return t;
    }

    /** Fresh module objects decoded from the built-in core (each tree owns its nodes). */
    static Map<String, MibModule> coreModules() {
        byte[] b = coreBytes;
        if (b == null) {
            try (InputStream in = MibTree.class.getResourceAsStream(CORE_RESOURCE)) {
                b = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in MIB core", e);
            }
            coreBytes = b;
        }
        return b.length == 0 ? new LinkedHashMap<>() : CompiledTreeFormat.read(b);
    }

    /**
     * The built-in core plus every module on the MIB search path ({@link #defaultSearchPath()}), in
     * the load order {@code $MIBS} gives (see {@link #defaultTree(String)}); cached by path and mtimes.
     */
    public static MibTree defaultTree() {
        String mibs = System.getenv("MIBS");
        return defaultTree(mibs == null || mibs.isBlank() ? null : mibs);
    }

    /**
     * As {@link #defaultTree()}, with the modules loaded in the order a Net-SNMP {@code MIBS} value
     * (or {@code -m} argument) gives them: {@code null} or a leading {@code +} puts Net-SNMP's default
     * modules first, {@code ALL} every module in its index order. The order decides which module
     * names a node that several define (with {@code ALL}: {@code RFC1213-MIB::ipForwarding}, not
     * {@code IP-MIB}); every module found is loaded either way. Cached by path, mtimes and order;
     * with the system property {@code varbind.mib.cache} naming a folder, also kept compiled there
     * for later processes (keyed by every file's name, size and mtime, the order and this build).
     */
    public static MibTree defaultTree(String mibs) {
        List<Path> path = defaultSearchPath();
        List<String> order = loadOrder(mibs);
        boolean only = namesOnly(mibs);
        Path disk = TreeCache.folder();
        String key = (disk == null ? cacheKey(path) + '|' + order : TreeCache.key(path, order)) + (only ? "|only" : "");
        synchronized (CACHE) {
            MibTree t = CACHE.get(key);
            if (t == null && disk != null) {
                t = TreeCache.load(disk, key);
            }
            if (t == null) {
                t = of(path, true, order, only);
                if (disk != null) {
                    TreeCache.store(disk, key, t);
                }
                if (CACHE.size() >= 4) {
                    CACHE.clear();
                }
                CACHE.put(key, t);
            }
            return t;
        }
    }

    /**
     * The modules a Net-SNMP {@code MIBS} value loads first, in order ({@code ALL} stands for every
     * module, in index order); the rest follow in index order. Empty for a spec that starts with
     * {@code ALL}.
     */
    public static List<String> loadOrder(String mibs) {
        List<String> out = new ArrayList<>();
        String spec = mibs == null ? "+" : mibs.trim();
        // Net-SNMP: "+LIST" appends LIST to its default modules, "-LIST" puts LIST before them
        String defaults = String.join(":", NET_SNMP_DEFAULT_MIBS);
        if (spec.startsWith("+")) {
            spec = defaults + ":" + spec.substring(1);
        } else if (spec.startsWith("-")) {
            spec = spec.substring(1) + ":" + defaults;
        }
        for (String m : spec.split("[:;,]")) {
            String name = m.trim();
            if (name.equalsIgnoreCase("ALL")) {
                break; // everything else comes in index order anyway
            }
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Whether a Net-SNMP {@code MIBS} value (or {@code -m} argument) names the only modules to load:
     * a list without {@code ALL} and without a leading {@code +} or {@code -}. Net-SNMP then loads
     * those modules and what they import, nothing else ({@code -m TEL2N-MIB} knows no
     * {@code sysDescr}, and prints {@code SNMPv2-SMI::mib-2.1.1.0}).
     */
    public static boolean namesOnly(String mibs) {
        if (mibs == null || mibs.isBlank()) {
            return false;
        }
        String spec = mibs.trim();
        if (spec.startsWith("+") || spec.startsWith("-")) {
            return false;
        }
        for (String m : spec.split("[:;,]")) {
            if (m.trim().equalsIgnoreCase("ALL")) {
                return false;
            }
        }
        return true;
    }

    /** The default tree plus the given files and folders (these win over same-named modules elsewhere). */
    public static MibTree load(Path... filesOrDirs) {
        List<Path> path = new ArrayList<>(Arrays.asList(filesOrDirs));
        path.addAll(defaultSearchPath());
        return of(path, true);
    }

    /** Every module found on searchPath (first folder wins), plus the built-in core when asked. */
    public static MibTree of(List<Path> searchPath, boolean withBuiltIn) {
        return of(searchPath, withBuiltIn, NET_SNMP_DEFAULT_MIBS);
    }

    /**
     * As {@link #of(List, boolean)}, loading {@code first} (where found) before the others; see
     * {@link #defaultTree(String)}. {@code of(path, true, List.of())} is Net-SNMP's {@code -m ALL}.
     */
    public static MibTree of(List<Path> searchPath, boolean withBuiltIn, List<String> first) {
        return of(searchPath, withBuiltIn, first, false);
    }

    /**
     * As {@link #of(List, boolean, List)}; with {@code only}, {@code first} and their imports alone
     * (Net-SNMP's {@code -m LIST}, see {@link #namesOnly}), the built-in core included.
     */
    public static MibTree of(List<Path> searchPath, boolean withBuiltIn, List<String> first, boolean only) {
        ModuleIndex index = new ModuleIndex(true);
        for (Path p : searchPath) {
            if (Files.exists(p)) {
                index.addPath(p);
            }
        }
        index.finish();
        Map<String, MibModule> core = withBuiltIn ? coreModules() : new LinkedHashMap<>();
        ModuleResolver r = new ModuleResolver(index, core);
        // As Net-SNMP's "-m +ALL" (by default): its default modules first, then the others in reverse
        // order of its index, imports first each time. The first module to define an OID names it.
        for (String n : first) {
            if (core.containsKey(n) || index.files.containsKey(n)) {
                r.load(n);
            }
        }
        TreeSet<String> names = new TreeSet<>(Collections.reverseOrder());
        if (!only) {
            names.addAll(core.keySet());
            names.addAll(index.files.keySet());
        }
        for (String n : names) {
            r.load(n);
        }
        r.finish();
        List<MibProblem> problems = new ArrayList<>(index.problems);
        problems.addAll(r.problems);
        Set<String> failed = new TreeSet<>();
        for (String n : r.failed) {
            if (index.files.containsKey(n)) {
                failed.add(n);
            }
        }
        return new MibTree(r.done, problems, failed);
    }

    /** Net-SNMP's search path: {@code $MIBDIRS} (colon-separated) replaces the defaults; a leading '+' appends. */
    public static List<Path> defaultSearchPath() {
        return searchPath(System.getenv("MIBDIRS"));
    }

    /** The search path for a given MIBDIRS value (null = defaults). */
    public static List<Path> searchPath(String mibdirs) {
        List<String> dirs = new ArrayList<>();
        if (mibdirs == null || mibdirs.isEmpty()) {
            dirs.addAll(DEFAULT_DIRS);
        } else if (mibdirs.startsWith("+")) {
            dirs.addAll(DEFAULT_DIRS);
            dirs.addAll(Arrays.asList(mibdirs.substring(1).split(":")));
        } else {
            dirs.addAll(Arrays.asList(mibdirs.split(":")));
        }
        List<Path> out = new ArrayList<>();
        String home = System.getProperty("user.home", "");
        for (String d : dirs) {
            if (d.isBlank()) {
                continue;
            }
            if (d.startsWith("~")) {
                d = home + d.substring(1);
            }
            out.add(Paths.get(d));
        }
        return out;
    }

    /** At most 128 sub-identifiers in an OID (RFC 2578 section 3.5). */
    private static final int MAX_SUB_IDENTIFIERS = 128;

    private static String cacheKey(List<Path> path) {
        StringBuilder sb = new StringBuilder();
        for (Path p : path) {
            sb.append(p).append('@');
            try {
                if (Files.isDirectory(p)) {
                    sb.append(Files.getLastModifiedTime(p).toMillis());
                    long max = 0;
                    int count = 0;
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                        for (Path f : ds) {
                            max = Math.max(max, Files.getLastModifiedTime(f).toMillis());
                            count++;
                        }
                    }
                    sb.append('/').append(max).append('/').append(count);
                } else if (Files.exists(p)) {
                    sb.append(Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException e) {
                sb.append('?');
            }
            sb.append(';');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------ queries

    /** Every problem found while loading, in the order found. */
    public List<MibProblem> problems() { return problems; }

    /** Problems of severity ERROR only. */
    public List<MibProblem> errors() {
        List<MibProblem> out = new ArrayList<>();
        for (MibProblem p : problems) {
            if (p.isError()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Modules on the path that could not be loaded at all. */
    public Set<String> failedModules() { return failedModules; }

    /** The loaded modules in load order. */
    public Map<String, MibModule> modules() { return modules; }

    public MibModule module(String name) { return modules.get(name); }

    /** A node by descriptor ({@code sysDescr}) or {@code MODULE::descriptor}; null if none. */
    public MibNode node(String moduleOrPlainName) {
        int c = moduleOrPlainName.indexOf("::");
        if (c < 0) {
            return byName.get(moduleOrPlainName);
        }
        MibModule m = modules.get(moduleOrPlainName.substring(0, c));
        return m == null ? null : m.node(moduleOrPlainName.substring(c + 2));
    }

    /** A named type by name or {@code MODULE::Name}; null if none. */
    public MibType type(String moduleOrPlainName) {
        int c = moduleOrPlainName.indexOf("::");
        if (c < 0) {
            return typeByName.get(moduleOrPlainName);
        }
        MibModule m = modules.get(moduleOrPlainName.substring(0, c));
        return m == null ? null : m.types.get(moduleOrPlainName.substring(c + 2));
    }

    /** The node that names exactly this OID, or null. */
    public MibNode node(int[] oid) {
        OidTrie.Entry e = trie.root;
        for (int a : oid) {
            e = e.child(a);
            if (e == null) {
                return null;
            }
        }
        return e.node;
    }

    /** The longest node matching oid[0..len) and where the instance suffix starts; null if no node matches. */
    public Match lookup(int[] oid, int len) {
        OidTrie.Entry e = trie.longestMatch(oid, len);
        return e == null ? null : new Match(e.node, e.depth);
    }

    /** Every primary node (one per OID) in OID order. */
    public List<MibNode> nodes() {
        List<MibNode> out = new ArrayList<>();
        walk(trie.root, out);
        return out;
    }

    private static void walk(OidTrie.Entry e, List<MibNode> out) {
        for (int i = 0; i < e.n; i++) {
            OidTrie.Entry k = e.kids[i];
            if (k.node != null) {
                out.add(k.node);
            }
            walk(k, out);
        }
    }

    /**
     * Resolves any OID spelling easysnmp or Net-SNMP accepts: {@code sysDescr.0},
     * {@code SNMPv2-MIB::sysDescr.0}, {@code .1.3.6.1.2.1.1.1.0}, {@code 1.3.6.1.2.1.1.1.0},
     * {@code .iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0}, {@code system.sysName.0},
     * {@code nsExtendOutput1Line."hello"}, {@code .} (= iso).
     *
     * @param bestGuess 0 exact, 1 the whole spec is a regular expression over names (as {@code -Ib}),
     *                  2 random access (as {@code -IR}; plain names resolve anywhere, as in 0)
     * @throws MibLookupException when a name is unknown or the text is malformed
     */
    public Resolved resolve(String spec, int bestGuess) {
        if (spec == null) {
            throw new MibLookupException("no OID given");
        }
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new MibLookupException("empty OID");
        }
        if (bestGuess == 1) {
            return bestMatch(s);
        }
        if (s.equals(".")) {
            return finish(new int[] {1}, 1);
        }
        ArcBuilder arcs = new ArcBuilder();
        int i;
        OidTrie.Entry cur;
        MibNode anchor = null;
        int n = s.length();
        if (s.charAt(0) == '.' || Character.isDigit(s.charAt(0))) {
            cur = trie.root;
            i = s.charAt(0) == '.' ? 1 : 0;
        } else {
            int end = componentEnd(s, 0);
            String first = s.substring(0, end);
            int dc = first.indexOf("::");
            if (dc < 0 && end < n && s.startsWith("::", end)) { // MODULE::name with a dot-free module
                end = componentEnd(s, end + 2);
                first = s.substring(0, end);
            }
            anchor = node(first);
            if (anchor == null) {
                int c = first.indexOf("::");
                if (c >= 0 && modules.get(first.substring(0, c)) == null) {
                    throw new MibLookupException("unknown module " + first.substring(0, c) + " in " + spec);
                }
                throw new MibLookupException("unknown object identifier " + first + " in " + spec);
            }
            arcs.add(anchor.oid, anchor.oid.length);
            cur = anchor.entry;
            i = end + 1;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, i + 1);
                if (close < 0) {
                    throw new MibLookupException("unterminated quoted index in " + spec);
                }
                byte[] bytes = s.substring(i + 1, close).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                boolean last = close + 1 >= n;
                boolean implied = c == '\'' || (last && impliedIndex(cur));
                if (!implied) {
                    arcs.add(bytes.length);
                }
                for (byte b : bytes) {
                    arcs.add(b & 0xff);
                }
                cur = null;
                i = close + 1;
                if (i < n && s.charAt(i) != '.') {
                    throw new MibLookupException("'.' expected after a quoted index in " + spec);
                }
                i++;
                continue;
            }
            int end = componentEnd(s, i);
            if (end == i) {
                throw new MibLookupException("empty sub-identifier in " + spec);
            }
            if (Character.isDigit(c)) {
                long v = 0;
                for (int k = i; k < end; k++) {
                    char d = s.charAt(k);
                    if (d < '0' || d > '9') {
                        throw new MibLookupException("bad sub-identifier " + s.substring(i, end) + " in " + spec);
                    }
                    v = v * 10 + (d - '0');
                    if (v > 0xffffffffL) {
                        throw new MibLookupException("sub-identifier too large in " + spec);
                    }
                }
                arcs.add((int) v);
                cur = cur == null ? null : cur.child((int) v);
            } else {
                String label = s.substring(i, end);
                OidTrie.Entry next = cur == null ? null : childByLabel(cur, label);
                if (next == null) {
                    throw new MibLookupException("unknown sub-identifier " + label + " in " + spec);
                }
                arcs.add(next.arc);
                cur = next;
            }
            i = end + 1;
        }
        if (arcs.len == 0) {
            throw new MibLookupException("empty OID " + spec);
        }
        return finish(arcs.toArray(), arcs.len);
    }

    private Resolved finish(int[] oid, int len) {
        if (len > MAX_SUB_IDENTIFIERS) { // RFC 2578 section 3.5; the codec cannot carry more either
            throw new MibLookupException("an OID of " + len + " sub-identifiers, more than "
                    + MAX_SUB_IDENTIFIERS + " are allowed");
        }
        OidTrie.Entry e = trie.longestMatch(oid, len);
        return e == null ? new Resolved(oid, null, len) : new Resolved(oid, e.node, e.depth);
    }

    private static boolean impliedIndex(OidTrie.Entry cur) {
        if (cur == null || cur.node == null) {
            return false;
        }
        MibNode n = cur.node;
        MibNode row = "column".equals(n.nodeType()) ? n.parent() : n;
        return row != null && row.implied();
    }

    private static OidTrie.Entry childByLabel(OidTrie.Entry cur, String label) {
        for (int k = 0; k < cur.n; k++) {
            OidTrie.Entry e = cur.kids[k];
            if (e.node != null && e.node.name().equals(label)) {
                return e;
            }
        }
        return null;
    }

    private static int componentEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '.') {
            i++;
        }
        return i;
    }

    private Resolved bestMatch(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new MibLookupException("bad regular expression " + regex + ": " + e.getDescription());
        }
        // Net-SNMP's find_best_tree_node: depth first, newest child first, the earliest match
        // position wins and a match at position 0 ends the search
        MibNode best = null;
        int bestAt = Integer.MAX_VALUE;
        java.util.ArrayDeque<OidTrie.Entry> stack = new java.util.ArrayDeque<>();
        stack.push(trie.root);
        while (!stack.isEmpty()) {
            OidTrie.Entry e = stack.pop();
            if (e.node != null) {
                Matcher m = p.matcher(e.node.name());
                if (m.find() && m.start() < bestAt) {
                    best = e.node;
                    bestAt = m.start();
                    if (bestAt == 0) {
                        break;
                    }
                }
            }
            OidTrie.Entry[] kids = Arrays.copyOf(e.kids, e.n);
            Arrays.sort(kids, (x, y) -> Integer.compare(x.seq, y.seq)); // pushed oldest first: newest popped first
            for (OidTrie.Entry k : kids) {
                stack.push(k);
            }
        }
        if (best == null) {
            throw new MibLookupException("no object identifier matches " + regex);
        }
        return new Resolved(best.oid(), best, best.oid.length);
    }

    /** A growable int array for building OIDs. */
    private static final class ArcBuilder {
        int[] a = new int[16];
        int len;

        void add(int v) {
            if (len == a.length) {
                a = Arrays.copyOf(a, len * 2);
            }
            a[len++] = v;
        }

        void add(int[] src, int n) {
            if (len + n > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, len + n));
            }
            System.arraycopy(src, 0, a, len, n);
            len += n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, len);
        }
    }

    @Override
    public String toString() {
        return "MibTree[" + modules.size() + " modules, " + byName.size() + " names]";
    }

    /** Convenience for the CLI: the modules named (or all when the collection is null or holds "ALL"). */
    public List<MibModule> select(Collection<String> names) {
        if (names == null || names.contains("ALL")) {
            return new ArrayList<>(modules.values());
        }
        List<MibModule> out = new ArrayList<>();
        for (String n : names) {
            MibModule m = modules.get(Objects.requireNonNull(n));
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }
}
