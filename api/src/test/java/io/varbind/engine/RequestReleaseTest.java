package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpEngine;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.testing.EchoResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request frees its slot however its future ends: answered (before the caller sees the
 * answer), timed out, or cancelled or completed by the caller while the agent stays silent.
 */
class RequestReleaseTest {
    private static final List<Oid> OID = List.of(Oid.parse("1.3.6.1.2.1.1.1.0"));

    private static Target target(InetSocketAddress a, long millis) {
        return Target.community(a, 1, "public".getBytes(StandardCharsets.US_ASCII),
                TimeUnit.MILLISECONDS.toNanos(millis), 0);
    }

    @Test
    void everyWayAFutureEndsFreesItsSlot() throws Exception {
        try (SnmpEngine engine = SnmpEngine.builder().maxInFlightPerTarget(1).build();
                EchoResponder agent = new EchoResponder();
                DatagramChannel silent = DatagramChannel.open()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Target quiet = target((InetSocketAddress) silent.getLocalAddress(), 60_000);
            for (int i = 0; i < 100; i++) { // answered: the slot is free when the caller sees the answer
                engine.request(target(agent.address(), 5000), Pdu.request(BerTags.GET, OID)).get(5, TimeUnit.SECONDS);
                assertEquals(0, engine.statistics().inFlight(), "answered request " + i + " still in flight");
            }
            CompletableFuture<Response> cancelled = engine.request(quiet, Pdu.request(BerTags.GET, OID));
            CompletableFuture<Response> queued = engine.request(quiet, Pdu.request(BerTags.GET, OID));
            assertEquals(1, engine.statistics().queued(), "one slot per target: the second waits");
            assertTrue(cancelled.cancel(false));
            assertEquals(0, engine.statistics().queued(), "the cancel freed the slot for the waiting request");
            assertTrue(queued.complete(null));
            assertEquals(0, engine.statistics().inFlight(), "a request the caller completed stays in flight");
            CompletableFuture<Response> timedOut = engine.request(target((InetSocketAddress) silent.getLocalAddress(), 50),
                    Pdu.request(BerTags.GET, OID));
            assertTrue(timedOut.handle((r, e) -> e != null).get(5, TimeUnit.SECONDS));
            assertEquals(0, engine.statistics().inFlight(), "a timed-out request stays in flight");
        }
    }
}
