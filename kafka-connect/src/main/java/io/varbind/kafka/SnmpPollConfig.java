package io.varbind.kafka;

import io.varbind.PollTarget;
import io.varbind.Session;
import io.varbind.mib.MibTree;
import io.varbind.session.TableReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The poll source connector's settings: every key, its default, its check and its documentation. */
final class SnmpPollConfig extends SnmpConnectorConfig {
    static final String TARGETS = "snmp.targets";
    static final String TARGETS_FILE = "snmp.targets.file";
    static final String TARGETS_FILE_RELOAD_MS = "snmp.targets.file.reload.ms";
    static final String VERSION = "snmp.version";
    static final String SECURITY_LEVEL = "snmp.security.level";
    static final String CONTEXT = "snmp.context";
    static final String OIDS = "snmp.oids";
    static final String WALK = "snmp.walk";
    static final String TABLES = "snmp.tables";
    static final String INTERVAL_MS = "snmp.interval.ms";
    static final String TIMEOUT_MS = "snmp.timeout.ms";
    static final String RETRIES = "snmp.retries";
    static final String MAX_OIDS_PER_REQUEST = "snmp.max.oids.per.request";
    static final String MAX_REPETITIONS = "snmp.max.repetitions";
    static final String RECORD_MODE = "record.mode";
    static final String AVRO_NAMES = "record.avro.names";
    static final String BATCH_MAX = "poll.batch.max";
    /** Set by the connector for each task: its share of the targets, one line each. */
    static final String TASK_TARGETS = "task.targets";

    private static final String GROUP_RECORDS = "Records";

