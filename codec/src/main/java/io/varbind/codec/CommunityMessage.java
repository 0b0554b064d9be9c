package io.varbind.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * An SNMPv1 or SNMPv2c message (RFC 1157 section 4, RFC 1901): version 0 or 1, the community
 * octets and either a {@link Pdu} or, in v1, a {@link TrapV1Pdu}.
 */
public record CommunityMessage(int version, byte[] community, Object pdu) implements SnmpMessage {
    public CommunityMessage {
        if (version != 0 && version != 1) {
            throw new IllegalArgumentException("community messages are version 0 (v1) or 1 (v2c), not " + version);
        }
        Objects.requireNonNull(community, "community");
        if (!(pdu instanceof Pdu) && !(pdu instanceof TrapV1Pdu)) {
            throw new IllegalArgumentException("pdu must be a Pdu or a TrapV1Pdu");
        }
        if (pdu instanceof TrapV1Pdu && version != 0) {
            throw new IllegalArgumentException("a v1 Trap-PDU travels in a version 0 message");
        }
    }

    public CommunityMessage(int version, byte[] community, Pdu pdu) {
        this(version, community, (Object) pdu);
    }

    /** The PDU, or null when this message carries a v1 trap. */
    public Pdu regularPdu() {
        return pdu instanceof Pdu p ? p : null;
    }

    /** The v1 trap, or null. */
    public TrapV1Pdu trapV1() {
        return pdu instanceof TrapV1Pdu t ? t : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommunityMessage m && m.version == version && Arrays.equals(m.community, community)
                && m.pdu.equals(pdu);
    }

    @Override
    public int hashCode() {
        return version * 31 + Arrays.hashCode(community) * 17 + pdu.hashCode();
    }

    @Override
    public String toString() {
        return "CommunityMessage[v" + (version == 0 ? "1" : "2c") + ", " + pdu + "]";
    }
}
