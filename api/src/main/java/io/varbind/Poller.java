package io.varbind;

import io.varbind.mib.MibTree;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Polls many {@link PollTarget}s, each every its own interval, on the {@link Session} async API
 * of one {@link SnmpEngine}.
 *
 * <ul>
 * <li>Targets are spread evenly over their interval (the i-th target added starts at the i-th
 * point of a golden-ratio sequence, so any number of them is evenly spaced) and each poll gets a
 * random jitter of up to {@link Builder#jitter} of the interval, so that 10,000 targets do not
 * fire at once and do not stay in lock step.</li>
 * <li>At most one poll per target is in flight: a poll still running when the next is due makes
 * that next one an <em>overrun</em>, counted and skipped, never queued.</li>
 * <li>Every poll started ends in exactly one {@link PollResult}, put on a queue of
 * {@link Builder#queueCapacity} results. When the queue is full, no new poll starts until the
 * consumer takes one: polling slows down instead of buffering without bound (at most capacity plus
 * the polls in flight, one per target). A slot missed because of that is counted as
 * {@code missed}.</li>
 * <li>Results go to the {@link Builder#consumer} on a thread of the poller's own, or, with no
 * consumer, are taken with {@link #poll(Duration)} and {@link #drainTo}.</li>
 * <li>{@link #add} and {@link #remove} may be called at any time from any thread. Adding an id
 * already present changes that target: the next poll uses the new settings (a poll in flight
 * finishes with the old ones); a target removed mid-poll still gets that poll's result.</li>
 * </ul>
 *
 * <p>The scheduler is one thread that only starts polls; requests and answers run on the
 * engine's event loops, which this class never blocks. Its timetable is a wheel of 1 ms ticks
 * (the slots linked into their tick's bucket, nothing allocated per poll): the thread wakes once
 * per tick that has polls due, never once per poll, takes the lock once per tick and starts that
 * tick's polls outside it. A poll starts at or after its due time (jitter included), put off to
 * the next multiple of 0.1% of its interval (1 ms at 1 s, 10 ms at 10 s, at most 20 ms) so that
 * at long intervals several polls share a wake-up; on an idle machine it starts at most that
 * plus the wake-up late. {@link PollResult#lateness()} counts from the due time. Results reach
 * the consumer in the same rhythm: the delivery thread, once busy, looks for more results once
 * per such grain rather than being woken for each.
 */
public final class Poller implements AutoCloseable {
    /** The golden ratio's fractional part: the i-th target's phase is frac(i * PHI) of its interval. */
    private static final double PHI = 0.6180339887498949;
    /** The wheel's resolution: polls due within one tick start together. */
    private static final long TICK_NANOS = 1_000_000L;
    /**
     * The most ticks a slot's start may be put off so that it starts with others: a slot of
     * interval I starts on a multiple of I/1000 (0.1% of its interval, 1 to this many ticks), so
     * that at long intervals one wake-up of the scheduler starts several polls, not one each.
     */
    private static final long MAX_GRAIN_TICKS = 20;
    /** Buckets on the wheel (4.096 s of ticks); a slot due later waits its turn in its bucket. */
    private static final int WHEEL = 4096;

    private final SnmpEngine engine;
    private final boolean ownEngine;
    private final Consumer<PollResult> consumer;
    private final int capacity;
    private final double jitter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeup = lock.newCondition();
    private final Condition space = lock.newCondition();
    /** Slots by due tick modulo {@link #WHEEL}, each bucket a doubly linked list through the slots. */
    private final Slot[] wheel = new Slot[WHEEL];
    /**
     * The last GET prepared for each OID list, lent to the next target asking the same (one PDU
     * for many targets: 2 KB per target otherwise at 10 OIDs); only the scheduler thread uses it.
     */
    private final Map<List<String>, Session.PreparedGet> sharedGets = new HashMap<>();
    private static final int MAX_SHARED_GETS = 4096;
    /** Starts taken off the wheel in one tick; only the scheduler thread uses it. */
    private final ArrayList<Start> batch = new ArrayList<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final LinkedBlockingQueue<PollResult> results = new LinkedBlockingQueue<>();
    private final Thread scheduler;
    private final Thread delivery;
    private final long baseNanos = System.nanoTime();
    private final long baseEpochNanos = System.currentTimeMillis() * 1_000_000L;
    private long sequence;
    /** The next tick the scheduler looks at: every tick before it is done. */
    private long tick;
    /**
     * The tick the scheduler sleeps until: a slot placed before it wakes the thread (MAX_VALUE:
     * asleep with nothing on the wheel; MIN_VALUE: awake, it will look anyway).
     */
    private long wakeTick = Long.MIN_VALUE;
    /** Slots on the wheel. */
    private int scheduledSlots;
    private volatile MibTree mibs;
    private volatile boolean waitingForSpace;
    /**
     * How long the delivery thread waits for more results once the queue is empty: the smallest
     * start grain of the targets added (see {@link #MAX_GRAIN_TICKS}), so that it wakes about as
     * often as the scheduler, not once per result.
     */
    private volatile long lingerNanos = MAX_GRAIN_TICKS * TICK_NANOS;
    /** The delivery thread is parked until a result wakes it (see {@link #deliver}). */
    private volatile boolean deliveryParked;
    private volatile boolean closed;

    // counters, written under the lock or by the one thread that owns them
    private long started;
    private long succeeded;
    private long failed;
    private long overruns;
    private long missed;
    private long consumerWaits;
    private long wakeups;
    private int inFlight;
    private volatile long consumerErrors;
    /** Times the delivery thread parked (only it writes), for the tests. */
    private volatile long deliveryWaits;

    /** Counters of what the poller did since it was built. */
    public record Statistics(int targets, long started, long succeeded, long failed, long overruns, long missed,
            long consumerWaits, long consumerErrors, int inFlight, int queued) {
    }

    /** Poller settings. */
    public static final class Builder {
        private SnmpEngine engine;
        private Consumer<PollResult> consumer;
        private int queueCapacity = 4096;
        private double jitter = 0.05;

        private Builder() {
        }

        /** The engine to poll on (not closed by the poller); default: an engine of its own, closed with it. */
        public Builder engine(SnmpEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Where results go, called on one poller thread in the order polls end; while it runs no
         * other result is delivered. Without one, take results with {@link Poller#poll(Duration)}.
         */
        public Builder consumer(Consumer<PollResult> consumer) {
            this.consumer = consumer;
            return this;
        }

        /** How many results may wait for the consumer before polling slows down (default 4096). */
        public Builder queueCapacity(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, not " + n);
            }
            this.queueCapacity = n;
            return this;
        }

        /** The largest random delay added to a poll, as a fraction of its interval (default 0.05; 0 for none). */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("jitter must be in [0, 1), not " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        /** Builds the poller and starts its threads (with no targets yet). */
        public Poller build() {
            return new Poller(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One target's state; every field is guarded by the poller's lock, except the prepared GETs,
     * which only the scheduler thread touches.
     */
    private static final class Slot {
        final String id;
        final long sequence;
        PollTarget target;
        Session session;
        long intervalNanos;
        boolean inFlight;
        boolean removed;
        /** The next poll: {@code nominal} on the slot's grid, {@code due} with the jitter added. */
        long nominal;
        long due;
        long dueTick;
        /** The wheel bucket's list; {@code onWheel} while linked. */
        Slot prev;
        Slot next;
        boolean onWheel;
        /** {@link #target}'s GETs prepared on {@link #preparedFor} (the scheduler thread's). */
        Session preparedFor;
        PollTarget preparedTarget;
        Session.PreparedGet[] prepared;

        Slot(String id, long sequence) {
            this.id = id;
            this.sequence = sequence;
        }
    }

    /** A poll taken off the wheel, with what it runs on (the slot may change while it is in flight). */
    private record Start(Slot slot, PollTarget target, Session session, long due) {
    }

    private Poller(Builder b) {
        this.ownEngine = b.engine == null;
        this.engine = ownEngine ? SnmpEngine.create() : b.engine;
        this.consumer = b.consumer;
        this.capacity = b.queueCapacity;
        this.jitter = b.jitter;
        this.scheduler = new Thread(this::schedule, "varbind-poller-scheduler");
        this.scheduler.setDaemon(true);
        this.scheduler.start();
        if (consumer != null) {
            this.delivery = new Thread(this::deliver, "varbind-poller-delivery");
            this.delivery.setDaemon(true);
            this.delivery.start();
        } else {
            this.delivery = null;
        }
    }

    /** The MIB tree of sessions that name none: {@link MibTree#defaultTree()}, loaded once per poller. */
    private MibTree mibs() {
        MibTree t = mibs;
        if (t == null) {
            t = MibTree.defaultTree();
            mibs = t;
        }
        return t;
    }

    /** The engine the polls run on. */
    public SnmpEngine engine() {
        return engine;
    }

    // ------------------------------------------------------------------ targets

    /**
     * Adds a target, or changes the target with the same id. Its first poll comes within one
     * interval, at its slot; a changed interval moves it to a slot of the new interval.
     *
     * @throws IllegalStateException when the poller is closed
     */
    public void add(PollTarget target) {
        Session fresh = target.openSession(engine, mibs());
        Session old = null;
        lock.lock();
        try {
            if (closed) {
                fresh.close();
                throw new IllegalStateException("the poller is closed");
            }
            Slot s = slots.get(target.id());
            if (s == null) {
                s = new Slot(target.id(), sequence++);
                slots.put(s.id, s);
            } else if (!s.inFlight) {
                old = s.session;
            }
            // a session replaced mid-poll is closed when that poll ends (see finish)
            long interval = target.interval().toNanos();
            lingerNanos = Math.min(lingerNanos, grainTicks(interval) * TICK_NANOS);
            s.target = target;
            s.session = fresh;
            if (s.intervalNanos != interval) {
                s.intervalNanos = interval;
                unlink(s);
                place(s, firstSlot(s, System.nanoTime()));
            }
        } finally {
            lock.unlock();
        }
        if (old != null) {
            old.close();
        }
    }

    /** Adds or changes each target in turn. */
    public void addAll(Collection<PollTarget> targets) {
        for (PollTarget t : targets) {
            add(t);
        }
    }

    /**
     * Removes a target: no poll of it starts from now on; a poll in flight still ends in its result.
     *
     * @return whether the target was there
     */
    public boolean remove(String id) {
        Session idle = null;
        lock.lock();
        try {
            Slot s = slots.remove(id);
            if (s == null) {
                return false;
            }
            s.removed = true;
            unlink(s);
            if (!s.inFlight) {
                idle = s.session;
            }
        } finally {
            lock.unlock();
        }
        if (idle != null) {
            idle.close();
        }
        return true;
    }

    /** The ids of the targets polled now, sorted. */
    public Set<String> targetIds() {
        lock.lock();
        try {
            return new TreeSet<>(slots.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** The target with this id, or null. */
    public PollTarget target(String id) {
        lock.lock();
        try {
            Slot s = slots.get(id);
            return s == null ? null : s.target;
        } finally {
            lock.unlock();
        }
    }

    public Statistics statistics() {
        lock.lock();
        try {
            return new Statistics(slots.size(), started, succeeded, failed, overruns, missed, consumerWaits,
                    consumerErrors, inFlight, results.size());
        } finally {
            lock.unlock();
        }
    }

    /** How many times the delivery thread parked (each one wake-up), for the tests. */
    long deliveryWaits() {
        return deliveryWaits;
    }

    /** How many timed sleeps the scheduler took (each one wake-up), for the tests. */
    long wakeups() {
        lock.lock();
        try {
            return wakeups;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ scheduling

    /** The first point of the slot's grid (phase frac(sequence * PHI) of the interval) after {@code now}. */
    private long firstSlot(Slot s, long now) {
        long interval = s.intervalNanos;
        double frac = (s.sequence * PHI) % 1.0;
        long phase = (long) (frac * interval);
        long since = now - baseNanos - phase;
        long k = since < 0 ? 0 : since / interval + 1;
        return baseNanos + phase + k * interval;
    }

    /** The wheel tick at or after {@code nanos}: a poll never starts before its due time. */
    private long tickOf(long nanos) {
        return Math.floorDiv(nanos - baseNanos + TICK_NANOS - 1, TICK_NANOS);
    }

    /** Puts the slot on the wheel for its poll at {@code nominal} plus jitter. Under the lock. */
    private void place(Slot s, long nominal) {
        long max = (long) (jitter * s.intervalNanos);
        s.nominal = nominal;
        s.due = max > 0 ? nominal + ThreadLocalRandom.current().nextLong(max) : nominal;
        long due = Math.max(tickOf(s.due), tick); // a tick already done: the next one looked at
        long grain = grainTicks(s.intervalNanos);
        s.dueTick = Math.floorDiv(due + grain - 1, grain) * grain; // with the others of its grain
        int b = (int) (s.dueTick & (WHEEL - 1));
        Slot head = wheel[b];
        s.prev = null;
        s.next = head;
        if (head != null) {
            head.prev = s;
        }
        wheel[b] = s;
        s.onWheel = true;
        scheduledSlots++;
        if (s.dueTick < wakeTick) {
            wakeup.signal();
        }
    }

    /** A slot's start grain in ticks: 0.1% of its interval, at least 1 and at most {@link #MAX_GRAIN_TICKS}. */
    private static long grainTicks(long intervalNanos) {
        return Math.max(1, Math.min(MAX_GRAIN_TICKS, intervalNanos / 1000 / TICK_NANOS));
    }

    /** Takes the slot off the wheel if it is on it. Under the lock. */
    private void unlink(Slot s) {
        if (!s.onWheel) {
            return;
        }
        if (s.prev != null) {
            s.prev.next = s.next;
        } else {
            wheel[(int) (s.dueTick & (WHEEL - 1))] = s.next;
        }
        if (s.next != null) {
            s.next.prev = s.prev;
        }
        s.prev = null;
        s.next = null;
        s.onWheel = false;
        scheduledSlots--;
    }

    private void schedule() {
        List<Start> starts = batch;
        while (true) {
            lock.lock();
            try {
                if (!takeDue(starts)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            for (int i = 0, n = starts.size(); i < n; i++) {
                Start st = starts.get(i);
                start(st.slot, st.target, st.session, st.due);
            }
            starts.clear();
        }
    }

    /**
     * Waits until polls are due and room is on the result queue, then moves the due slots to their
     * next poll and adds the polls to start to {@code out} (none for an overrun). False once
     * closed. Under the lock.
     */
    private boolean takeDue(List<Start> out) throws InterruptedException {
        while (!closed) {
            if (!awaitSpace()) {
                return false;
            }
            long now = System.nanoTime();
            long nowTick = Math.floorDiv(now - baseNanos, TICK_NANOS); // the last tick whose time has come
            if (tick > nowTick) {
                sleepUntilDue(now);
                continue;
            }
            while (tick <= nowTick) {
                Slot s = wheel[(int) (tick & (WHEEL - 1))];
                while (s != null) {
                    Slot next = s.next; // a slot placed again goes to another tick's bucket or to the head
                    if (s.dueTick <= tick) {
                        if (results.size() >= capacity) {
                            return true; // the rest of this tick waits for room (back-pressure)
                        }
                        unlink(s);
                        fire(s, now, out);
                    }
                    s = next;
                }
                tick++;
            }
            if (!out.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sleeps until the first tick with a slot due in it (or a signal), not merely the first bucket
     * holding one: with long intervals most slots in a bucket are a turn or more of the wheel away,
     * and waking for them would cost a thread wake-up per tick. Under the lock.
     */
    private void sleepUntilDue(long now) throws InterruptedException {
        if (scheduledSlots == 0) {
            // every bucket is empty: the ticks until now hold nothing to look at
            tick = Math.max(tick, Math.floorDiv(now - baseNanos, TICK_NANOS) + 1);
            wakeTick = Long.MAX_VALUE;
            try {
                wakeup.await();
            } finally {
                wakeTick = Long.MIN_VALUE;
            }
            return;
        }
        long t = tick;
        long end = tick + WHEEL;
        search:
        for (; t < end; t++) {
            for (Slot s = wheel[(int) (t & (WHEEL - 1))]; s != null; s = s.next) {
                if (s.dueTick <= t) {
                    break search;
                }
            }
        }
        wakeTick = t;
        wakeups++;
        try {
            wakeup.awaitNanos(baseNanos + t * TICK_NANOS - now);
        } finally {
            wakeTick = Long.MIN_VALUE;
        }
    }

    /** A slot's poll is due: places its next one and adds this one to {@code out} unless it overruns. */
    private void fire(Slot s, long now, List<Start> out) {
        long due = s.due;
        long next = s.nominal + s.intervalNanos;
        if (next <= now) { // this thread fell behind (a stall, a slow consumer): skip the slots gone by
            long skipped = (now - next) / s.intervalNanos + 1;
            missed += skipped;
            next += skipped * s.intervalNanos;
        }
        place(s, next);
        if (s.inFlight) {
            overruns++;
            return;
        }
        s.inFlight = true;
        inFlight++;
        started++;
        out.add(new Start(s, s.target, s.session, due));
    }

    /** Back-pressure: waits while the result queue is full. False once closed. Under the lock. */
    private boolean awaitSpace() throws InterruptedException {
        if (results.size() >= capacity) {
            consumerWaits++;
            waitingForSpace = true;
            try {
                while (results.size() >= capacity && !closed) {
                    space.await(100, TimeUnit.MILLISECONDS);
                }
            } finally {
                waitingForSpace = false;
            }
        }
        return !closed;
    }

    private void start(Slot s, PollTarget target, Session session, long due) {
        long startNanos = System.nanoTime();
        List<List<String>> gets = target.getRequests();
        List<String> walks = target.walks();
        List<String> tables = target.tables();
        List<CompletableFuture<List<SnmpVariable>>> parts = new ArrayList<>(gets.size() + walks.size() + tables.size());
        try {
            Session.PreparedGet[] prepared = prepared(s, target, session);
            for (int i = 0; i < gets.size(); i++) {
                parts.add(prepared != null ? session.getAsync(prepared[i]) : session.getAsync(gets.get(i)));
            }
            for (String w : walks) {
                parts.add(target.version() == 1 ? session.walkAsync(w)
                        : session.bulkwalkAsync(w, 0, target.maxRepetitions()));
            }
            for (String t : tables) { // tableAsync itself falls back to GETNEXT for v1
                parts.add(session.tableAsync(t, true, target.maxRepetitions()).thenApply(Poller::cells));
            }
        } catch (RuntimeException e) { // the async API reports through its futures; this is a safety net
            parts.add(CompletableFuture.failedFuture(e));
        }
        CompletableFuture<?> all = parts.size() == 1 ? parts.get(0)
                : CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]));
        all.whenComplete((v, e) -> finish(s, target, session, due, startNanos, parts));
    }

    /**
     * The target's GETs resolved once on this session (scheduler thread only); null when a name
     * does not resolve, so that each poll fails with the typed error the plain call raises.
     */
    private Session.PreparedGet[] prepared(Slot s, PollTarget target, Session session) {
        if (s.preparedFor == session && s.preparedTarget == target) {
            return s.prepared;
        }
        List<List<String>> gets = target.getRequests();
        Session.PreparedGet[] p = new Session.PreparedGet[gets.size()];
        try {
            for (int i = 0; i < p.length; i++) {
                List<String> oids = gets.get(i);
                p[i] = session.prepareGet(oids, sharedGets.get(oids));
                if (sharedGets.size() >= MAX_SHARED_GETS) {
                    sharedGets.clear(); // a hint, not a registry: targets with ever new OID lists
                }
                sharedGets.put(oids, p[i]);
            }
        } catch (RuntimeException e) {
            p = null;
        }
        s.preparedFor = session;
        s.preparedTarget = target;
        s.prepared = p;
        return p;
    }

    /** A table's cells row by row (index order), each row's in column order, missing cells left out. */
    static List<SnmpVariable> cells(SnmpTable table) {
        List<String> columns = table.columns();
        List<SnmpVariable> out = new ArrayList<>(table.rows().size() * columns.size());
        for (SnmpTable.Row row : table.rows()) {
            for (String c : columns) {
                SnmpVariable v = row.get(c);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private void finish(Slot s, PollTarget target, Session session, long due, long startNanos,
            List<CompletableFuture<List<SnmpVariable>>> parts) {
        long end = System.nanoTime();
        List<SnmpVariable> variables = null;
        RuntimeException error = null;
        for (CompletableFuture<List<SnmpVariable>> p : parts) {
            try {
                List<SnmpVariable> part = p.join();
                if (variables == null && parts.size() == 1) {
                    variables = part; // the one part's list is the poll's (PollResult does not copy it)
                } else {
                    if (variables == null) {
                        variables = new ArrayList<>();
                    }
                    variables.addAll(part);
                }
            } catch (CompletionException | CancellationException e) {
                if (error == null) {
                    error = unwrap(e);
                }
            }
        }
        if (variables == null) {
            variables = List.of();
        }
        PollResult r = new PollResult(target.id(), target.hostname(), instant(due), instant(startNanos),
                end - startNanos, variables, error);
        boolean closeSession;
        lock.lock();
        try {
            s.inFlight = false;
            inFlight--;
            if (error == null) {
                succeeded++;
            } else {
                failed++;
            }
            closeSession = s.removed || s.session != session;
            if (!closed) {
                results.add(r);
            }
        } finally {
            lock.unlock();
        }
        if (deliveryParked) {
            LockSupport.unpark(delivery);
        }
        if (closeSession) {
            session.close();
        }
    }

    private static RuntimeException unwrap(Throwable e) {
        while ((e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RuntimeException re) {
            return re;
        }
        return new SnmpException(String.valueOf(e.getMessage()), e);
    }

    private Instant instant(long nanos) {
        long epochNanos = baseEpochNanos + (nanos - baseNanos);
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    // ------------------------------------------------------------------ results

    /** A result was taken off the queue: let the scheduler go on if it waits for room. */
    private void taken() {
        if (waitingForSpace) {
            lock.lock();
            try {
                space.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The delivery thread's loop. While results keep coming it is not woken for each: finding the
     * queue empty after a result, it looks again {@link #lingerNanos} later (a tick at short
     * intervals), so that at thousands of polls per second it wakes about once per tick, not once
     * per poll (each wake-up of a thread costs the event loop a futex call and the core a context
     * switch). Only when such a wait brought no result does it park until the next result unparks it.
     */
    private void deliver() {
        boolean recent = false;
        while (!closed) {
            PollResult r = results.poll();
            if (r == null) {
                deliveryWaits++;
                if (recent) {
                    recent = false;
                    LockSupport.parkNanos(this, lingerNanos);
                } else {
                    deliveryParked = true;
                    if (results.isEmpty() && !closed) { // after the flag: a result added since unparks
                        LockSupport.parkNanos(this, 100_000_000L);
                    }
                    deliveryParked = false;
                }
                if (Thread.interrupted()) {
                    return;
                }
                continue;
            }
            recent = true;
            try {
                consumer.accept(r);
            } catch (RuntimeException e) {
                consumerErrors++; // only this thread writes it
            }
            taken();
        }
    }

    /**
     * The next result, waiting up to {@code timeout}; null if none came (or the poller is closed).
     *
     * @throws IllegalStateException when the poller has a consumer
     */
    public PollResult poll(Duration timeout) throws InterruptedException {
        requirePullMode();
        PollResult r = results.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (r != null) {
            taken();
        }
        return r;
    }

    /**
     * Moves up to {@code max} waiting results into {@code out} without waiting.
     *
     * @return how many were moved
     * @throws IllegalStateException when the poller has a consumer
     */
    public int drainTo(Collection<? super PollResult> out, int max) {
        requirePullMode();
        int n = results.drainTo(out, max);
        if (n > 0) {
            taken();
        }
        return n;
    }

    private void requirePullMode() {
        if (consumer != null) {
            throw new IllegalStateException("this poller delivers its results to its consumer");
        }
    }

    /**
     * Stops polling: no poll starts from now on, results not yet delivered and those of polls in
     * flight are dropped, every target's session is closed, and so is the engine when the poller
     * made it. Waits for the poller's threads to end.
     */
    @Override
    public void close() {
        List<Session> sessions = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Slot s : slots.values()) {
                s.removed = true;
                sessions.add(s.session);
            }
            slots.clear();
            java.util.Arrays.fill(wheel, null);
            scheduledSlots = 0;
            wakeup.signalAll();
            space.signalAll();
        } finally {
            lock.unlock();
        }
        if (delivery != null) {
            LockSupport.unpark(delivery);
        }
        join(scheduler);
        if (delivery != null) {
            join(delivery);
        }
        results.clear();
        for (Session s : sessions) {
            s.close();
        }
        if (ownEngine) {
            engine.close();
        }
    }

    private static void join(Thread t) {
        if (t == Thread.currentThread()) {
            return; // close() from the consumer: the loop ends on its own
        }
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
