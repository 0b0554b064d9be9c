package io.varbind.engine;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.varbind.codec.Pdu;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One request in flight: what to send again, how often it was sent, and the future to complete.
 * Internal to the engine; completed exactly once ({@link #finish()}).
 */
public final class PendingRequest {
    private final Target target;
    private final Pdu pdu;
    private final int id;
    private final CompletableFuture<Response> future;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Timeout timeout;
    private volatile long sentAt;
    private volatile int sends;
    private volatile int bytesSent;
    private volatile boolean reportRetried;
    private volatile String lastRefusal;

    public PendingRequest(Target target, Pdu pdu, int id, CompletableFuture<Response> future) {
        this.target = target;
        this.pdu = pdu;
        this.id = id;
        this.future = future;
    }

    public Target target() {
        return target;
    }

    public Pdu pdu() {
        return pdu;
    }

    public int id() {
        return id;
    }

    public CompletableFuture<Response> future() {
        return future;
    }

    public boolean isDone() {
        return done.get();
    }

    /** Claims the right to complete the future: true exactly once; cancels the timer. */
    public boolean finish() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        Timeout t = timeout;
        if (t != null) {
            t.cancel();
        }
        return true;
    }

    /** Records one more send of {@code bytes} octets at {@code nanos}. */
    public synchronized void sent(int bytes, long nanos) {
        sends++;
        bytesSent += bytes;
        sentAt = nanos;
    }

    /** (Re)arms the timer of this try. */
    public void scheduleTimeout(Timer timer, Consumer<PendingRequest> onTimeout) {
        Timeout old = timeout;
        if (old != null) {
            old.cancel();
        }
        if (!done.get()) {
            timeout = timer.newTimeout(t -> onTimeout.accept(this), target.timeoutNanos(), TimeUnit.NANOSECONDS);
        }
    }

    public int sends() {
        return sends;
    }

    public long sentAt() {
        return sentAt;
    }

    public int bytesSent() {
        return bytesSent;
    }

    public void refused(String why) {
        lastRefusal = why;
    }

    public String lastRefusal() {
        return lastRefusal;
    }

    public boolean reportRetried() {
        return reportRetried;
    }

    public void markReportRetried() {
        reportRetried = true;
    }
}
