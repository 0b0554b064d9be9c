package io.varbind.engine;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.varbind.codec.Pdu;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One request in flight: what to send again, how often it was sent, and the future to complete.
 * Internal to the engine; completed exactly once ({@link #finish()}). It is its own timer task
 * and its done flag a field, not an object: a request in flight should cost little heap.
 */
public final class PendingRequest implements TimerTask {
    private static final VarHandle DONE;
    private static final VarHandle RELEASED;

    static {
        try {
            DONE = MethodHandles.lookup().findVarHandle(PendingRequest.class, "done", boolean.class);
            RELEASED = MethodHandles.lookup().findVarHandle(PendingRequest.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Target target;
    private final Pdu pdu;
    private volatile int id;
    private final CompletableFuture<Response> future;
    private volatile boolean done;
    private volatile boolean released;
    private final Consumer<PendingRequest> release;
    private volatile Consumer<PendingRequest> onTimeout;
    private volatile Timeout timeout;
    private volatile long sentAt;
    private volatile int sends;
    private volatile int bytesSent;
    private volatile boolean reportRetried;
    private volatile String lastRefusal;

    /**
     * @param release what the engine does once the future is complete, however it completed (its
     *     id and its slot freed): run exactly once, by {@link #release()}
     */
    public PendingRequest(Target target, Pdu pdu, int id, CompletableFuture<Response> future,
            Consumer<PendingRequest> release) {
        this.target = target;
        this.pdu = pdu;
        this.id = id;
        this.future = future;
        this.release = release;
    }

    /** The future completed (answered, failed or cancelled): frees what the request held, once. */
    public void release() {
        if (RELEASED.compareAndSet(this, false, true)) {
            release.accept(this);
        }
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

    /**
     * Gives the request a new id for what is sent from now on (RFC 3412 section 6.2: a message sent
     * again gets a new msgID), so that late or repeated answers to what was sent before match
     * nothing; the engine maps the new id to this request first.
     */
    public void renumber(int newId) {
        id = newId;
    }

    public CompletableFuture<Response> future() {
        return future;
    }

    public boolean isDone() {
        return done;
    }

    /** Claims the right to complete the future: true exactly once; cancels the timer. */
    public boolean finish() {
        if (!DONE.compareAndSet(this, false, true)) {
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
        if (!done) {
            this.onTimeout = onTimeout;
            timeout = timer.newTimeout(this, target.timeoutNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The timer fired: this try went unanswered. */
    @Override
    public void run(Timeout t) {
        Consumer<PendingRequest> c = onTimeout;
        if (c != null) {
            c.accept(this);
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
