package io.varbind.mib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved facts of a syntax: base type, DISPLAY-HINT (through the TC chain) and the nearest
 * enumerations, named bits, ranges and sizes. Immutable and shared between a type and the objects
 * that use it unrestricted.
 */
final class TypeFacts {
    static final TypeFacts NONE = new TypeFacts(null, null, null, null, null, null);

    final String base;
    final String hint;
    final String[] enumLabels;
    final long[] enumValues;
    final String[] bitLabels;
    final int[] bitValues;
    final List<long[]> ranges;
    final List<long[]> sizes;
    private volatile Map<Long, String> enumsByValue;
    private volatile Map<String, Long> enumsByLabel;

    TypeFacts(String base, String hint, Map<String, Long> enums, Map<String, Long> bits,
              List<long[]> ranges, List<long[]> sizes) {
        this.base = base;
        this.hint = hint;
        if (enums != null && !enums.isEmpty()) {
            enumLabels = enums.keySet().toArray(new String[0]);
            enumValues = new long[enumLabels.length];
            int i = 0;
            for (Long v : enums.values()) {
                enumValues[i++] = v;
            }
        } else {
            enumLabels = null;
            enumValues = null;
        }
        if (bits != null && !bits.isEmpty()) {
            bitLabels = bits.keySet().toArray(new String[0]);
            bitValues = new int[bitLabels.length];
            int i = 0;
            for (Long v : bits.values()) {
                bitValues[i++] = (int) (long) v;
            }
        } else {
            bitLabels = null;
            bitValues = null;
        }
        this.ranges = ranges == null || ranges.isEmpty() ? null : List.copyOf(ranges);
        this.sizes = sizes == null || sizes.isEmpty() ? null : List.copyOf(sizes);
    }

    TypeFacts(String base, String hint, String[] enumLabels, long[] enumValues, String[] bitLabels,
              int[] bitValues, List<long[]> ranges, List<long[]> sizes) {
        this.base = base;
        this.hint = hint;
        this.enumLabels = enumLabels;
        this.enumValues = enumValues;
        this.bitLabels = bitLabels;
        this.bitValues = bitValues;
        this.ranges = ranges;
        this.sizes = sizes;
    }

    Map<Long, String> enums() {
        Map<Long, String> m = enumsByValue;
        if (m == null) {
            if (enumLabels == null) {
                m = Collections.emptyMap();
            } else {
                LinkedHashMap<Long, String> x = new LinkedHashMap<>();
                for (int i = 0; i < enumLabels.length; i++) {
                    x.putIfAbsent(enumValues[i], enumLabels[i]);
                }
                m = Collections.unmodifiableMap(x);
            }
            enumsByValue = m;
        }
        return m;
    }

    Long enumValue(String label) {
        Map<String, Long> m = enumsByLabel;
        if (m == null) {
            LinkedHashMap<String, Long> x = new LinkedHashMap<>();
            if (enumLabels != null) {
                for (int i = 0; i < enumLabels.length; i++) {
                    x.put(enumLabels[i], enumValues[i]);
                }
            }
            m = enumsByLabel = x;
        }
        return m.get(label);
    }

    Map<String, Integer> bits() {
        if (bitLabels == null) {
            return Collections.emptyMap();
        }
        LinkedHashMap<String, Integer> x = new LinkedHashMap<>();
        for (int i = 0; i < bitLabels.length; i++) {
            x.put(bitLabels[i], bitValues[i]);
        }
        return Collections.unmodifiableMap(x);
    }

    TypeFacts withHint(String h) {
        return new TypeFacts(base, h, enumLabels, enumValues, bitLabels, bitValues, ranges, sizes);
    }
}
