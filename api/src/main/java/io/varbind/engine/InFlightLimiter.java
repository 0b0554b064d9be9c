package io.varbind.engine;

import io.varbind.SnmpException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the requests in flight, per engine and per target, with back-pressure: a request over
 * either bound waits in a queue (bounded too) and starts when a slot frees; over the queue's bound
 * it fails at once with a {@link SnmpException}. Critical sections are a few field updates, never
 * I/O, so the lock never holds up an event loop. Internal to the engine.
 */
public final class InFlightLimiter {
    private final int maxInFlight;
    private final int maxPerTarget;
    private final int maxQueued;
    private int inFlight;
    private int queued;
    private boolean closed;
    private final Map<InetSocketAddress, int[]> perTarget = new HashMap<>();
    private final ArrayDeque<Waiting> engineQueue = new ArrayDeque<>();
    private final Map<InetSocketAddress, ArrayDeque<Waiting>> targetQueues = new HashMap<>();

    private record Waiting(InetSocketAddress target, Runnable start) {
    }

    public InFlightLimiter(int maxInFlight, int maxPerTarget, int maxQueued) {
        this.maxInFlight = maxInFlight;
        this.maxPerTarget = maxPerTarget;
        this.maxQueued = maxQueued;
    }

    /** Runs {@code start} now or when a slot frees; throws when the queue is full or the limiter closed. */
    public void admit(InetSocketAddress target, Runnable start) {
        synchronized (this) {
            if (closed) {
                throw new SnmpException("the engine is closed");
            }
            int[] n = perTarget.computeIfAbsent(target, k -> new int[1]);
            if (inFlight < maxInFlight && n[0] < maxPerTarget) {
                inFlight++;
                n[0]++;
            } else {
                if (queued >= maxQueued) {
                    throw new SnmpException("too many requests waiting (" + queued + "): " + maxInFlight
                            + " in flight per engine, " + maxPerTarget + " per target");
                }
                queued++;
                Waiting w = new Waiting(target, start);
                if (n[0] >= maxPerTarget) {
                    targetQueues.computeIfAbsent(target, k -> new ArrayDeque<>()).add(w);
                } else {
                    engineQueue.add(w);
                }
                return;
            }
        }
        start.run();
    }

    /** A request to {@code target} ended: its slot goes to the next waiting request that fits. */
    public void release(InetSocketAddress target) {
        Runnable next = null;
        synchronized (this) {
            int[] n = perTarget.get(target);
            inFlight--;
            if (n != null && --n[0] == 0 && !targetQueues.containsKey(target)) {
                perTarget.remove(target);
            }
            if (closed) {
                return; // close() hands the waiting requests out itself, in a loop, not one from each release
            }
            ArrayDeque<Waiting> tq = targetQueues.get(target);
            Waiting w = null;
            if (tq != null) {
                w = tq.poll();
                if (tq.isEmpty()) {
                    targetQueues.remove(target);
                }
            }
            while (w == null && !engineQueue.isEmpty()) {
                Waiting c = engineQueue.poll();
                int[] cn = perTarget.computeIfAbsent(c.target(), k -> new int[1]);
                if (cn[0] < maxPerTarget) {
                    w = c;
                } else {
                    targetQueues.computeIfAbsent(c.target(), k -> new ArrayDeque<>()).add(c);
                }
            }
            if (w != null) {
                queued--;
                inFlight++;
                perTarget.computeIfAbsent(w.target(), k -> new int[1])[0]++;
                next = w.start();
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /**
     * Admits nothing more and returns every waiting request's start, each now counted in flight (so
     * its {@link #release} balances); the caller runs them to fail them. Releases after this only
     * free their slot: starting the next from each release nested one call per queued request.
     */
    public List<Runnable> close() {
        List<Runnable> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Waiting w : engineQueue) {
                all.add(w.start());
            }
            engineQueue.clear();
            for (ArrayDeque<Waiting> q : targetQueues.values()) {
                for (Waiting w : q) {
                    all.add(w.start());
                }
            }
            targetQueues.clear();
            perTarget.clear(); // slots are counted only in total from now on
            inFlight += all.size();
            queued = 0;
        }
        return all;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int queued() {
        return queued;
    }
}
