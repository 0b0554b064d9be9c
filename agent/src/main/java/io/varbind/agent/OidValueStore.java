package io.varbind.agent;

import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The agent's data: object instances sorted by OID (RFC 3416 lexicographic order) in one array,
 * so GET and GETNEXT are a binary search. The set of instances is fixed once built; SET replaces
 * values of existing instances (readers on other threads see either the old or the new value).
 */
public final class OidValueStore {

    private final Oid[] oids;
    /** Each slot holds a {@link Variable} or a {@link LiveValue}. */
    private final AtomicReferenceArray<Object> values;

    private OidValueStore(Oid[] oids, Object[] values) {
        this.oids = oids;
        this.values = new AtomicReferenceArray<>(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of instances. */
    public int size() {
        return oids.length;
    }

    /** Position of {@code oid}, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch}. */
    public int indexOf(Oid oid) {
        return Arrays.binarySearch(oids, oid);
    }

    /** Position of the first instance strictly after {@code oid}; {@link #size()} when none. */
    public int indexAfter(Oid oid) {
        int i = Arrays.binarySearch(oids, oid);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Position of the first instance at or after {@code oid}; {@link #size()} when none. */
    public int indexAtOrAfter(Oid oid) {
        int i = Arrays.binarySearch(oids, oid);
        return i >= 0 ? i : -i - 1;
    }

    public Oid oidAt(int index) {
        return oids[index];
    }

    /** The value at {@code index} now. */
    public Variable valueAt(int index, long nanoTime) {
        Object v = values.get(index);
        return v instanceof LiveValue live ? live.read(nanoTime) : (Variable) v;
    }

    /** True when the slot holds a stored value a SET may replace (not a live value). */
    public boolean isWritable(int index) {
        return !(values.get(index) instanceof LiveValue);
    }

    /** Replaces the stored value at {@code index} (caller checked {@link #isWritable}). */
    public void replace(int index, Variable value) {
        values.set(index, value);
    }

    /**
     * True when some instance lies under {@code prefix} (a proper extension of it): used to tell
     * noSuchInstance (the object exists, not this instance) from noSuchObject.
     */
    public boolean hasInstancesUnder(Oid prefix) {
        int i = indexAfter(prefix);
        return i < oids.length && oids[i].startsWith(prefix);
    }

    /** Collects instances; a later value for the same OID replaces an earlier one. */
    public static final class Builder {
        private final TreeMap<Oid, Object> entries = new TreeMap<>();

        public Builder put(Oid oid, Variable value) {
            entries.put(oid, value);
            return this;
        }

        public Builder put(Oid oid, LiveValue value) {
            entries.put(oid, value);
            return this;
        }

        public Builder putAll(Map<Oid, Variable> map) {
            entries.putAll(map);
            return this;
        }

        public int size() {
            return entries.size();
        }

        public OidValueStore build() {
            Oid[] keys = entries.keySet().toArray(new Oid[0]);
            Object[] vals = entries.values().toArray();
            return new OidValueStore(keys, vals);
        }
    }
}
