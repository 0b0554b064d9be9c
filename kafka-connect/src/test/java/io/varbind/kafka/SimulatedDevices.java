package io.varbind.kafka;

import io.varbind.agent.Agent;
import io.varbind.agent.Endpoint;
import io.varbind.agent.UsmAgentProcessor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Devices for the connector tests: one built-in agent (demo data: system group, ifTable, ...)
 * listening on {@code count} free UDP ports of 127.0.0.1, each port a device, answering v1/v2c
 * with community {@code public} and v3 as {@link #V3_USER}.
 */
final class SimulatedDevices implements AutoCloseable {
    static final String V3_USER = "kafkauser";
    static final String V3_AUTH_PASSWORD = "kafka_auth_pass";
    static final String V3_PRIV_PASSWORD = "kafka_priv_pass";

    private final Agent agent;

    SimulatedDevices(int count) {
        List<Endpoint> endpoints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            endpoints.add(new Endpoint(false, "127.0.0.1", 0, 0));
        }
        byte[] engineId = UsmAgentProcessor.randomEngineId();
        UsmAgentProcessor v3 = new UsmAgentProcessor(engineId, 1, Map.of(V3_USER, UsmAgentProcessor.parseUser(
                V3_USER + ":SHA:" + V3_AUTH_PASSWORD + ":AES:" + V3_PRIV_PASSWORD, engineId, false)));
        this.agent = Agent.start(new Agent.Config(endpoints, List.of(), List.of("public"), List.of(), 1, v3));
    }

    /** The devices as targets in Net-SNMP form, {@code udp:127.0.0.1:PORT}. */
    List<String> targets() {
        List<String> out = new ArrayList<>();
        for (InetSocketAddress a : agent.udpAddresses()) {
            out.add("udp:127.0.0.1:" + a.getPort());
        }
        return out;
    }

    @Override
    public void close() {
        agent.close();
    }
}
