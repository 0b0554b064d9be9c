package io.varbind.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The community strings the agent accepts (RFC 3584's community-based access, flattened). */
public final class CommunityTable {

    /** What a community may do. */
    public enum Access { NONE, READ, READ_WRITE }

    private final byte[][] readOnly;
    private final byte[][] readWrite;

    public CommunityTable(java.util.List<String> readOnly, java.util.List<String> readWrite) {
        this.readOnly = readOnly.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
        this.readWrite = readWrite.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
    }

    public Access lookup(byte[] community) {
        for (byte[] c : readWrite) {
            if (Arrays.equals(c, community)) {
                return Access.READ_WRITE;
            }
        }
        for (byte[] c : readOnly) {
            if (Arrays.equals(c, community)) {
                return Access.READ;
            }
        }
        return Access.NONE;
    }
}