    static final ConfigDef CONFIG_DEF = defineTopic(new ConfigDef(), "The topic the poll records go to.", GROUP_RECORDS)
            .define(TARGETS, Type.LIST, "", Importance.HIGH,
                    "Comma-separated agents in Net-SNMP form ([transport:]host[:port], transport udp, udp6, tcp, "
                            + "tcp6), each optionally followed by its own settings as key=value words: version=, "
                            + "community=, security.name=, security.level=, context=. Example: "
                            + "'udp:10.0.0.1:161, 10.0.0.2 version=1 community=legacy'. The agent as written is the "
                            + "record key.", GROUP_SNMP, 1, ConfigDef.Width.LONG, "Targets")
            .define(TARGETS_FILE, Type.STRING, "", Importance.MEDIUM,
                    "A file of more targets, one per line in the form of " + TARGETS + " ('#' starts a comment). "
                            + "Read by the worker that runs the connector, so every worker must be able to read it.",
                    GROUP_SNMP, 2, ConfigDef.Width.LONG, "Targets file")
            .define(TARGETS_FILE_RELOAD_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How often to check the targets file for changes, in ms; a change reassigns the targets to "
                            + "the tasks. 0 (default): read it only when the connector starts.",
                    GROUP_SNMP, 3, ConfigDef.Width.SHORT, "Targets file reload")
            .define(VERSION, Type.STRING, "2c", ConfigDef.ValidString.in("1", "2c", "2", "3"), Importance.HIGH,
                    "SNMP version of the targets without their own: 1, 2c (or 2) or 3.", GROUP_SNMP, 4,
                    ConfigDef.Width.SHORT, "Version")
            .define(COMMUNITY, Type.PASSWORD, "public", Importance.HIGH,
                    "Community of v1 and v2c targets without their own (a secret: never logged).", GROUP_SECURITY, 1,
                    ConfigDef.Width.MEDIUM, "Community")
            .define(SECURITY_NAME, Type.STRING, "", Importance.HIGH,
                    "SNMPv3 user (USM security name) of v3 targets without their own.", GROUP_SECURITY, 2,
                    ConfigDef.Width.MEDIUM, "v3 user")
            .define(SECURITY_LEVEL, Type.STRING, "noAuthNoPriv", new SessionSetting("security level"), Importance.HIGH,
                    "SNMPv3 security level: noAuthNoPriv, authNoPriv or authPriv (also easysnmp's "
                            + "no_auth_or_privacy, auth_without_privacy, auth_with_privacy).", GROUP_SECURITY, 3,
                    ConfigDef.Width.SHORT, "v3 level")
            .define(AUTH_PROTOCOL, Type.STRING, "SHA", new SessionSetting("authentication protocol"), Importance.MEDIUM,
                    "SNMPv3 authentication protocol: MD5, SHA (= SHA1), SHA-224, SHA-256, SHA-384, SHA-512.",
                    GROUP_SECURITY, 4, ConfigDef.Width.SHORT, "v3 auth protocol")
            .define(AUTH_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "SNMPv3 authentication passphrase, at least 8 characters (never logged).", GROUP_SECURITY, 5,
                    ConfigDef.Width.MEDIUM, "v3 auth password")
            .define(PRIV_PROTOCOL, Type.STRING, "AES", new SessionSetting("privacy protocol"), Importance.MEDIUM,
                    "SNMPv3 privacy protocol: DES, 3DES, AES (= AES128), AES192, AES256 (Blumenthal key "
                            + "extension, as Net-SNMP), AES192C, AES256C (Reeder/Cisco).", GROUP_SECURITY, 6,
                    ConfigDef.Width.SHORT, "v3 privacy protocol")
            .define(PRIV_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "SNMPv3 privacy passphrase, at least 8 characters (never logged).", GROUP_SECURITY, 7,
                    ConfigDef.Width.MEDIUM, "v3 privacy password")
            .define(CONTEXT, Type.STRING, "", Importance.LOW, "SNMPv3 context name.", GROUP_SECURITY, 8,
                    ConfigDef.Width.SHORT, "v3 context")
            .define(OIDS, Type.LIST, "", Importance.HIGH,
                    "Comma-separated OIDs to GET each poll, in any form easysnmp takes (sysUpTime.0, "
                            + "IF-MIB::ifHCInOctets.1, .1.3.6.1.2.1.1.3.0).", GROUP_SNMP, 5, ConfigDef.Width.LONG, "OIDs")
            .define(WALK, Type.LIST, "", Importance.HIGH,
                    "Comma-separated subtrees or tables to walk each poll (GETBULK; GETNEXT for v1), for example "
                            + "ifXTable.", GROUP_SNMP, 6, ConfigDef.Width.LONG, "Walks")
            .define(TABLES, Type.LIST, "", Importance.HIGH,
                    "Comma-separated conceptual tables to read each poll as snmptable does, column by column "
                            + "(GETBULK; GETNEXT for v1), for example ifTable, IF-MIB::ifXTable. Each must be a "
                            + "table (or its entry) in the MIBs, or a dotted OID. Their cells follow the OIDs and "
                            + "walks, row by row in index order, each row's cells in column order.",
                    GROUP_SNMP, 6, ConfigDef.Width.LONG, "Tables")
            .define(INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(10), Importance.HIGH,
                    "How often each target is polled, in ms. Targets are spread evenly over the interval.",
                    GROUP_SNMP, 7, ConfigDef.Width.SHORT, "Interval")
            .define(TIMEOUT_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "How long to wait for each try of a request, in ms.", GROUP_SNMP, 8, ConfigDef.Width.SHORT,
                    "Timeout")
            .define(RETRIES, Type.INT, 1, ConfigDef.Range.between(0, 10), Importance.MEDIUM,
                    "How many times a request is sent again after a timeout.", GROUP_SNMP, 9, ConfigDef.Width.SHORT,
                    "Retries")
            .define(MAX_OIDS_PER_REQUEST, Type.INT, 24, ConfigDef.Range.between(1, 1000), Importance.LOW,
                    "The most OIDs one GET carries; more are split over several requests.", GROUP_SNMP, 10,
                    ConfigDef.Width.SHORT, "OIDs per request")
            .define(MAX_REPETITIONS, Type.INT, 10, ConfigDef.Range.between(1, 1000), Importance.LOW,
                    "GETBULK max-repetitions of the walks.", GROUP_SNMP, 11, ConfigDef.Width.SHORT, "Max repetitions")
            .define(QUEUE_CAPACITY, Type.INT, 4096, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How many poll results a task holds for Connect before it stops starting polls.", GROUP_SNMP, 12,
                    ConfigDef.Width.SHORT, "Queue capacity")
            .define(RECORD_MODE, Type.STRING, "poll", ConfigDef.ValidString.in("poll", "variable"), Importance.MEDIUM,
                    "'poll': one record per poll with every variable in a list; 'variable': one record per "
                            + "variable (a failed poll with nothing read gives one record with its error).",
                    GROUP_RECORDS, 2, ConfigDef.Width.SHORT, "Record mode")
            .define(AVRO_NAMES, Type.BOOLEAN, false, Importance.LOW,
                    "Name the duration field duration_ms instead of duration.ms, for converters that accept only "
                            + "Avro names (Avro allows no dots in field names).", GROUP_RECORDS, 3,
                    ConfigDef.Width.SHORT, "Avro field names")
            .define(BATCH_MAX, Type.INT, 2000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The most poll results one call of the task's poll() hands to Connect.", GROUP_RECORDS, 4,
                    ConfigDef.Width.SHORT, "Batch size")
            .defineInternal(TASK_TARGETS, Type.STRING, "", Importance.LOW);

