package io.varbind.kafka;

import io.varbind.SnmpVariable;
import io.varbind.agent.Notification;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Received notifications as Connect records: key the sender's address ({@code host:port}), value a
 * struct with a schema (Avro names), its variables as the poll records have them.
 */
final class TrapRecords {
    static final String NOTIFICATION_SCHEMA = "io.varbind.kafka.Notification";
    /** One source partition: a notification has nothing to resume from. */
    static final Map<String, String> PARTITION = Map.of("source", "varbind-snmp-trap");

    private final String topic;
    private final PollRecords variables;
    private final Schema schema;

    TrapRecords(String topic) {
        this.topic = topic;
        this.variables = new PollRecords(topic, false, true);
        this.schema = SchemaBuilder.struct().name(NOTIFICATION_SCHEMA).version(1)
                .doc("One SNMP notification (trap, SNMPv1 trap or inform) as received")
                .field("source", Schema.STRING_SCHEMA)
                .field("transport", Schema.STRING_SCHEMA)
                .field("timestamp", Schema.INT64_SCHEMA)
                .field("version", Schema.INT32_SCHEMA)
                .field("kind", Schema.STRING_SCHEMA)
                .field("community", Schema.OPTIONAL_STRING_SCHEMA)
                .field("security_name", Schema.OPTIONAL_STRING_SCHEMA)
                .field("security_level", Schema.OPTIONAL_STRING_SCHEMA)
                .field("context", Schema.OPTIONAL_STRING_SCHEMA)
                .field("trap_oid", Schema.STRING_SCHEMA)
                .field("uptime", Schema.INT64_SCHEMA)
                .field("variables", SchemaBuilder.array(variables.variableSchema()).build())
                .build();
    }

    Schema valueSchema() {
        return schema;
    }

    SourceRecord record(Notification n, long receivedMillis) {
        List<Struct> vars = new ArrayList<>(n.varBinds().size());
        for (SnmpVariable v : n.variables()) {
            vars.add(variables.variable(v));
        }
        InetSocketAddress from = n.source();
        String source = from.getAddress().getHostAddress() + ":" + from.getPort();
        Struct value = new Struct(schema).put("source", source).put("transport", n.transport())
                .put("timestamp", receivedMillis).put("version", n.version()).put("kind", n.kind().name())
                .put("community", n.version() == 3 ? null : n.community())
                .put("security_name", n.version() == 3 ? n.securityName() : null)
                .put("security_level", n.version() == 3 ? n.securityLevel() : null)
                .put("context", n.version() == 3 ? n.context() : null)
                .put("trap_oid", n.trapOid()).put("uptime", n.uptime()).put("variables", vars);
        return new SourceRecord(PARTITION, Map.of("timestamp", receivedMillis), topic, null, Schema.STRING_SCHEMA,
                source, schema, value, receivedMillis);
    }
}
