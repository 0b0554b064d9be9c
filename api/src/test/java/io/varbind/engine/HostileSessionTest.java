package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpConnectionException;
import io.varbind.SnmpEngine;
import io.varbind.SnmpException;
import io.varbind.SnmpTimeoutException;
import io.varbind.SnmpVariable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile agents through the {@link Session} path: SNMPv3 answers that are spoofed, unauthenticated
 * or from another engine, and v1/v2c answers with the wrong community, version or PDU type. Each
 * ends the call with a typed error, and none leaves the engine unable to talk to an honest agent.
 */
class HostileSessionTest {
    private static final String OID = ".1.3.6.1.9.1";
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private SnmpEngine engine;

    @BeforeEach
    void start() {
        engine = SnmpEngine.builder().threads(2).build();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private Session v3(HostileV3Responder r) {
        return Session.builder().engine(engine).hostname("udp:127.0.0.1:" + r.address().getPort()).version(3)
                .securityLevel("authPriv").securityUsername(HostileV3Responder.USER).authProtocol("SHA")
                .authPassword(HostileV3Responder.AUTH_PASSWORD).privacyProtocol("AES")
                .privacyPassword(HostileV3Responder.PRIV_PASSWORD).timeout(1).retries(0).build();
    }

    private static SnmpException failure(Session s) {
        return assertTimeoutPreemptively(LIMIT, () -> assertThrows(SnmpException.class, () -> s.get(OID)));
    }

    private static void stillWorks(Session s, HostileV3Responder r) {
        r.mode = HostileV3Responder.Mode.GOOD;
        assertEquals("ok", assertTimeoutPreemptively(LIMIT, () -> s.get(OID)).value());
    }

    @Test
    void anUnauthenticatedTimeReportDoesNotMoveTheEngineClock() throws Exception {
        try (HostileV3Responder r = new HostileV3Responder(); Session s = v3(r)) {
            assertEquals("ok", s.get(OID).value());
            r.mode = HostileV3Responder.Mode.SPOOFED_TIME_REPORT;
            failure(s);
            // RFC 3414 3.2 step 7b: only authenticated messages update boots and time; had the report's
            // 2^31-1 been taken, every later authenticated answer would be out of the time window
            stillWorks(s, r);
            try (Session other = v3(r)) { // the state is the engine's, shared by every session
                assertEquals("ok", other.get(OID).value());
            }
        }
    }

    @Test
    void aSpoofedReportEndsTheCallWithItsCounterAndNothingElse() throws Exception {
        try (HostileV3Responder r = new HostileV3Responder(); Session s = v3(r)) {
            r.mode = HostileV3Responder.Mode.SPOOFED_REPORT;
            SnmpException e = failure(s);
            assertInstanceOf(SnmpConnectionException.class, e);
            assertTrue(e.getMessage().contains("usmStatsWrongDigests"), e.getMessage());
            stillWorks(s, r);
        }
    }

    @Test
    void answersThatAreNotAuthenticatedByTheAgentAreRefused() throws Exception {
        String[][] cases = {
            {"UNAUTHENTICATED_RESPONSE", "unauthenticated response"},
            {"WRONG_ENGINE_ID", "another engine id"},
            {"WRONG_KEY", "digest does not match"},
            {"WRONG_PDU_TYPE", "expected a Response PDU"},
        };
        for (String[] c : cases) {
            try (HostileV3Responder r = new HostileV3Responder(); Session s = v3(r)) {
                assertEquals("ok", s.get(OID).value());
                r.mode = HostileV3Responder.Mode.valueOf(c[0]);
                SnmpException e = failure(s);
                assertInstanceOf(SnmpTimeoutException.class, e, c[0]);
                assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
                assertEquals(1, r.requests.get() - 2, c[0]); // after discovery and the first get
                stillWorks(s, r);
            }
        }
    }

    private Session v2c(HostileResponder r, int version, double timeoutSeconds) {
        return Session.builder().engine(engine).hostname("udp:127.0.0.1:" + r.address(0).getPort())
                .version(version).community("public").timeout(timeoutSeconds).retries(0).build();
    }

    @Test
    void wellFormedAnswersWithAnotherCommunityVersionOrPduTypeAreRefused() throws Exception {
        String[][] cases = {
            {"WRONG_COMMUNITY", "another community"},
            {"WRONG_VERSION", "response of version"},
            {"WRONG_PDU_TYPE", "expected a Response PDU"},
        };
        for (int version : new int[] {1, 2}) {
            // warm up the engine's socket and both sides' code, so a cold first answer is not mistaken for none
            try (HostileResponder r = new HostileResponder(HostileResponder.Mode.GOOD, 1, 0);
                    Session s = v2c(r, version, 10)) {
                assertEquals("ok", s.get(OID).value());
            }
            for (String[] c : cases) {
                HostileResponder.Mode mode = HostileResponder.Mode.valueOf(c[0]);
                try (HostileResponder r = new HostileResponder(mode, 1, 0); Session s = v2c(r, version, 2)) {
                    long refusedBefore = engine.statistics().refusedMessages();
                    SnmpException e = failure(s);
                    assertInstanceOf(SnmpTimeoutException.class, e, c[0]);
                    assertTrue(e.getMessage().contains(c[1]), c[0] + " v" + version + ": " + e.getMessage());
                    assertEquals(1, r.requests.get(), c[0]);
                    assertEquals(1, engine.statistics().refusedMessages() - refusedBefore, c[0]);
                }
            }
        }
    }

    @Test
    void bulkwalkSendsItsNonRepeaters() throws Exception {
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.GOOD, 1, 0); Session s = v2c(r, 2, 5)) {
            for (int nonRepeaters : new int[] {0, 1}) {
                int before = r.requests.get();
                List<SnmpVariable> got = s.bulkwalk(".1.3.6.1.9", nonRepeaters, 5);
                assertEquals(5, got.size(), "non-repeaters " + nonRepeaters);
                assertEquals(nonRepeaters, r.lastNonRepeaters);
                // a non-repeater gets one successor per request (RFC 3416 4.2.3): 5 values, then the end
                assertEquals(nonRepeaters == 0 ? 2 : 6, r.requests.get() - before, "non-repeaters " + nonRepeaters);
            }
        }
    }

    @Test
    void aStreamAgentCannotAnswerRequestsSentToAnother() throws Exception {
        try (HostileStreamResponder silent = new HostileStreamResponder(HostileStreamResponder.Mode.SILENT);
                HostileStreamResponder thief = new HostileStreamResponder(HostileStreamResponder.Mode.ANSWER_NEIGHBOURS);
                Session quiet = tcp(silent); Session hostile = tcp(thief)) {
            // connections first, so that the two requests below get neighbouring request ids
            assertThrows(SnmpTimeoutException.class, () -> quiet.get(OID));
            assertEquals("mine", hostile.get(OID).value());
            for (int i = 0; i < 5; i++) {
                java.util.concurrent.CompletableFuture<SnmpVariable> victim = quiet.getAsync(OID);
                java.util.concurrent.CompletableFuture<SnmpVariable> own = hostile.getAsync(OID);
                assertEquals("mine", own.get(10, java.util.concurrent.TimeUnit.SECONDS).value());
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> victim.get(10, java.util.concurrent.TimeUnit.SECONDS));
                assertInstanceOf(SnmpTimeoutException.class, e.getCause());
            }
            assertTrue(engine.statistics().wrongSourceResponses() >= 5, engine.statistics().toString());
        }
    }

    private Session tcp(HostileStreamResponder r) {
        return Session.builder().engine(engine).hostname("tcp:127.0.0.1:" + r.address().getPort()).version(2)
                .community("public").timeout(1).retries(0).build();
    }
}
