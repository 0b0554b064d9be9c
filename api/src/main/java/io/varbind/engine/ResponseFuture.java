package io.varbind.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The future of one request. A blocking {@link #get()} or {@link #join()} may first watch for the
 * result for a short bounded time before parking: an answer from a nearby agent usually arrives
 * within that time, and a caller that is not parked needs no wake-up from the event loop (a futex
 * call there and a context switch here, which cost more than the request on a loopback or LAN
 * path). Whether it spins follows the calling thread's recent waits ({@link AnswerTime}): a
 * thread whose answers take longer than the spin parks at once. Set {@code -Dvarbind.spinMicros=0}
 * to park at once always.
 */
public final class ResponseFuture extends CompletableFuture<Response> {
    static final long SPIN_NANOS = AnswerTime.MAX_SPIN_NANOS;

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
        AnswerTime t = AnswerTime.ofThisThread();
        long w = t.beforeWait(this);
        try {
            return super.get();
        } finally {
            t.afterWait(w);
        }
    }

    @Override
    public Response join() {
        AnswerTime t = AnswerTime.ofThisThread();
        long w = t.beforeWait(this);
        try {
            return super.join();
        } finally {
            t.afterWait(w);
        }
    }
}
