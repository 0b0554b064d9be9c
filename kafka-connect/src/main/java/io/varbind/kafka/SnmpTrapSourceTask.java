package io.varbind.kafka;

import io.varbind.agent.NotificationReceiver;
import io.varbind.agent.ReceiverStatistics;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task of {@link SnmpTrapSourceConnector}: a {@link NotificationReceiver} whose notifications
 * become records. An inform's acknowledgement is held with its record and run from
 * {@link #commitRecord} (Kafka has the record) only: a worker that dies before leaves the inform
 * unanswered, its sender retries, and the retry reaches the task's next home.
 */
public final class SnmpTrapSourceTask extends BatchingSourceTask<SnmpTrapSourceTask.Received> {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpTrapSourceTask.class);

    /** A notification's record and its acknowledgement (for a trap, one that does nothing). */
    record Received(SourceRecord record, Runnable ack) {
    }

    private volatile NotificationReceiver receiver;
    private volatile BlockingQueue<Received> queue;
    /** The acknowledgements of records handed to Connect and not yet committed, by record identity. */
    private final Map<SourceRecord, Runnable> pending = new IdentityHashMap<>();

    @Override
    public void start(Map<String, String> props) {
        SnmpTrapConfig c = new SnmpTrapConfig(props);
        int capacity = c.getInt(SnmpTrapConfig.QUEUE_CAPACITY);
        BlockingQueue<Received> q = new ArrayBlockingQueue<>(capacity);
        queue = q;
        batchMax(Math.min(capacity, 1000));
        TrapRecords records = new TrapRecords(c.getString(SnmpTrapConfig.TOPIC));
        // the receiver's own queue is bounded too; a full one here drops (an inform unanswered: retried)
        receiver = c.receiver().onNotificationDeferringAck((n, ack) -> {
            if (!q.offer(new Received(records.record(n, System.currentTimeMillis()), ack))) {
                LOG.warn("SNMP trap task: queue full, a notification from {} dropped", n.source());
            }
        }).build();
        LOG.info("SNMP trap task listening on {}", receiver.endpoints());
    }

    @Override
    Received first(long waitMs) throws InterruptedException {
        BlockingQueue<Received> q = queue;
        return q == null ? null : q.poll(waitMs, TimeUnit.MILLISECONDS);
    }

    @Override
    void drainTo(List<Received> batch, int max) {
        queue.drainTo(batch, max);
    }

    /** Each record's acknowledgement is kept until {@link #commitRecord} (or for ever: the sender retries). */
    @Override
    void toRecords(List<Received> batch, List<SourceRecord> out) {
        synchronized (pending) {
            for (Received r : batch) {
                pending.put(r.record(), r.ack());
                out.add(r.record());
            }
        }
    }

    /** Kafka acknowledged the record (or a transform dropped it: metadata null): the inform is answered now. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Runnable ack;
        synchronized (pending) {
            ack = pending.remove(record);
        }
        if (ack != null) {
            ack.run();
        }
    }

    /** From another thread than {@link #poll()}; informs not yet committed stay unanswered, so they are sent again. */
    @Override
    public void stop() {
        NotificationReceiver r = receiver;
        receiver = null;
        if (r != null) {
            ReceiverStatistics s = r.statistics();
            LOG.info("SNMP trap task stopping: {} delivered, {} acknowledged, {} dropped with a full queue",
                    s.delivered(), s.acknowledged(), s.droppedQueueFull());
            r.close();
        }
    }
}
