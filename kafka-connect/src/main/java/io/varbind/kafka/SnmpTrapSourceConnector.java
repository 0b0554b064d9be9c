package io.varbind.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives SNMP notifications (v1/v2c traps, informs, v3) on the configured endpoints into a topic,
 * one record per notification, with one task whatever {@code tasks.max} says: the endpoints are
 * sockets of one host. An inform is acknowledged only after Kafka has its record. Every key is
 * described in the module README and in {@link #config()}.
 */
public final class SnmpTrapSourceConnector extends SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpTrapSourceConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return Versions.VERSION;
    }

    @Override
    public ConfigDef config() {
        return SnmpTrapConfig.CONFIG_DEF;
    }

    /** The keys one by one, then what only the whole config can tell (endpoints, the v3 user's settings). */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return InvalidSetting.addTo(super.validate(connectorConfigs),
                () -> new SnmpTrapConfig(connectorConfigs).receiver());
    }

    @Override
    public void start(Map<String, String> props) {
        SnmpTrapConfig c = new SnmpTrapConfig(props);
        c.receiver(); // every check, without binding
        this.props = Map.copyOf(props);
        LOG.info("SNMP trap connector: listening on {} into {}", c.listen(), c.getString(SnmpTrapConfig.TOPIC));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SnmpTrapSourceTask.class;
    }

    /** One task: two would bind the same endpoints. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        // the task owns the sockets
    }
}
