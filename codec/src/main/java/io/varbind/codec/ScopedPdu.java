package io.varbind.codec;

import java.util.Arrays;
import java.util.Objects;

/** RFC 3412 section 6: the contextEngineID, contextName and PDU of an SNMPv3 message. */
public record ScopedPdu(byte[] contextEngineId, byte[] contextName, Pdu pdu) {
    public ScopedPdu {
        Objects.requireNonNull(contextEngineId, "contextEngineId");
        Objects.requireNonNull(contextName, "contextName");
        Objects.requireNonNull(pdu, "pdu");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScopedPdu s && Arrays.equals(s.contextEngineId, contextEngineId)
                && Arrays.equals(s.contextName, contextName) && s.pdu.equals(pdu);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contextEngineId) * 31 + Arrays.hashCode(contextName) * 17 + pdu.hashCode();
    }

    @Override
    public String toString() {
        return "ScopedPdu[" + pdu + "]";
    }
}
