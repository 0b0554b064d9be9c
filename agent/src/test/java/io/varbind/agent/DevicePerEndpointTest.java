package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpException;
import io.varbind.SnmpVariable;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulated devices ({@link SnmpAgent.Builder#devicePerEndpoint}): a SET writes to the device it
 * was sent to and to no other, for every kind of static value; a SET taken back (a later binding's
 * commit failed) leaves every device as it was.
 */
class DevicePerEndpointTest {

    /** Writable static objects of the demo data, each with a value to write and how it reads back. */
    private static final String[][] WRITES = {
        {"sysContact.0", "ops@device-%d", "OCTETSTR"},
        {"sysLocation.0", "rack %d", "OCTETSTR"},
        {"sysName.0", "renamed-%d", "OCTETSTR"}, // a value the device varies by itself
        {"ifAdminStatus.2", "%d", "INTEGER"},
    };

    private static Session session(InetSocketAddress at, String community) {
        return Session.builder().hostname("127.0.0.1:" + at.getPort()).version(2).community(community)
                .timeout(5).retries(1).build();
    }

    private static List<String> read(InetSocketAddress at) {
        try (Session s = session(at, "public")) {
            List<String> values = new ArrayList<>();
            for (String[] w : WRITES) {
                values.add(s.get(w[0]).value());
            }
            return values;
        }
    }

    @Test
    void aSetWritesOnlyTheDeviceItWasSentTo() {
        SnmpAgentTest.Rows rows = new SnmpAgentTest.Rows();
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0", "udp:127.0.0.1:0", "udp:127.0.0.1:0")
                .community("public").writeCommunity("private").demoData().devicePerEndpoint()
                .handler(SnmpAgentTest.ROWS, rows).build()) {
            List<InetSocketAddress> devices = agent.udpEndpoints();
            List<List<String>> before = new ArrayList<>();
            for (InetSocketAddress d : devices) {
                before.add(read(d));
            }
            assertTrue(!before.get(0).get(2).equals(before.get(1).get(2)), "each device has its own sysName: " + before);
            // device 0 and device 2 are written, each with its own values; device 1 is not
            for (int d : new int[] {0, 2}) {
                try (Session s = session(devices.get(d), "private")) {
                    for (String[] w : WRITES) {
                        int v = w[2].equals("INTEGER") ? 1 + d : d;
                        assertTrue(s.set(w[0], String.format(w[1], v), w[2]), w[0]);
                    }
                }
            }
            for (int d = 0; d < 3; d++) {
                List<String> expected = new ArrayList<>();
                for (String[] w : WRITES) {
                    expected.add(String.format(w[1], w[2].equals("INTEGER") ? 1 + d : d));
                }
                assertEquals(d == 1 ? before.get(1) : expected, read(devices.get(d)), "device " + d);
            }
            // a SET whose second binding fails to commit takes the first back, on that device only
            try (Session s = session(devices.get(1), "private")) {
                assertThrows(SnmpException.class, () -> s.setMultiple(List.of(
                        SnmpVariable.of("sysContact.0", "never seen", "OCTETSTR"),
                        SnmpVariable.of(SnmpAgentTest.ROWS + ".2.1", "666", "INTEGER"))));
            }
            assertEquals(before.get(1), read(devices.get(1)));
            assertEquals("ops@device-0", read(devices.get(0)).get(0));
        }
    }
}
