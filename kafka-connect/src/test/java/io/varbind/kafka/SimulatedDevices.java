package io.varbind.kafka;

import io.varbind.agent.SnmpAgent;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Devices for the connector tests: one built-in agent (demo data: system group, ifTable, ...)
 * listening on {@code count} free UDP ports of 127.0.0.1, each port a device, answering v1/v2c
 * with community {@code public} and v3 as {@link #V3_USER}.
 */
final class SimulatedDevices implements AutoCloseable {
    static final String V3_USER = "kafkauser";
    static final String V3_AUTH_PASSWORD = "kafka_auth_pass";
    static final String V3_PRIV_PASSWORD = "kafka_priv_pass";

    private final SnmpAgent agent;

    SimulatedDevices(int count) {
        SnmpAgent.Builder b = SnmpAgent.builder().community("public").demoData()
                .readOnlyUser(V3_USER, "SHA", V3_AUTH_PASSWORD, "AES", V3_PRIV_PASSWORD);
        for (int i = 0; i < count; i++) {
            b.listen("udp:127.0.0.1:0");
        }
        this.agent = b.build();
    }

    /** The devices as targets in Net-SNMP form, {@code udp:127.0.0.1:PORT}. */
    List<String> targets() {
        List<String> out = new ArrayList<>();
        for (InetSocketAddress a : agent.udpEndpoints()) {
            out.add("udp:127.0.0.1:" + a.getPort());
        }
        return out;
    }

    @Override
    public void close() {
        agent.close();
    }
}
