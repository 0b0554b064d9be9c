package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpEngine;
import io.varbind.SnmpException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing an engine ends every request, however many wait behind the in-flight bounds. */
class EngineShutdownTest {
    private static final Oid OID = Oid.parse("1.3.6.1.9.1");

    @Test
    void closeFailsEveryQueuedRequest() throws Exception {
        for (int queued : new int[] {2_000, 100_000}) {
            try (HostileResponder r = new HostileResponder(HostileResponder.Mode.DROP, 2, 0)) {
                SnmpEngine e = SnmpEngine.builder().maxInFlight(3).maxInFlightPerTarget(2).maxQueued(queued).build();
                List<CompletableFuture<Response>> all = new ArrayList<>(queued + 3);
                for (int i = 0; i < queued + 3; i++) {
                    // two targets, so that requests wait both in the engine's queue and in a target's
                    InetSocketAddress a = r.address(i % 2);
                    all.add(e.request(new Target(a, "udp", 1, "public".getBytes(StandardCharsets.US_ASCII),
                            TimeUnit.SECONDS.toNanos(30), 0, 0, null), Pdu.request(BerTags.GET, List.of(OID))));
                }
                assertEquals(queued, e.statistics().queued());
                e.close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                int done = 0;
                for (CompletableFuture<Response> f : all) {
                    try {
                        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException t) {
                        continue;
                    } catch (java.util.concurrent.ExecutionException x) {
                        assertInstanceOf(SnmpException.class, x.getCause());
                        assertTrue(x.getCause().getMessage().contains("closed"), x.getCause().getMessage());
                    }
                    done++;
                }
                assertEquals(all.size(), done, "requests ended after close()");
                assertEquals(0, e.statistics().inFlight());
                assertEquals(0, e.statistics().queued());
                CompletionException after = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                        () -> e.request(new Target(r.address(0), "udp", 1, new byte[] {'p'}, 1_000_000, 0, 0, null),
                                Pdu.request(BerTags.GET, List.of(OID))).join());
                assertTrue(after.getCause().getMessage().contains("closed"));
            }
        }
    }
}
