package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpEngine;
import io.varbind.SnmpException;
import io.varbind.SnmpTimeoutException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A responder that drops, duplicates, delays, truncates, lies and loops: every request still ends. */
class HostileAgentTest {
    private static final Oid OID = Oid.parse("1.3.6.1.9.1");
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

    private static Target target(InetSocketAddress a, long timeoutMillis, int retries) {
        return new Target(a, "udp", 1, "public".getBytes(StandardCharsets.US_ASCII),
                TimeUnit.MILLISECONDS.toNanos(timeoutMillis), retries, 0, null);
    }

    private Throwable failure(HostileResponder.Mode mode, long timeoutMillis, int retries) throws Exception {
        try (HostileResponder r = new HostileResponder(mode, 1, 0)) {
            CompletableFuture<Response> f = engine.request(target(r.address(0), timeoutMillis, retries),
                    Pdu.request(BerTags.GET, List.of(OID)));
            CompletionException e = assertTimeoutPreemptively(LIMIT,
                    () -> assertThrows(CompletionException.class, f::join));
            return e.getCause();
        }
    }

    @Test
    void silenceIsATimeoutAfterEveryRetry() throws Exception {
        Throwable e = failure(HostileResponder.Mode.DROP, 100, 2);
        assertInstanceOf(SnmpTimeoutException.class, e);
        assertTrue(e.getMessage().contains("after 3 tries"), e.getMessage());
    }

    @Test
    void wrongRequestIdsAreDroppedAndCounted() throws Exception {
        assertInstanceOf(SnmpTimeoutException.class, failure(HostileResponder.Mode.WRONG_ID, 100, 1));
        assertTrue(engine.statistics().unmatchedResponses() >= 2);
    }

    @Test
    void answersFromAnotherAddressAreDropped() throws Exception {
        assertInstanceOf(SnmpTimeoutException.class, failure(HostileResponder.Mode.WRONG_SOURCE, 100, 1));
        assertTrue(engine.statistics().wrongSourceResponses() >= 2);
    }

    @Test
    void truncatedAnswersAreDroppedAsMalformed() throws Exception {
        Throwable e = failure(HostileResponder.Mode.TRUNCATE, 100, 1);
        assertInstanceOf(SnmpTimeoutException.class, e);
        assertTrue(engine.statistics().malformedMessages() >= 2, engine.statistics().toString());
    }

