package io.varbind.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * What both tasks share: {@link #poll()} waits a bounded time for the first item of a bounded
 * queue filled by Varbind's threads, drains what else is there up to a batch size, and turns the
 * batch into records. Connect wants {@code poll()} back within a second or so, and calls
 * {@code stop()} from another thread: a task not started (or stopped) hands back null.
 *
 * @param <T> what the queue holds
 */
abstract class BatchingSourceTask<T> extends SourceTask {
    /** How long one {@link #poll()} waits for a first item. */
    static final long WAIT_MS = 500;

    private volatile int batchMax = 1000;

    @Override
    public final String version() {
        return Versions.VERSION;
    }

    /** The first item, waiting at most {@code waitMs}; null when none came or the task is not running. */
    abstract T first(long waitMs) throws InterruptedException;

    /** Moves at most {@code max} more items that are already there into {@code batch}. */
    abstract void drainTo(List<T> batch, int max);

    /** Sets the most items one {@link #poll()} hands on (1000 unless set). */
    final void batchMax(int max) {
        batchMax = Math.max(1, max);
    }

    /** The records of {@code batch}, appended to {@code out}. */
    abstract void toRecords(List<T> batch, List<SourceRecord> out);

    @Override
    public final List<SourceRecord> poll() throws InterruptedException {
        T first = first(WAIT_MS);
        if (first == null) {
            return null;
        }
        List<T> batch = new ArrayList<>();
        batch.add(first);
        drainTo(batch, batchMax - 1);
        List<SourceRecord> out = new ArrayList<>(batch.size());
        toRecords(batch, out);
        return out;
    }
}
