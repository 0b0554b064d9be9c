package io.varbind.engine;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where and how one request goes: the agent's address, the transport ({@code udp}, {@code udp6},
 * {@code tcp}, {@code tcp6}), the message version (0 v1, 1 v2c, 3 v3), the community (v1/v2c),
 * the timeout of one try, the number of retries, the local port (0 ephemeral), and the message
 * processing that encodes and checks messages (null: community-based, from the version).
 */
public record Target(InetSocketAddress address, String transport, int version, byte[] community,
        long timeoutNanos, int retries, int localPort, MessageProcessing processing) {

    public Target {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        if (version != 0 && version != 1 && version != 3) {
            throw new IllegalArgumentException("message version 0, 1 or 3, not " + version);
        }
        if (version != 3 && community == null) {
            throw new IllegalArgumentException("v1 and v2c need a community");
        }
        if (version == 3 && processing == null) {
            throw new IllegalArgumentException("v3 needs a message processing (USM or TSM)");
        }
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        if (processing == null) {
            processing = CommunityMessageProcessing.INSTANCE;
        }
    }

    /** A v1 (version 0) or v2c (version 1) target over UDP. */
    public static Target community(InetSocketAddress address, int version, byte[] community, long timeoutNanos,
            int retries) {
        return new Target(address, address.getAddress() instanceof java.net.Inet6Address ? "udp6" : "udp", version,
                community, timeoutNanos, retries, 0, null);
    }

    public boolean isStream() {
        return transport.startsWith("tcp") || transport.startsWith("tls") || transport.startsWith("dtls");
    }

    public Target withTimeout(long nanos, int tries) {
        return new Target(address, transport, version, community, nanos, tries, localPort, processing);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.address.equals(address) && t.transport.equals(transport)
                && t.version == version && java.util.Arrays.equals(t.community, community)
                && t.timeoutNanos == timeoutNanos && t.retries == retries && t.localPort == localPort
                && t.processing == processing;
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + version;
    }

    /** Never prints the community. */
    @Override
    public String toString() {
        return "Target[" + transport + ":" + address + ", v" + (version == 0 ? "1" : version == 1 ? "2c" : "3") + "]";
    }
}