    /**
     * An inform's Response is read only as far as its header (its varbinds echo the inform's): the
     * header is still checked as any answer's, refusals and malformed ones are counted, the error
     * fields reach the caller, and the echoed varbinds are not decoded.
     */
    @Test
    void informAcknowledgementsAreCheckedAsAnswersWithoutDecodingTheEcho() throws Exception {
        Pdu inform = new Pdu(BerTags.INFORM, 0, 0, 0, List.of(VarBind.ofNull(Oid.parse("1.3.6.1.2.1.1.3.0")),
                VarBind.ofNull(Oid.parse("1.3.6.1.6.3.1.1.4.1.0")), VarBind.ofNull(OID)));
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.GOOD, 1, 0)) {
            Response a = engine.request(target(r.address(0), 1000, 1), inform).get(10, TimeUnit.SECONDS);
            assertEquals(BerTags.RESPONSE, a.pdu().type());
            assertEquals(0, a.pdu().errorStatus());
            assertTrue(a.pdu().varBinds().isEmpty(), "the echo was decoded: " + a.pdu());
            // a GET's answer is decoded as before
            Response g = engine.request(target(r.address(0), 1000, 1), Pdu.request(BerTags.GET, List.of(OID)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(1, g.pdu().varBinds().size());
        }
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.GEN_ERR, 1, 0)) {
            Response a = engine.request(target(r.address(0), 1000, 1), inform).get(10, TimeUnit.SECONDS);
            assertEquals(5, a.pdu().errorStatus());
            assertEquals(1, a.pdu().errorIndex());
        }
        long refused = engine.statistics().refusedMessages();
        for (HostileResponder.Mode m : List.of(HostileResponder.Mode.WRONG_COMMUNITY, HostileResponder.Mode.WRONG_VERSION,
                HostileResponder.Mode.WRONG_PDU_TYPE)) {
            try (HostileResponder r = new HostileResponder(m, 1, 0)) {
                CompletableFuture<Response> f = engine.request(target(r.address(0), 100, 1), inform);
                CompletionException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(CompletionException.class,
                        f::join));
                assertInstanceOf(SnmpTimeoutException.class, e.getCause(), m.toString());
                assertTrue(e.getCause().getMessage().contains("answers were refused"), e.getCause().getMessage());
                // each of the two tries' answers is refused (the last may land after the timeout:
                // waited for, with the responder still open)
                long before = refused;
                awaitAtLeast(() -> engine.statistics().refusedMessages(), before + 2, m + ": refused answers");
            }
            refused = engine.statistics().refusedMessages();
        }
        long malformed = engine.statistics().malformedMessages();
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.TRUNCATE, 1, 0)) {
            CompletableFuture<Response> f = engine.request(target(r.address(0), 100, 1), inform);
            assertTimeoutPreemptively(LIMIT, () -> assertThrows(CompletionException.class, f::join));
            long before = malformed;
            awaitAtLeast(() -> engine.statistics().malformedMessages(), before + 2, "malformed answers");
        }
    }

    /** Waits (at most 5 s) until {@code counter} reaches {@code least}; fails with its value otherwise. */
    private static void awaitAtLeast(java.util.function.LongSupplier counter, long least, String what)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counter.getAsLong() < least && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(counter.getAsLong() >= least, what + ": " + counter.getAsLong() + " < " + least);
    }

    @Test
    void garbageIsCountedNeverThrown() throws Exception {
        assertInstanceOf(SnmpTimeoutException.class, failure(HostileResponder.Mode.GARBAGE, 100, 1));
        SnmpEngine.Statistics s = engine.statistics();
        assertTrue(s.malformedMessages() + s.unmatchedResponses() >= 2, s.toString());
    }

    @Test
    void duplicatesCompleteOnce() throws Exception {
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.DUPLICATE, 1, 0)) {
            Response resp = engine.request(target(r.address(0), 1000, 0), Pdu.request(BerTags.GET, List.of(OID)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(OID, resp.pdu().varBinds().get(0).oid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (engine.statistics().unmatchedResponses() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, engine.statistics().unmatchedResponses());
        }
    }

    @Test
    void aLateAnswerToAnEarlierTryStillCounts() throws Exception {
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.DELAY, 1, 250)) {
            Response resp = engine.request(target(r.address(0), 100, 5), Pdu.request(BerTags.GET, List.of(OID)))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(resp.retries() >= 1, "retries " + resp.retries());
            assertEquals(OID, resp.pdu().varBinds().get(0).oid());
        }
    }

    @Test
    void loopsAndBackwardOidsEndAWalkWithATypedError() throws Exception {
        for (HostileResponder.Mode mode : new HostileResponder.Mode[] {HostileResponder.Mode.SAME_OID,
            HostileResponder.Mode.BACKWARDS}) {
            try (HostileResponder r = new HostileResponder(mode, 1, 0)) {
                for (boolean bulk : new boolean[] {false, true}) {
                    CompletableFuture<List<VarBind>> f = engine.walk(target(r.address(0), 5000, 0),
                            Oid.parse("1.3.6.1.9"), bulk, 0, 5);
                    CompletionException e = assertTimeoutPreemptively(LIMIT,
                            () -> assertThrows(CompletionException.class, f::join));
                    OidNotIncreasingException n = assertInstanceOf(OidNotIncreasingException.class, e.getCause());
                    assertTrue(n.getMessage().startsWith("OID not increasing: .1.3.6.1.9"), n.getMessage());
                }
            }
        }
    }

    @Test
    void walksEndAtEndOfMibViewAndTooBigShrinksTheBulk() throws Exception {
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.GOOD, 1, 0)) {
            List<VarBind> got = engine.walk(target(r.address(0), 1000, 0), Oid.parse("1.3.6.1.9"), false, 0, 0).join();
            assertEquals(List.of("1.3.6.1.9.1", "1.3.6.1.9.2", "1.3.6.1.9.3", "1.3.6.1.9.4", "1.3.6.1.9.5"),
                    got.stream().map(vb -> vb.oid().toString()).toList());
        }
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.TOO_BIG, 1, 0)) {
            List<VarBind> got = engine.walk(target(r.address(0), 1000, 0), Oid.parse("1.3.6.1.9"), true, 0, 10).join();
            assertEquals(5, got.size());
        }
    }

    @Test
    void aThousandTargetsThroughOneSocket() throws Exception {
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.GOOD, 1000, 0)) {
            assertTimeoutPreemptively(LIMIT, () -> {
                List<CompletableFuture<Response>> all = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    all.add(engine.request(target(r.address(i), 3000, 2), Pdu.request(BerTags.GET, List.of(OID))));
                }
                for (CompletableFuture<Response> f : all) {
                    assertEquals(OID, f.join().pdu().varBinds().get(0).oid());
                }
            });
            assertEquals(0, engine.statistics().inFlight());
        }
    }

    @Test
    void inFlightBoundsQueueThenFailFast() throws Exception {
        try (SnmpEngine small = SnmpEngine.builder().maxInFlight(4).maxInFlightPerTarget(2).maxQueued(3).build();
                HostileResponder r = new HostileResponder(HostileResponder.Mode.DELAY, 1, 200)) {
            List<CompletableFuture<Response>> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(small.request(target(r.address(0), 2000, 0), Pdu.request(BerTags.GET, List.of(OID))));
            }
            assertEquals(2, small.statistics().inFlight());
            assertEquals(3, small.statistics().queued());
            CompletableFuture<Response> over = small.request(target(r.address(0), 2000, 0),
                    Pdu.request(BerTags.GET, List.of(OID)));
            CompletionException e = assertThrows(CompletionException.class, over::join);
            assertInstanceOf(SnmpException.class, e.getCause());
            for (CompletableFuture<Response> f : all) {
                assertEquals(OID, f.get(10, TimeUnit.SECONDS).pdu().varBinds().get(0).oid());
            }
        }
    }

    @Test
    void closingTheEngineFailsWhatIsInFlight() throws Exception {
        try (HostileResponder r = new HostileResponder(HostileResponder.Mode.DROP, 1, 0)) {
            SnmpEngine e = SnmpEngine.create();
            CompletableFuture<Response> f = e.request(target(r.address(0), 10_000, 3), Pdu.request(BerTags.GET,
                    List.of(OID)));
            Thread.sleep(100);
            e.close();
            CompletionException ex = assertTimeoutPreemptively(LIMIT, () -> assertThrows(CompletionException.class, f::join));
            assertInstanceOf(SnmpException.class, ex.getCause());
            assertTrue(ex.getCause().getMessage().contains("closed"));
            CompletionException after = assertThrows(CompletionException.class,
                    () -> e.request(target(r.address(0), 100, 0), Pdu.request(BerTags.GET, List.of(OID))).join());
            assertTrue(after.getCause().getMessage().contains("closed"));
        }
    }
}
