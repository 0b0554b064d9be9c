package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** A running agent's counters in JMX as io.varbind:type=SnmpAgent,name=agent-N, gone on close. */
class AgentJmxTest {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void countersAreAnMXBeanWhileTheAgentRuns() throws Exception {
        ObjectName name;
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").community("public").build();
                DatagramSocket s = new DatagramSocket()) {
            Set<ObjectName> before = JMX.queryNames(new ObjectName("io.varbind:type=SnmpAgent,*"), null);
            assertFalse(before.isEmpty());
            name = before.stream().filter(n -> {
                try {
                    return ((Number) JMX.getAttribute(n, "InPackets")).longValue() == 0;
                } catch (Exception e) {
                    return false;
                }
            }).reduce((a, b) -> b).orElseThrow();
            byte[] wrong = SnmpMessageEncoder.encode(new CommunityMessage(1, "nope".getBytes(StandardCharsets.US_ASCII),
                    Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0")))));
            s.send(new DatagramPacket(wrong, wrong.length, agent.udpEndpoints().get(0)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (((Number) JMX.getAttribute(name, "InBadCommunityNames")).longValue() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1L, JMX.getAttribute(name, "InBadCommunityNames"));
            assertEquals(1L, JMX.getAttribute(name, "InPackets"));
            assertEquals(0L, JMX.getAttribute(name, "OutPackets"));
        }
        assertFalse(JMX.isRegistered(name));
    }
}