    SnmpPollConfig(Map<String, String> props) {
        super(CONFIG_DEF, props, true);
    }

    /** A setting checked by building a session with it (which never touches the network). */
    private static final class SessionSetting implements ConfigDef.Validator {
        private final String what;

        SessionSetting(String what) {
            this.what = what;
        }

        @Override
        public void ensureValid(String name, Object value) {
            String v = String.valueOf(value);
            Consumer<Session.Builder> set = switch (what) {
                case "security level" -> b -> b.securityLevel(v);
                case "authentication protocol" -> b -> b.authProtocol(v);
                default -> b -> b.privacyProtocol(v);
            };
            try {
                Session.Builder b = Session.builder();
                set.accept(b);
                b.build().close();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "unknown " + what + ": " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a " + what + " name";
        }
    }

    /** The connector's targets: the list, then the file, in order, without repeats of an agent. */
    List<TargetSpec> targets() {
        Map<String, TargetSpec> all = new LinkedHashMap<>();
        for (String line : getList(TARGETS)) {
            if (!line.isBlank()) {
                add(all, parse(TARGETS, line));
            }
        }
        String file = getString(TARGETS_FILE);
        if (!file.isEmpty()) {
            for (String line : readTargetsFile(Path.of(file))) {
                add(all, parse(TARGETS_FILE, line));
            }
        }
        return new ArrayList<>(all.values());
    }

    private static TargetSpec parse(String key, String line) {
        try {
            return TargetSpec.parse(line);
        } catch (ConfigException e) {
            throw new InvalidSetting(key, e.getMessage());
        }
    }

    private static void add(Map<String, TargetSpec> all, TargetSpec t) {
        if (all.putIfAbsent(t.address(), t) != null) {
            throw new InvalidSetting(TARGETS, "target " + t.address() + " is listed twice");
        }
    }

