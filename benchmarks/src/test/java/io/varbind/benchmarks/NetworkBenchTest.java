package io.varbind.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.Pdu;
import io.varbind.engine.Response;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.smi.UdpAddress;

/** The network benchmark measures real exchanges: every client gets the canned answer, in both modes. */
class NetworkBenchTest {

    @Test
    void everyClientCompletesRealRequestsAgainstTheCannedResponder() throws Exception {
        try (CannedResponder responder = new CannedResponder()) {
            InetSocketAddress agent = responder.address();
            try (NetworkBench.VarbindClient v = new NetworkBench.VarbindClient(agent);
                    NetworkBench.Snmp4jClient s = new NetworkBench.Snmp4jClient(agent);
                    NetworkBench.PingPongClient p = new NetworkBench.PingPongClient(agent);
                    NetworkBench.SessionClient session = new NetworkBench.SessionClient(agent, false)) {
                assertEquals("Linux router 6.1.0-18 x86_64 a", session.session.get(NetworkBench.SYS_DESCR).value());
                Response r = v.engine.request(v.target, Pdu.request(BerTags.GET, List.of(CannedResponder.SYS_DESCR)))
                        .get();
                assertEquals(BerTags.RESPONSE, r.pdu().type());
                assertEquals("Linux router 6.1.0-18 x86_64 a",
                        new String(r.pdu().varBinds().get(0).value().bytes(), java.nio.charset.StandardCharsets.US_ASCII));
                ResponseEvent<UdpAddress> e = s.snmp.send(s.get(), s.target);
                assertEquals(PDU.RESPONSE, e.getResponse().getType());
                assertEquals("Linux router 6.1.0-18 x86_64 a", e.getResponse().get(0).getVariable().toString());
                long before = responder.answered();
                long n = 0;
                for (NetworkBench.Client c : List.of(v, session, s, p)) {
                    for (int window : new int[] {1, 64}) {
                        long done = c.run(window, 200_000_000L); // long enough for a stall on a loaded machine
                        assertTrue(done > window, c.name() + " window " + window + ": " + done);
                        n += done;
                    }
                }
                // the responder counts after it sends, so its figure may trail the last answer briefly
                long deadline = System.nanoTime() + 2_000_000_000L;
                while (responder.answered() - before < n && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(responder.answered() - before >= n, "every completion was a responder's answer: "
                        + (responder.answered() - before) + " answers for " + n + " completions");
            }
        }
    }
}
