package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmpdExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SNMPv3 through every USM user Net-SNMP supports, over UDP and TCP, and every failure typed. */
@Tag("agent")
@ExtendWith(SnmpdExtension.class)
class SessionV3AgentTest {
    private static SnmpEngine engine;

    @BeforeAll
    static void start() {
        engine = SnmpEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Session.Builder v3(SnmpdAgent agent, SnmpdAgent.User u, String transport) {
        Session.Builder b = Session.builder().engine(engine).hostname(transport + ":" + agent.hostPort()).version(3)
                .securityUsername(u.name()).securityLevel(u.level()).timeout(2).retries(1);
        if (u.auth() != null) {
            b.authProtocol(u.auth()).authPassword(u.authPassword());
        }
        if (u.priv() != null) {
            b.privacyProtocol(u.priv()).privacyPassword(u.privPassword());
        }
        return b;
    }

    static Stream<SnmpdAgent.User> users() {
        return SnmpdAgent.USERS.stream();
    }

    @ParameterizedTest
    @MethodSource("users")
    void everyUserGetsWalksAndSetsOverUdp(SnmpdAgent.User u, SnmpdAgent agent) {
        try (Session s = v3(agent, u, "udp").build()) {
            SnmpVariable d = s.get("sysDescr.0");
            assertEquals(SnmpdAgent.SYS_DESCR, d.value(), u.name());
            assertEquals("sysObjectID", s.getNext("sysDescr.0").oid());
            List<SnmpVariable> sys = s.bulkwalk("system");
            assertTrue(sys.size() > 8, u.name() + ": " + sys.size());
            assertTrue(s.set("sysLocation.0", "v3 " + u.name()));
            assertEquals("v3 " + u.name(), s.get("sysLocation.0").value());
        }
    }

    @Test
    void tcpAndConcurrentFirstRequestsShareOneDiscovery(SnmpdAgent agent) throws Exception {
        SnmpdAgent.User u = SnmpdAgent.user("sha256_aes");
        try (Session s = v3(agent, u, "tcp").build()) {
            assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
            assertFalse(s.walk("system").isEmpty());
        }
        try (SnmpEngine fresh = SnmpEngine.create()) {
            List<CompletableFuture<SnmpVariable>> all = new ArrayList<>();
            for (SnmpdAgent.User each : List.of(SnmpdAgent.user("md5_des"), SnmpdAgent.user("sha512_aes256c"),
                    SnmpdAgent.user("sha_aes"), u)) {
                Session s = v3(agent, each, "udp").engine(fresh).build();
                for (int i = 0; i < 5; i++) {
                    all.add(s.getAsync("sysName.0"));
                }
            }
            for (CompletableFuture<SnmpVariable> f : all) {
                assertEquals(SnmpdAgent.SYS_NAME, f.get().value());
            }
        }
    }

    @Test
    void wrongPasswordsAndUsersAreNamedErrors(SnmpdAgent agent) {
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        SnmpConnectionException digest = assertThrows(SnmpConnectionException.class,
                () -> v3(agent, u, "udp").authPassword("not the password").build().get("sysDescr.0"));
        assertTrue(digest.getMessage().contains("usmStatsWrongDigests"), digest.getMessage());
        SnmpConnectionException user = assertThrows(SnmpConnectionException.class,
                () -> v3(agent, u, "udp").securityUsername("nobody_here").build().get("sysDescr.0"));
        assertTrue(user.getMessage().contains("usmStatsUnknownUserNames"), user.getMessage());
        SnmpTimeoutException priv = assertThrows(SnmpTimeoutException.class,
                () -> v3(agent, u, "udp").privacyPassword("not the privacy password").timeout(0.5).retries(0).build()
                        .get("sysDescr.0"));
        assertTrue(priv.getMessage().contains("privacy password"), priv.getMessage());
        SnmpConnectionException level = assertThrows(SnmpConnectionException.class,
                () -> v3(agent, SnmpdAgent.user("sha_none"), "udp").securityLevel("authPriv").privacyProtocol("AES")
                        .privacyPassword("whatever password").build().get("sysDescr.0"));
        assertTrue(level.getMessage().contains("usmStats"), level.getMessage());
    }

    @Test
    void readOnlyUserCannotSet(SnmpdAgent agent) {
        try (Session s = v3(agent, SnmpdAgent.READONLY, "udp").build()) {
            assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
            assertThrows(SnmpException.class, () -> s.set("sysLocation.0", "nope"));
        }
    }

    @Test
    void updateSessionChangesUserAtOnce(SnmpdAgent agent) {
        SnmpdAgent.User a = SnmpdAgent.user("md5_none");
        SnmpdAgent.User b = SnmpdAgent.user("sha384_aes256");
        try (Session s = v3(agent, a, "udp").build()) {
            assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
            s.updateSession(x -> x.authPassword("wrong password"));
            assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            s.updateSession(x -> x.securityUsername(b.name()).securityLevel(b.level()).authProtocol(b.auth())
                    .authPassword(b.authPassword()).privacyProtocol(b.priv()).privacyPassword(b.privPassword()));
            assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
        }
    }

    @Test
    void agentRestartWithHigherBootsIsFollowed() {
        SnmpdAgent.requireInstalled();
        try (SnmpdAgent agent = SnmpdAgent.start(3); SnmpEngine own = SnmpEngine.create()) {
            SnmpdAgent.User u = SnmpdAgent.user("sha_des");
            try (Session s = v3(agent, u, "udp").engine(own).build()) {
                assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
                try (SnmpdAgent again = agent.restart(9)) { // a new process: closed on its own
                    assertEquals(9, again.engineBoots());
                    // the first request after the restart is outside the time window: resync and retry once
                    assertEquals(SnmpdAgent.SYS_DESCR, s.get("sysDescr.0").value());
                }
            }
        }
    }
}
