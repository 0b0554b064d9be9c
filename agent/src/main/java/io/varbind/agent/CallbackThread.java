package io.varbind.agent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * A notification receiver's own callback thread: tasks (chains of deliveries, one per read) run
 * in the order they were handed over. The hand-off takes no lock: a task goes into a lock-free
 * queue and the thread is unparked only when it is parked. With a {@code ThreadPoolExecutor}
 * the event loop handing over a read's batch often found the callback thread holding the
 * queue's lock and waited for it on a futex (futex calls were 16% of the event loop's samples
 * in a {@code perf record} at 100,000 traps/s, half of them such waits), and every wake-up of
 * the callback thread took that lock again. The thread never spins: it parks as soon as the queue is empty.
 */
final class CallbackThread implements Executor {
    private static final VarHandle WAITING;

    static {
        try {
            WAITING = MethodHandles.lookup().findVarHandle(CallbackThread.class, "waiting", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** Set by the thread before it parks (then it checks the queue once more), cleared by whoever wakes it. */
    private volatile boolean waiting;
    private volatile boolean closed;

    CallbackThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code task} (from any thread, never blocking); wakes the thread if it sleeps.
     *
     * @throws RejectedExecutionException after {@link #shutdown()}
     */
    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the receiver is closed");
        }
        tasks.offer(task);
        wake();
    }

    /** Runs what is queued, then ends the thread; later tasks are refused. */
    void shutdown() {
        closed = true;
        wake();
    }

    private void wake() {
        // the offer (a CAS) comes before this read, as the thread's write of waiting comes before
        // its last look at the queue: one of the two sees the other
        if (waiting && WAITING.compareAndSet(this, true, false)) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        for (;;) {
            Runnable task = tasks.poll();
            if (task != null) {
                try {
                    task.run();
                } catch (Throwable t) { // as a pool would: the task is over, the thread goes on
                    if (t instanceof VirtualMachineError) {
                        throw (VirtualMachineError) t;
                    }
                }
                continue;
            }
            if (closed) {
                return; // closed with nothing left (a task queued before the close was run above)
            }
            waiting = true;
            if (!tasks.isEmpty() || closed) {
                waiting = false;
                continue;
            }
            while (waiting) {
                LockSupport.park(this);
                Thread.interrupted(); // nobody interrupts it on purpose; never let a stray flag make park spin
            }
        }
    }
}
