package io.varbind.agent;

import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A {@link SubtreeHandler} for a group of read-only scalars ({@code root.N.0}), each read when
 * asked: counters, gauges, anything computed at request time. Register it with
 * {@link SnmpAgent.Builder#handler}.
 */
public final class ScalarGroup implements SubtreeHandler {

    private final Oid root;
    private final Oid[] instances;
    private final Supplier<Variable>[] values;

    /** @param scalars by their arc under {@code root} (the instance is {@code root.arc.0}) */
    @SuppressWarnings("unchecked")
    public ScalarGroup(String root, Map<Integer, Supplier<Variable>> scalars) {
        this.root = Oid.parse(root);
        TreeMap<Integer, Supplier<Variable>> sorted = new TreeMap<>(Integer::compareUnsigned);
        sorted.putAll(scalars);
        this.instances = new Oid[sorted.size()];
        this.values = new Supplier[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Supplier<Variable>> e : sorted.entrySet()) {
            instances[i] = this.root.append(e.getKey(), 0);
            values[i++] = e.getValue();
        }
    }

    /** The subtree this group serves. */
    public String root() {
        return root.toString();
    }

    @Override
    public Variable get(Oid instance) {
        int i = java.util.Arrays.binarySearch(instances, instance);
        return i >= 0 ? values[i].get() : null;
    }

    @Override
    public VarBind next(Oid oid) {
        int i = java.util.Arrays.binarySearch(instances, oid);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < instances.length ? new VarBind(instances[next], values[next].get()) : null;
    }
}