    static List<String> readTargetsFile(Path file) {
        List<String> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!l.isEmpty()) {
                    lines.add(l);
                }
            }
        } catch (IOException e) {
            throw new InvalidSetting(TARGETS_FILE, "targets file " + file + " cannot be read: " + e);
        }
        return lines;
    }

    /** The task's own targets (set by the connector). */
    List<TargetSpec> taskTargets() {
        List<TargetSpec> out = new ArrayList<>();
        for (String line : getString(TASK_TARGETS).split("\n")) {
            if (!line.isBlank()) {
                out.add(TargetSpec.parse(line));
            }
        }
        return out;
    }

    static int version(String v) {
        return switch (v) {
            case "1" -> 1;
            case "2", "2c" -> 2;
            case "3" -> 3;
            default -> throw new ConfigException(VERSION, v, "use 1, 2c or 3");
        };
    }

    /**
     * The poll target of one line, with the connector's settings where the line has none.
     *
     * @throws ConfigException naming the target and the setting at fault
     */
    PollTarget pollTarget(TargetSpec t) {
        int version;
        try {
            version = version(t.override("version", getString(VERSION)));
        } catch (ConfigException e) {
            throw new InvalidSetting(TARGETS, "target " + t.address() + ": version " + t.override("version", "")
                    + " is not 1, 2c or 3");
        }
        String level = t.override("security.level", getString(SECURITY_LEVEL));
        String user = t.override("security.name", getString(SECURITY_NAME));
        String authPassword = secret(AUTH_PASSWORD);
        String privPassword = secret(PRIV_PASSWORD);
        if (version == 3) {
            if (user.isEmpty()) {
                throw new InvalidSetting(TARGETS, "target " + t.address() + " is SNMPv3 but has no user: set "
                        + SECURITY_NAME + " or security.name= on its line");
            }
            String lv = level.toLowerCase(Locale.ROOT).replace("_", "");
            boolean auth = lv.equals("authnopriv") || lv.equals("authpriv") || lv.equals("authwithoutprivacy")
                    || lv.equals("authwithprivacy");
            boolean priv = lv.equals("authpriv") || lv.equals("authwithprivacy");
            String whose = "target " + t.address() + ": security level " + level;
            if (auth) {
                checkPassphrase(AUTH_PASSWORD, AUTH_PASSWORD, authPassword, whose);
            }
            if (priv) {
                checkPassphrase(PRIV_PASSWORD, PRIV_PASSWORD, privPassword, whose);
            }
        }
        List<String> oids = getList(OIDS).stream().filter(s -> !s.isBlank()).toList();
        List<String> walks = getList(WALK).stream().filter(s -> !s.isBlank()).toList();
        List<String> tables = tables();
        try {
            return PollTarget.builder(t.address())
                    .session(b -> b.hostname(t.address()).version(version)
                            .community(t.override("community", secret(COMMUNITY)))
                            .securityUsername(user).securityLevel(level)
                            .authProtocol(getString(AUTH_PROTOCOL)).authPassword(authPassword)
                            .privacyProtocol(getString(PRIV_PROTOCOL)).privacyPassword(privPassword)
                            .context(t.override("context", getString(CONTEXT)))
                            .timeout(Duration.ofMillis(getLong(TIMEOUT_MS))).retries(getInt(RETRIES)))
                    .get(oids).walk(walks).table(tables)
                    .interval(Duration.ofMillis(getLong(INTERVAL_MS)))
                    .maxOidsPerRequest(getInt(MAX_OIDS_PER_REQUEST))
                    .maxRepetitions(getInt(MAX_REPETITIONS))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(TARGETS, "target " + t.address() + ": " + e.getMessage());
        }
    }

    /** The tables of {@link #TABLES}, blanks dropped. */
    List<String> tables() {
        return items(TABLES);
    }

    /**
     * Checks that each table of {@link #TABLES} names a table (or its entry) in the MIBs, or is an
     * OID the MIBs do not know (read as a table anyway, as {@code Session.table} does).
     *
     * @throws InvalidSetting naming the first that does not
     */
    void checkTables() {
        List<String> tables = tables();
        if (tables.isEmpty()) {
            return;
        }
        MibTree tree = MibTree.defaultTree();
        for (String t : tables) {
            int[] oid;
            try {
                oid = tree.resolve(t, 0).oid();
            } catch (RuntimeException e) {
                throw new InvalidSetting(TABLES, "'" + t + "' is not an OID or a name in the MIBs: " + e.getMessage());
            }
            try {
                TableReader.entry(tree, oid);
            } catch (RuntimeException e) {
                throw new InvalidSetting(TABLES, "'" + t + "' is " + e.getMessage());
            }
        }
    }
}
