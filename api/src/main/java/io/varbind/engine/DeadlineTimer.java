package io.varbind.engine;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's request timeouts: a hashed wheel whose thread sleeps until the earliest deadline
 * instead of waking every tick. Netty's {@code HashedWheelTimer} woke 200 times a second for as
 * long as the engine lived, which cost a walk of snmpd about a tenth of its client CPU (one
 * wake-up per eight answers); here a walk or a 64-in-flight load wakes the thread about once per
 * timeout period, since every deadline is met by an answer first and cancelled.
 *
 * <p>Timeouts are kept in buckets of {@code tick} (by deadline, modulo the wheel); adding and
 * cancelling lock one bucket. The thread wakes at the earliest deadline it knows, runs what is due,
 * looks for the next one and parks; an added deadline earlier than that wakes it. Tasks run on the
 * timer's thread and should be short.
 */
public final class DeadlineTimer implements Timer {
    private static final Logger LOG = LoggerFactory.getLogger("io.varbind.engine");
    private static final int BUCKETS = 1024;
    /** {@link #wakeAt} while the thread is awake: adders never wake it then. */
    private static final long AWAKE = Long.MIN_VALUE;

    private final long tick;
    private final long origin = System.nanoTime();
    private final Bucket[] wheel = new Bucket[BUCKETS];
    private final Thread worker;
    /** When the parked thread means to wake ({@link Long#MAX_VALUE}: nothing to wait for). */
    private volatile long wakeAt = AWAKE;
    /** Set by an adder that found the thread awake: it looks again before parking. */
    private volatile boolean added;
    private volatile boolean stopped;

    /** A timer of buckets of {@code tick} (its precision of finding deadlines, not of meeting them). */
    public DeadlineTimer(ThreadFactory threads, long tick, TimeUnit unit) {
        this.tick = Math.max(1, unit.toNanos(tick));
        for (int i = 0; i < BUCKETS; i++) {
            wheel[i] = new Bucket();
        }
        worker = threads.newThread(this::run);
        worker.start();
    }

    private long tickOf(long nanos) {
        return Math.floorDiv(nanos - origin, tick);
    }

    @Override
    public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
        if (stopped) {
            throw new IllegalStateException("the timer is stopped");
        }
        long now = System.nanoTime();
        long d = Math.max(0, unit.toNanos(delay));
        long deadline = d > Long.MAX_VALUE / 4 ? now + Long.MAX_VALUE / 4 : now + d;
        Entry e = new Entry(task, deadline);
        wheel[(int) (tickOf(deadline) & (BUCKETS - 1))].add(e);
        long w = wakeAt;
        if (w == AWAKE) {
            // the thread is looking for its next deadline and may have passed this bucket: it looks
            // again unless it has parked meanwhile, which the second read sees
            added = true;
            w = wakeAt;
        }
        if (w != AWAKE && deadline < w) {
            LockSupport.unpark(worker);
        }
        return e;
    }

    @Override
    public Set<Timeout> stop() {
        stopped = true;
        LockSupport.unpark(worker);
        Set<Timeout> left = new HashSet<>();
        for (Bucket b : wheel) {
            synchronized (b) {
                for (Entry e = b.head; e != null; e = e.next) {
                    left.add(e);
                }
            }
        }
        return left;
    }

    private void run() {
        // every tick up to this one has had its due entries run; the current tick's bucket may still
        // hold entries due later within it, so it is looked at again on the next turn of the loop
        long done = tickOf(System.nanoTime()) - 1;
        while (!stopped) {
            wakeAt = AWAKE;
            added = false;
            long now = System.nanoTime();
            long nowTick = tickOf(now);
            for (long t = done + 1; t <= nowTick && t <= done + BUCKETS; t++) {
                wheel[(int) (t & (BUCKETS - 1))].expire(now);
            }
            done = nowTick - 1;
            long next = next(nowTick);
            wakeAt = next;
            if (added || stopped) {
                continue; // an entry added while this thread looked: look again
            }
            if (next == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            }
        }
    }

    /**
     * The earliest deadline held: buckets from the current tick on, until one holds an entry due
     * within this turn of the wheel (later buckets of the turn hold later ones); entries of later
     * turns met on the way count too.
     */
    private long next(long nowTick) {
        long min = Long.MAX_VALUE;
        for (long t = nowTick; t < nowTick + BUCKETS; t++) {
            Bucket b = wheel[(int) (t & (BUCKETS - 1))];
            if (b.head == null) {
                continue;
            }
            boolean thisTurn = false;
            synchronized (b) {
                for (Entry e = b.head; e != null; e = e.next) {
                    min = Math.min(min, e.deadline);
                    thisTurn |= tickOf(e.deadline) <= t;
                }
            }
            if (thisTurn) {
                break;
            }
        }
        return min;
    }

    /** One slot of the wheel: a doubly linked list of entries, guarded by the bucket itself. */
    private static final class Bucket {
        volatile Entry head;

        synchronized void add(Entry e) {
            e.bucket = this;
            e.next = head;
            if (head != null) {
                head.prev = e;
            }
            head = e;
        }

        synchronized void remove(Entry e) {
            if (e.bucket != this) {
                return; // expired or removed already
            }
            if (e.prev != null) {
                e.prev.next = e.next;
            } else {
                head = e.next;
            }
            if (e.next != null) {
                e.next.prev = e.prev;
            }
            e.prev = null;
            e.next = null;
            e.bucket = null;
        }

        /** Runs the entries due by {@code now} (outside the lock). */
        void expire(long now) {
            if (head == null) {
                return;
            }
            Entry due = null;
            synchronized (this) {
                for (Entry e = head; e != null;) {
                    Entry n = e.next;
                    if (e.deadline <= now) {
                        remove(e);
                        e.next = due;
                        due = e;
                    }
                    e = n;
                }
            }
            while (due != null) {
                Entry n = due.next;
                due.next = null;
                due.expire();
                due = n;
            }
        }
    }

    private final class Entry implements Timeout {
        private static final int PENDING = 0;
        private static final int CANCELLED = 1;
        private static final int EXPIRED = 2;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Entry.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final TimerTask task;
        final long deadline;
        volatile int state;
        // guarded by the bucket holding the entry
        Bucket bucket;
        Entry prev;
        Entry next;

        Entry(TimerTask task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        void expire() {
            if (!STATE.compareAndSet(this, PENDING, EXPIRED)) {
                return;
            }
            try {
                task.run(this);
            } catch (Throwable t) {
                LOG.warn("a timer task failed", t);
            }
        }

        @Override
        public Timer timer() {
            return DeadlineTimer.this;
        }

        @Override
        public TimerTask task() {
            return task;
        }

        @Override
        public boolean isExpired() {
            return state == EXPIRED;
        }

        @Override
        public boolean isCancelled() {
            return state == CANCELLED;
        }

        @Override
        public boolean cancel() {
            if (!STATE.compareAndSet(this, PENDING, CANCELLED)) {
                return false;
            }
            Bucket b = bucket; // a racy read: remove() checks again under the lock
            if (b != null) {
                b.remove(this);
            }
            return true;
        }
    }
}
