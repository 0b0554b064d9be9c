package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A port another socket holds is the typed AgentException, not Netty's unchecked IOException. */
class AgentBindTest {

    @Test
    void aPortInUseIsAnAgentException() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            AgentException e = assertThrows(AgentException.class, () -> SnmpAgent.builder()
                    .listen("udp:127.0.0.1:" + port).community("public").build());
            assertTrue(e.getMessage().startsWith("cannot listen on udp:127.0.0.1:" + port), e.getMessage());
        }
    }
}
