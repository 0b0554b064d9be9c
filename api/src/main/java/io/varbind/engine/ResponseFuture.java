package io.varbind.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The future of one request. A blocking {@link #get()} or {@link #join()} first watches for the
 * result for a short bounded time ({@link #SPIN_NANOS}) before parking: an answer from a nearby
 * agent usually arrives within that time, and a caller that is not parked needs no wake-up from
 * the event loop (a futex call there and a context switch here, which cost more than the request
 * on a loopback or LAN path). The spin is bounded, so a slow agent costs at most that much CPU
 * per blocking call; set {@code -Dvarbind.spinMicros=0} to park at once.
 */
public final class ResponseFuture extends CompletableFuture<Response> {
    static final long SPIN_NANOS = Long.getLong("varbind.spinMicros", 50) * 1000;

    private volatile PendingRequest pending;

    /**
     * Ties the request in flight to this future: once the future completes, however (answer,
     * failure, a caller's cancel or completion), the request is released (the engine releases it
     * just before it completes the future itself). Without a dependent
     * stage per request, which would cost heap for as long as the request is in flight.
     */
    public void attach(PendingRequest p) {
        pending = p;
        if (isDone()) {
            p.release();
        }
    }

    private boolean released(boolean completedNow) {
        PendingRequest p = pending;
        if (completedNow && p != null) {
            p.release();
        }
        return completedNow;
    }

    @Override
    public boolean complete(Response value) {
        return released(super.complete(value));
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        return released(super.completeExceptionally(ex));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return released(super.cancel(mayInterruptIfRunning));
    }

    @Override
    public Response get() throws InterruptedException, ExecutionException {
        spinBriefly(this);
        return super.get();
    }

    @Override
    public Response join() {
        spinBriefly(this);
        return super.join();
    }

    /**
     * Watches {@code f} for at most {@link #SPIN_NANOS} before the caller blocks on it (for the
     * blocking calls of sessions, whose futures derive from request futures).
     */
    public static void spinBriefly(CompletableFuture<?> f) {
        if (SPIN_NANOS <= 0 || f.isDone()) {
            return;
        }
        long end = System.nanoTime() + SPIN_NANOS;
        do {
            Thread.onSpinWait();
        } while (!f.isDone() && System.nanoTime() < end);
    }
}
