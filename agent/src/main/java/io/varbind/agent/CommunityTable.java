package io.varbind.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The community strings the agent accepts, each with its {@link View} (RFC 3584's community-based
 * access with VACM's views, flattened). Comparison is over the octets, in constant time per entry.
 */
public final class CommunityTable {

    private final byte[][] names;
    private final View[] views;

    /** @param views by community, in the order they are tried */
    public CommunityTable(Map<String, View> views) {
        this.names = views.keySet().stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
        this.views = views.values().toArray(new View[0]);
    }

    /** Read-only communities reading everything, read-write ones reading and writing everything. */
    public CommunityTable(java.util.List<String> readOnly, java.util.List<String> readWrite) {
        this(simple(readOnly, readWrite));
    }

    private static Map<String, View> simple(java.util.List<String> readOnly, java.util.List<String> readWrite) {
        Map<String, View> m = new LinkedHashMap<>();
        readOnly.forEach(c -> m.put(c, View.readAll()));
        readWrite.forEach(c -> m.put(c, View.all()));
        return m;
    }

    /** The view of {@code community}, or null when it is not one of ours. */
    public View lookup(byte[] community) {
        for (int i = 0; i < names.length; i++) {
            if (java.security.MessageDigest.isEqual(names[i], community)) {
                return views[i];
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "CommunityTable[" + names.length + " communities " + Arrays.toString(views) + "]";
    }
}
