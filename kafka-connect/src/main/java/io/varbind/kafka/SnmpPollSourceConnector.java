package io.varbind.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls SNMP agents on a schedule into a topic. The targets are sharded over the tasks by
 * rendezvous hashing ({@link TargetAssignment}), so a change of {@code tasks.max} or of the
 * target list moves as few targets as possible; each task runs one {@link io.varbind.Poller}.
 * Every key is described in the module README and in {@link #config()}.
 */
public final class SnmpPollSourceConnector extends SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpPollSourceConnector.class);

    private Map<String, String> props;
    private List<TargetSpec> targets;
    private ScheduledExecutorService fileWatch;

    @Override
    public String version() {
        return Versions.VERSION;
    }

    @Override
    public ConfigDef config() {
        return SnmpPollConfig.CONFIG_DEF;
    }

    /**
     * Connect's check before a connector is created or changed: the keys one by one, then what only
     * the whole config can tell (targets there at all, something to read, each target buildable).
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return InvalidSetting.addTo(super.validate(connectorConfigs), () -> check(new SnmpPollConfig(connectorConfigs)));
    }

    /** The whole-config checks; returns the targets. */
    private static List<TargetSpec> check(SnmpPollConfig c) {
        List<TargetSpec> all = c.targets();
        if (all.isEmpty()) {
            throw new InvalidSetting(SnmpPollConfig.TARGETS, "no targets: set " + SnmpPollConfig.TARGETS + " or " + SnmpPollConfig.TARGETS_FILE);
        }
        if (c.getList(SnmpPollConfig.OIDS).stream().allMatch(String::isBlank)
                && c.getList(SnmpPollConfig.WALK).stream().allMatch(String::isBlank) && c.tables().isEmpty()) {
            throw new InvalidSetting(SnmpPollConfig.OIDS, "nothing to read: set " + SnmpPollConfig.OIDS + ", "
                    + SnmpPollConfig.WALK + " or " + SnmpPollConfig.TABLES);
        }
        c.checkTables();
        for (TargetSpec t : all) {
            c.pollTarget(t); // every setting of every target, as its task will build it
        }
        return all;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        SnmpPollConfig c = new SnmpPollConfig(props);
        this.targets = check(c);
        LOG.info("SNMP poll connector: {} targets every {} ms into {}", targets.size(),
                c.getLong(SnmpPollConfig.INTERVAL_MS), c.getString(SnmpPollConfig.TOPIC));
        long reload = c.getLong(SnmpPollConfig.TARGETS_FILE_RELOAD_MS);
        String file = c.getString(SnmpPollConfig.TARGETS_FILE);
        if (reload > 0 && !file.isEmpty()) {
            watch(c, Path.of(file), reload);
        }
    }

    /** Rereads the targets file every {@code periodMs} and asks for new task configs when it changed. */
    private void watch(SnmpPollConfig c, Path file, long periodMs) {
        fileWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "varbind-targets-file-watch");
            t.setDaemon(true);
            return t;
        });
        fileWatch.scheduleWithFixedDelay(() -> {
            try {
                if (!Files.isReadable(file)) {
                    return;
                }
                List<TargetSpec> now = check(c);
                if (!now.equals(targets)) {
                    LOG.info("SNMP targets file {} changed: {} targets, reassigning", file, now.size());
                    targets = now;
                    context.requestTaskReconfiguration();
                }
            } catch (RuntimeException e) {
                LOG.warn("SNMP targets file {} not taken: {}", file, e.getMessage());
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SnmpPollSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<TargetSpec> all = targets;
        int tasks = Math.max(1, Math.min(maxTasks, all.size()));
        List<Map<String, String>> configs = new ArrayList<>(tasks);
        for (List<TargetSpec> share : TargetAssignment.assign(all, tasks)) {
            if (share.isEmpty()) {
                continue;
            }
            StringBuilder lines = new StringBuilder();
            for (TargetSpec t : share) {
                lines.append(t.line()).append('\n');
            }
            Map<String, String> config = new HashMap<>(props);
            config.put(SnmpPollConfig.TASK_TARGETS, lines.toString());
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        if (fileWatch != null) {
            fileWatch.shutdownNow();
            fileWatch = null;
        }
    }
}
