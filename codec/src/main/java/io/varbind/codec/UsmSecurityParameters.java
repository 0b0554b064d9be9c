package io.varbind.codec;

import java.util.Arrays;
import java.util.Objects;

/** RFC 3414 section 2.4: UsmSecurityParameters, carried in msgSecurityParameters. */
public record UsmSecurityParameters(byte[] engineId, int engineBoots, int engineTime, byte[] userName,
        byte[] authParameters, byte[] privParameters) {
    private static final byte[] EMPTY = new byte[0];

    public UsmSecurityParameters {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(authParameters, "authParameters");
        Objects.requireNonNull(privParameters, "privParameters");
    }

    /** The parameters of an engine-id discovery request: everything empty (RFC 3414 section 4). */
    public static UsmSecurityParameters discovery() {
        return new UsmSecurityParameters(EMPTY, 0, 0, EMPTY, EMPTY, EMPTY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsmSecurityParameters u && Arrays.equals(u.engineId, engineId)
                && u.engineBoots == engineBoots && u.engineTime == engineTime && Arrays.equals(u.userName, userName)
                && Arrays.equals(u.authParameters, authParameters) && Arrays.equals(u.privParameters, privParameters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(engineId) * 31 + engineBoots * 7 + engineTime + Arrays.hashCode(userName);
    }

    /** Never prints the digest or salt octets. */
    @Override
    public String toString() {
        return "Usm[engineBoots=" + engineBoots + ", engineTime=" + engineTime + ", user="
                + new String(userName, java.nio.charset.StandardCharsets.ISO_8859_1) + "]";
    }
}
