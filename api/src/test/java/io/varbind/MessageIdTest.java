package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.CommunityMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.V3Envelope;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * msgIDs and request-ids stay positive when the engine's counter wraps past 2^31 - 1 (SNMP4J's,
 * derived from boots, go negative and Net-SNMP drops those messages): v3 and v2c traps, and
 * requests, sent while the counter passes its largest value.
 */
class MessageIdTest {

    @Test
    void idsStayPositiveAcrossTheCountersWrap() throws Exception {
        try (SnmpEngine engine = SnmpEngine.create();
                DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            java.lang.reflect.Field f = SnmpEngine.class.getDeclaredField("nextId");
            f.setAccessible(true);
            ((AtomicInteger) f.get(engine)).set(Integer.MAX_VALUE - 4);
            sink.setSoTimeout(5000);
            String to = "127.0.0.1:" + sink.getLocalPort();
            List<Integer> ids = new ArrayList<>();
            try (Session v3 = Session.builder().engine(engine).hostname(to).version(3).securityUsername("noauth")
                    .securityEngineId("80001f880473656e646572").build();
                    Session v2 = Session.builder().engine(engine).hostname(to).version(2).community("public")
                            .timeout(0.05).retries(0).build()) {
                for (int i = 0; i < 4; i++) {
                    v3.trap("1.3.6.1.6.3.1.1.5.1", List.of());
                    byte[] m = receive(sink);
                    ids.add(new V3Envelope().parse(m, 0, m.length).msgId());
                    v2.trap("1.3.6.1.6.3.1.1.5.1", List.of());
                    ids.add(((CommunityMessage) SnmpMessageDecoder.decode(receive(sink))).regularPdu().requestId());
                    v2.getAsync(List.of("1.3.6.1.2.1.1.1.0")); // never answered: its request-id is what counts
                    ids.add(((CommunityMessage) SnmpMessageDecoder.decode(receive(sink))).regularPdu().requestId());
                }
            }
            assertEquals(12, ids.size());
            for (int id : ids) {
                assertTrue(id > 0, "id " + id + " in " + ids);
            }
            assertTrue(((AtomicInteger) f.get(engine)).get() < 0, "the counter did not wrap: the test proves nothing");
        }
    }

    private static byte[] receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        s.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }
}
