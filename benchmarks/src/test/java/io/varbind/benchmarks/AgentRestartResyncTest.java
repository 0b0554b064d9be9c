package io.varbind.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.varbind.Session;
import io.varbind.agent.AgentException;
import io.varbind.agent.SnmpAgent;
import io.varbind.testing.SnmpdAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the soak saw about 8 times per agent restart (issue 14's leftover): a v3 request to an
 * agent that restarted with engineBoots one higher is answered with an authenticated
 * usmStatsNotInTimeWindows report, resynchronises (RFC 3414 section 3.2 step 7b) and is sent
 * again; a second copy of that report (duplicated by the network), or the report to an earlier
 * send still encoded with the old clock (a retransmission, when the first report is late), must
 * not end the request as "still outside the time window". The message sent again has a new
 * msgID (RFC 3412 section 6.2), so those stale reports match nothing.
 */
class AgentRestartResyncTest {
    /** Enterprise 8072's format 128 engine id, "resyc". */
    private static final String ENGINE_ID = "80001f88807265737963";

    private static SnmpAgent agent(int port, int boots) throws InterruptedException {
        for (int attempt = 0;; attempt++) {
            try {
                return SnmpAgent.builder().listen("udp:127.0.0.1:" + port).demoData().engineId(ENGINE_ID)
                        .engineBoots(boots).user("resync", "SHA", "resync-auth", "AES", "resync-priv").build();
            } catch (AgentException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100); // the port was just released
            }
        }
    }

    @ParameterizedTest(name = "responses duplicated {0}, late {1} (up to {2} ms), timeout {3} ms")
    @CsvSource({"1.0, 0.0, 1, 2000", "0.0, 1.0, 600, 150", "0.5, 0.5, 400, 150"})
    void aRestartedAgentIsReachedAgainWhateverTheNetworkDoesToItsReports(double duplicate, double late,
            long maxDelayMs, long timeoutMs) throws Exception {
        int port = SnmpdAgent.freePort();
        SnmpAgent agent = agent(port, 1);
        List<String> failures = new ArrayList<>();
        try (ChaosRelay relay = new ChaosRelay(new int[] {port}, 0, duplicate, late,
                TimeUnit.MILLISECONDS.toNanos(maxDelayMs));
                Session s = Session.builder().hostname("127.0.0.1").remotePort(relay.port(0)).version(3)
                        .securityLevel("authPriv").securityUsername("resync").authProtocol("SHA")
                        .authPassword("resync-auth").privacyProtocol("AES").privacyPassword("resync-priv")
                        .timeout(timeoutMs / 1000.0).retries(8).build()) {
            assertEquals("varbind-demo", s.get("sysName.0").value());
            for (int boots = 2; boots <= 6; boots++) {
                agent.close();
                agent = agent(port, boots);
                try {
                    s.get("sysName.0");
                } catch (io.varbind.SnmpException e) {
                    failures.add("after the restart with boots " + boots + ": " + e);
                }
            }
        } finally {
            agent.close();
        }
        assertEquals(List.of(), failures);
    }
}
