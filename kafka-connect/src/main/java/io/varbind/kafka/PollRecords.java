package io.varbind.kafka;

import io.varbind.PollResult;
import io.varbind.SnmpVariable;
import io.varbind.mib.MibTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Poll results as Connect records: key the target (a string), value a struct with a schema, so
 * JSON (with or without schemas) and Avro converters all work. Schema and field names are Avro
 * names except {@code duration.ms}, which API.md fixes ({@code record.avro.names} renames it).
 */
final class PollRecords {
    static final String POLL_SCHEMA = "io.varbind.kafka.Poll";
    static final String VARIABLE_SCHEMA = "io.varbind.kafka.Variable";
    static final String POLL_VARIABLE_SCHEMA = "io.varbind.kafka.PollVariable";

    private static final int MAX_CACHED_NAMES = 65536;
    /**
     * One source partition for every record: a poll has nothing to resume, and Connect copies its
     * map of committable offsets (one entry per partition) on every send iteration, which with a
     * partition per target cost more than the polling (10,000 targets: ~550 polls/s end to end).
     */
    static final Map<String, String> PARTITION = Map.of("source", "varbind-snmp-poll");

    private final String topic;
    private final boolean perVariable;
    private final String durationField;
    private final Schema variableSchema;
    private final Schema pollSchema;
    private final Schema pollVariableSchema;
    /** The schemas' fields, looked up once: a poll's record puts about 55 of them. */
    private final Field vOid;
    private final Field vName;
    private final Field vIndex;
    private final Field vType;
    private final Field vValue;
    private final Field pTarget;
    private final Field pTimestamp;
    private final Field pDuration;
    private final Field pError;
    private final Field pVariables;
    private final MibTree mibs = MibTree.defaultTree();
    /** Numeric OIDs of the names seen, so that a poll's records cost no MIB search. */
    private final Map<String, String> numericNames = new ConcurrentHashMap<>();

    PollRecords(String topic, boolean perVariable, boolean avroNames) {
        this.topic = topic;
        this.perVariable = perVariable;
        this.durationField = avroNames ? "duration_ms" : "duration.ms";
        this.variableSchema = variableFields(SchemaBuilder.struct().name(VARIABLE_SCHEMA).version(1)
                .doc("One variable binding, as easysnmp's SNMPVariable gives it"), false).build();
        this.pollSchema = pollFields(SchemaBuilder.struct().name(POLL_SCHEMA).version(1)
                .doc("One poll of one SNMP agent"))
                .field("variables", SchemaBuilder.array(variableSchema).build())
                .build();
        this.pollVariableSchema = variableFields(pollFields(SchemaBuilder.struct().name(POLL_VARIABLE_SCHEMA)
                .version(1).doc("One variable of one poll of one SNMP agent (or the poll's error when nothing was read)")),
                true).build();
        this.vOid = variableSchema.field("oid");
        this.vName = variableSchema.field("name");
        this.vIndex = variableSchema.field("index");
        this.vType = variableSchema.field("type");
        this.vValue = variableSchema.field("value");
        this.pTarget = pollSchema.field("target");
        this.pTimestamp = pollSchema.field("timestamp");
        this.pDuration = pollSchema.field(durationField);
        this.pError = pollSchema.field("error");
        this.pVariables = pollSchema.field("variables");
    }

    private SchemaBuilder pollFields(SchemaBuilder b) {
        return b.field("target", Schema.STRING_SCHEMA)
                .field("timestamp", Schema.INT64_SCHEMA)
                .field(durationField, Schema.INT64_SCHEMA)
                .field("error", Schema.OPTIONAL_STRING_SCHEMA);
    }

    /** oid, name, index, type (required unless {@code optional}: a failed poll's record has none) and value. */
    private static SchemaBuilder variableFields(SchemaBuilder b, boolean optional) {
        Schema s = optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
        return b.field("oid", s).field("name", s).field("index", s).field("type", s)
                .field("value", Schema.OPTIONAL_STRING_SCHEMA);
    }

    /** The schema of one variable binding (oid, name, index, type, value), shared with the trap records. */
    Schema variableSchema() {
        return variableSchema;
    }

    /** One variable binding as a struct of {@link #variableSchema()}. */
    Struct variable(SnmpVariable v) {
        return new Struct(variableSchema).put(vOid, numericOid(v)).put(vName, v.oid())
                .put(vIndex, nonNull(v.oidIndex())).put(vType, nonNull(v.snmpType())).put(vValue, v.value());
    }

    Schema valueSchema() {
        return perVariable ? pollVariableSchema : pollSchema;
    }

    /** Adds the records of one poll to {@code out}. */
    void add(PollResult r, List<SourceRecord> out) {
        long timestamp = r.actualStart().toEpochMilli();
        long duration = r.duration().toMillis();
        String error = r.error() == null ? null : errorText(r.error());
        Map<String, Long> offset = Map.of("timestamp", timestamp);
        if (!perVariable) {
            List<Struct> vars = new ArrayList<>(r.variables().size());
            for (SnmpVariable v : r.variables()) {
                vars.add(variable(v));
            }
            Struct value = new Struct(pollSchema).put(pTarget, r.target()).put(pTimestamp, timestamp)
                    .put(pDuration, duration).put(pError, error).put(pVariables, vars);
            out.add(new SourceRecord(PARTITION, offset, topic, null, Schema.STRING_SCHEMA, r.target(), pollSchema,
                    value, timestamp));
            return;
        }
        if (r.variables().isEmpty()) {
            Struct value = new Struct(pollVariableSchema).put("target", r.target()).put("timestamp", timestamp)
                    .put(durationField, duration).put("error", error);
            out.add(new SourceRecord(PARTITION, offset, topic, null, Schema.STRING_SCHEMA, r.target(),
                    pollVariableSchema, value, timestamp));
            return;
        }
        for (SnmpVariable v : r.variables()) {
            Struct value = new Struct(pollVariableSchema).put("target", r.target()).put("timestamp", timestamp)
                    .put(durationField, duration).put("error", error).put("oid", numericOid(v)).put("name", v.oid())
                    .put("index", nonNull(v.oidIndex())).put("type", nonNull(v.snmpType())).put("value", v.value());
            out.add(new SourceRecord(PARTITION, offset, topic, null, Schema.STRING_SCHEMA, r.target(),
                    pollVariableSchema, value, timestamp));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The error's type and message (messages name causes, never secrets). */
    static String errorText(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** The variable's OID in dotted numbers: the name's OID (cached) and the index. */
    String numericOid(SnmpVariable v) {
        String name = v.oid();
        String index = nonNull(v.oidIndex());
        if (name == null) {
            return "";
        }
        String prefix = numericNames.get(name);
        if (prefix == null) {
            prefix = resolve(name);
            if (numericNames.size() < MAX_CACHED_NAMES) { // an agent answering with endless unknown OIDs
                numericNames.put(name, prefix);
            }
        }
        if (index.isEmpty()) {
            return prefix;
        }
        if (isDotted(index)) {
            return prefix + (index.startsWith(".") ? index : "." + index);
        }
        return resolve(name + "." + index); // a quoted string index: let the MIB's INDEX encode it
    }

    private static boolean isDotted(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private String resolve(String spec) {
        try {
            int[] arcs = mibs.resolve(spec, 0).oid();
            StringBuilder b = new StringBuilder(arcs.length * 3);
            for (int a : arcs) {
                b.append('.').append(Integer.toUnsignedString(a));
            }
            return b.toString();
        } catch (RuntimeException e) {
            return spec; // not in the MIBs: keep what the agent's answer gave
        }
    }
}
