package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmpdExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The poller against a real snmpd: v1, v2c and v3 targets side by side, GETs and walks. */
@Tag("agent")
@ExtendWith(SnmpdExtension.class)
class PollerAgentTest {

    @Test
    void v1V2cAndV3TargetsPolledSideBySide(SnmpdAgent agent) throws Exception {
        SnmpdAgent.User u = SnmpdAgent.user("sha256_aes");
        try (Poller p = Poller.builder().build()) {
            p.add(PollTarget.builder("v1").session(s -> s.hostname(agent.hostPort()).version(1).timeout(2).retries(1))
                    .get("sysDescr.0", "sysName.0").walk("system").interval(Duration.ofMillis(200)).build());
            p.add(PollTarget.builder("v2c").session(s -> s.hostname(agent.hostPort()).version(2).timeout(2).retries(1))
                    .get("sysDescr.0", "sysName.0", "sysContact.0").maxOidsPerRequest(2).walk("system")
                    .interval(Duration.ofMillis(200)).build());
            p.add(PollTarget.builder("v3").session(s -> s.hostname(agent.hostPort()).version(3).timeout(2).retries(1)
                    .securityUsername(u.name()).securityLevel(u.level()).authProtocol(u.auth())
                    .authPassword(u.authPassword()).privacyProtocol(u.priv()).privacyPassword(u.privPassword()))
                    .get("sysDescr.0", "sysName.0").interval(Duration.ofMillis(200)).build());
            p.add(PollTarget.builder("wrongCommunity").session(s -> s.hostname(agent.hostPort()).version(2)
                    .community("not-this-one").timeout(0.05).retries(0)).get("sysDescr.0")
                    .interval(Duration.ofMillis(200)).build());
            // the first polls load the MIBs (seconds): count from when every target has answered once
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (seen.size() < 4) {
                PollResult r = p.poll(Duration.ofSeconds(10));
                assertNotNull(r);
                seen.add(r.target());
            }
            Map<String, Integer> polls = new HashMap<>();
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                PollResult r = p.poll(Duration.ofSeconds(3));
                assertNotNull(r);
                polls.merge(r.target(), 1, Integer::sum);
                List<SnmpVariable> vs = r.variables();
                switch (r.target()) {
                    case "wrongCommunity" -> assertTrue(r.error() instanceof SnmpTimeoutException, String.valueOf(r.error()));
                    case "v3" -> {
                        assertNull(r.error());
                        assertEquals(List.of(SnmpdAgent.SYS_DESCR, SnmpdAgent.SYS_NAME), List.of(vs.get(0).value(), vs.get(1).value()));
                    }
                    default -> {
                        assertNull(r.error(), r.target());
                        int gets = "v1".equals(r.target()) ? 2 : 3;
                        assertEquals(SnmpdAgent.SYS_DESCR, vs.get(0).value());
                        assertEquals("sysName", vs.get(1).oid());
                        // the walk of system follows the GETs and starts at sysDescr again
                        assertEquals("sysDescr", vs.get(gets).oid());
                        assertTrue(vs.size() > gets + 8, r.target() + ": " + vs.size());
                    }
                }
            }
            for (String t : List.of("v1", "v2c", "v3", "wrongCommunity")) {
                assertTrue(polls.getOrDefault(t, 0) >= 4, t + " polled " + polls.get(t) + " times in 1.5 s at 200 ms");
            }
        }
    }
}
