package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A blocking wait on a request future ends with the result whether it comes during the short
 * spin or long after it (when the caller has parked), and carries failures as CompletableFuture
 * does.
 */
class ResponseFutureTest {

    @Test
    void resultsBeforeDuringAndAfterTheSpinAreDelivered() throws Exception {
        ResponseFuture done = new ResponseFuture();
        done.complete(null);
        assertEquals(null, done.get());
        for (long delayMicros : new long[] {0, 10, ResponseFuture.SPIN_NANOS / 1000 * 20}) {
            ResponseFuture f = new ResponseFuture();
            Object marker = new Object();
            CompletableFuture<Object> derived = f.thenApply(r -> marker);
            CompletableFuture.runAsync(() -> f.complete(null),
                    CompletableFuture.delayedExecutor(delayMicros, TimeUnit.MICROSECONDS));
            assertEquals(null, f.join());
            assertSame(marker, derived.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void failuresAreThrownAsCompletableFutureThrowsThem() {
        ResponseFuture f = new ResponseFuture();
        IllegalStateException cause = new IllegalStateException("no");
        CompletableFuture.runAsync(() -> f.completeExceptionally(cause),
                CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertSame(cause, e.getCause());
        CompletionException c = assertThrows(CompletionException.class, f::join);
        assertSame(cause, c.getCause());
        assertTrue(f.isCompletedExceptionally());
    }
}
