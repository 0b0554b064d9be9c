package io.varbind.mib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One loaded module: its nodes in definition order and its named types. */
public final class MibModule {
    private final String name;
    private final String file;
    final List<MibNode> nodes = new ArrayList<>();
    /** Built on first use for decoded modules (start-up cost), at once for compiled text. */
    private volatile Map<String, MibNode> nodeByName;
    final Map<String, MibType> types = new LinkedHashMap<>();
    final List<String> imports = new ArrayList<>();

    MibModule(String name, String file) {
        this.name = name;
        this.file = file;
    }

    public String name() { return name; }
    /** The file it was compiled from; null for the built-in core. */
    public String file() { return file; }
    public List<MibNode> nodes() { return Collections.unmodifiableList(nodes); }
    public Map<String, MibType> types() { return Collections.unmodifiableMap(types); }
    /** The modules named in its IMPORTS. */
    public List<String> imports() { return Collections.unmodifiableList(imports); }
    public MibNode node(String descriptor) { return byName().get(descriptor); }

    Map<String, MibNode> byName() {
        Map<String, MibNode> m = nodeByName;
        if (m == null) {
            synchronized (this) {
                m = nodeByName;
                if (m == null) {
                    HashMap<String, MibNode> x = new HashMap<>(nodes.size() * 2);
                    for (MibNode n : nodes) {
                        x.putIfAbsent(n.name(), n);
                    }
                    nodeByName = m = x;
                }
            }
        }
        return m;
    }

    void add(MibNode n) {
        nodes.add(n);
        if (nodeByName != null) {
            nodeByName.putIfAbsent(n.name(), n);
        }
    }

    /** For the resolver: the names this module's text binds (a descriptor defined twice names one node). */
    void bind(Map<String, MibNode> names) {
        byName().putAll(names);
    }

    @Override
    public String toString() {
        return name;
    }
}
