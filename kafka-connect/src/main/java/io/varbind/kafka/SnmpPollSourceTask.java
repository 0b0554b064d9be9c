package io.varbind.kafka;

import io.varbind.PollResult;
import io.varbind.Poller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task of {@link SnmpPollSourceConnector}: a {@link Poller} on an engine of its own over the
 * task's share of the targets. {@link #poll()} hands Connect what the poller finished, waiting
 * at most half a second; while Connect is slow to take records the poller's bounded queue fills
 * and polling slows, so nothing is buffered without bound.
 */
public final class SnmpPollSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpPollSourceTask.class);
    private static final Duration WAIT = Duration.ofMillis(500);

    private volatile Poller poller;
    private PollRecords records;
    private int batchMax;

    @Override
    public String version() {
        return Versions.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        SnmpPollConfig c = new SnmpPollConfig(props);
        records = new PollRecords(c.getString(SnmpPollConfig.TOPIC),
                "variable".equals(c.getString(SnmpPollConfig.RECORD_MODE)), c.getBoolean(SnmpPollConfig.AVRO_NAMES));
        batchMax = c.getInt(SnmpPollConfig.BATCH_MAX);
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
    public List<SourceRecord> poll() throws InterruptedException {
        Poller p = poller;
        if (p == null) {
            return null;
        }
        PollResult first = p.poll(WAIT);
        if (first == null) {
            return null;
        }
        List<PollResult> batch = new ArrayList<>();
        batch.add(first);
        p.drainTo(batch, batchMax - 1);
        List<SourceRecord> out = new ArrayList<>(batch.size());
        for (PollResult r : batch) {
            records.add(r, out);
        }
        return out;
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
