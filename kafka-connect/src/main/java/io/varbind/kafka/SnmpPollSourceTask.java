package io.varbind.kafka;

import io.varbind.PollResult;
import io.varbind.Poller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task of {@link SnmpPollSourceConnector}: a {@link Poller} on an engine of its own over the
 * task's share of the targets. {@link #poll()} hands Connect what the poller finished, waiting
 * at most half a second; while Connect is slow to take records the poller's bounded queue fills
 * and polling slows, so nothing is buffered without bound.
 */
public final class SnmpPollSourceTask extends BatchingSourceTask<PollResult> {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpPollSourceTask.class);

    private volatile Poller poller;
    private PollRecords records;

    @Override
    public void start(Map<String, String> props) {
        SnmpPollConfig c = new SnmpPollConfig(props);
        records = new PollRecords(c.getString(SnmpPollConfig.TOPIC),
                "variable".equals(c.getString(SnmpPollConfig.RECORD_MODE)), c.getBoolean(SnmpPollConfig.AVRO_NAMES));
        batchMax(c.getInt(SnmpPollConfig.BATCH_MAX));
        List<TargetSpec> targets = c.taskTargets();
        Poller p = Poller.builder().queueCapacity(c.getInt(SnmpPollConfig.QUEUE_CAPACITY)).build();
        try {
            for (TargetSpec t : targets) {
                p.add(c.pollTarget(t));
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        poller = p;
        LOG.info("SNMP poll task: {} targets", targets.size());
    }

    @Override
    PollResult first(long waitMs) throws InterruptedException {
        Poller p = poller;
        return p == null ? null : p.poll(Duration.ofMillis(waitMs));
    }

    @Override
    void drainTo(List<PollResult> batch, int max) {
        Poller p = poller;
        if (p != null) {
            p.drainTo(batch, max);
        }
    }

    @Override
    void toRecords(List<PollResult> batch, List<SourceRecord> out) {
        for (PollResult r : batch) {
            records.add(r, out);
        }
    }

    /** Called by Connect from another thread than {@link #poll()}; that call returns within its wait. */
    @Override
    public void stop() {
        Poller p = poller;
        poller = null;
        if (p != null) {
            Poller.Statistics s = p.statistics();
            LOG.info("SNMP poll task stopping: {} polls, {} failed, {} overruns, {} missed", s.started(), s.failed(),
                    s.overruns(), s.missed());
            p.close();
        }
    }
}
