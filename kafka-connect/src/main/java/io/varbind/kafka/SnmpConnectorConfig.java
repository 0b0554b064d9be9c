package io.varbind.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * What the two connectors' settings share: the keys that mean the same in both (topic, community,
 * the v3 user's), their groups, and reading secrets, lists and passphrases the same way.
 */
abstract class SnmpConnectorConfig extends AbstractConfig {
    static final String TOPIC = "topic";
    static final String COMMUNITY = "snmp.community";
    static final String SECURITY_NAME = "snmp.security.name";
    static final String AUTH_PROTOCOL = "snmp.auth.protocol";
    static final String AUTH_PASSWORD = "snmp.auth.password";
    static final String PRIV_PROTOCOL = "snmp.priv.protocol";
    static final String PRIV_PASSWORD = "snmp.priv.password";
    static final String QUEUE_CAPACITY = "snmp.queue.capacity";

    static final String GROUP_SNMP = "SNMP";
    static final String GROUP_SECURITY = "Security";

    /** The shortest passphrase USM accepts (RFC 3414 section 11.2). */
    static final int MIN_PASSPHRASE = 8;

    SnmpConnectorConfig(ConfigDef def, Map<String, String> props, boolean log) {
        super(def, props, log);
    }

    /** Defines {@link #TOPIC}, required and non-empty, in {@code group}. */
    static ConfigDef defineTopic(ConfigDef def, String doc, String group) {
        return def.define(TOPIC, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                ConfigDef.Importance.HIGH, doc, group, 1, ConfigDef.Width.MEDIUM, "Topic");
    }

    /** The value of a PASSWORD key, "" when unset. */
    final String secret(String key) {
        Password p = getPassword(key);
        return p == null ? "" : p.value();
    }

    /** The items of a LIST key, trimmed, blanks dropped. */
    final List<String> items(String key) {
        return getList(key).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Checks a passphrase's length; the error never holds the passphrase.
     *
     * @param key the key the error belongs to
     * @param what what the passphrase is called in the error (the key, when it has one of its own)
     * @param passphrase the passphrase
     * @param whose who needs it and why, the start of the error ("user u: snmp.auth.protocol SHA")
     * @throws InvalidSetting when it is shorter than {@link #MIN_PASSPHRASE}
     */
    static void checkPassphrase(String key, String what, String passphrase, String whose) {
        if (passphrase.length() < MIN_PASSPHRASE) {
            throw new InvalidSetting(key, whose + " needs " + what + " of at least " + MIN_PASSPHRASE
                    + " characters (RFC 3414 section 11.2)");
        }
    }
}
