package io.varbind.kafka;

import io.varbind.agent.Endpoint;
import io.varbind.agent.NotificationReceiver;
import io.varbind.session.SecurityNames;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** The settings of {@link SnmpTrapSourceConnector}, each documented in its {@link ConfigDef}. */
final class SnmpTrapConfig extends AbstractConfig {
    static final String TOPIC = "topic";
    static final String LISTEN = "snmp.listen";
    static final String COMMUNITY = "snmp.community";
    static final String SECURITY_NAME = "snmp.security.name";
    static final String AUTH_PROTOCOL = "snmp.auth.protocol";
    static final String AUTH_PASSWORD = "snmp.auth.password";
    static final String PRIV_PROTOCOL = "snmp.priv.protocol";
    static final String PRIV_PASSWORD = "snmp.priv.password";
    static final String SENDER_ENGINE_ID = "snmp.sender.engine.id";
    static final String ENGINE_ID = "snmp.engine.id";
    static final String QUEUE_CAPACITY = "snmp.queue.capacity";

    private static final String GROUP_SNMP = "SNMP";
    private static final String GROUP_SECURITY = "Security";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The topic the notification records go to.", GROUP_SNMP, 1, ConfigDef.Width.MEDIUM, "Topic")
            .define(LISTEN, Type.LIST, "udp:0.0.0.0:162", Importance.HIGH,
                    "Comma-separated endpoints to receive notifications on, as the agent takes them: "
                            + "udp:host:port, tcp:host:port (RFC 3430), [::1] for IPv6. The one task binds them "
                            + "on the worker it runs on: several workers need the senders pointed at that worker "
                            + "(or a virtual address that follows it).", GROUP_SNMP, 2, ConfigDef.Width.LONG, "Listen")
            .define(COMMUNITY, Type.PASSWORD, "public", Importance.HIGH,
                    "Comma-separated communities accepted from v1 and v2c senders (a secret: never logged); "
                            + "empty accepts none.", GROUP_SECURITY, 1, ConfigDef.Width.MEDIUM, "Communities")
            .define(SECURITY_NAME, Type.STRING, "", Importance.HIGH,
                    "SNMPv3 user accepted (USM security name); empty: no v3.", GROUP_SECURITY, 2,
                    ConfigDef.Width.MEDIUM, "v3 user")
            .define(AUTH_PROTOCOL, Type.STRING, "none", Importance.MEDIUM,
                    "The v3 user's authentication protocol: none, MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512.",
                    GROUP_SECURITY, 3, ConfigDef.Width.SHORT, "v3 auth protocol")
            .define(AUTH_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
                    "The v3 user's authentication passphrase, at least 8 characters (RFC 3414 section 11.2).",
                    GROUP_SECURITY, 4, ConfigDef.Width.MEDIUM, "v3 auth password")
            .define(PRIV_PROTOCOL, Type.STRING, "none", Importance.MEDIUM,
                    "The v3 user's privacy protocol: none, DES, 3DES, AES, AES192, AES256, AES192C, AES256C.",
                    GROUP_SECURITY, 5, ConfigDef.Width.SHORT, "v3 privacy protocol")
            .define(PRIV_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
                    "The v3 user's privacy passphrase, at least 8 characters.", GROUP_SECURITY, 6,
                    ConfigDef.Width.MEDIUM, "v3 privacy password")
            .define(SENDER_ENGINE_ID, Type.STRING, "", Importance.MEDIUM,
                    "Hex engine id of the sender of v3 traps (snmptrapd's createUser -e); empty: the user is "
                            + "one of this receiver's engine, for v3 informs.", GROUP_SECURITY, 7,
                    ConfigDef.Width.MEDIUM, "v3 sender engine id")
            .define(ENGINE_ID, Type.STRING, "", Importance.LOW,
                    "Hex engine id of this receiver, the one v3 informs are sent to; empty: a random one per "
                            + "task start (senders discover it).", GROUP_SECURITY, 8, ConfigDef.Width.MEDIUM,
                    "Engine id")
            .define(QUEUE_CAPACITY, Type.INT, 10_000, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                    "How many notifications may wait for Connect; more are dropped (an inform unacknowledged, so "
                            + "its sender retries).", GROUP_SNMP, 3, ConfigDef.Width.SHORT, "Queue capacity");

    SnmpTrapConfig(Map<String, String> props) {
        super(CONFIG_DEF, props, false);
    }

    List<String> listen() {
        return getList(LISTEN).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The receiver's builder with every setting but the callback; checks each value.
     *
     * @throws InvalidSetting naming the first bad one
     */
    NotificationReceiver.Builder receiver() {
        List<String> listen = listen();
        if (listen.isEmpty()) {
            throw new InvalidSetting(LISTEN, "no endpoint to listen on");
        }
        for (String e : listen) {
            try {
                Endpoint.parseList(e);
            } catch (RuntimeException x) {
                throw new InvalidSetting(LISTEN, "'" + e + "': " + x.getMessage());
            }
        }
        NotificationReceiver.Builder b = NotificationReceiver.builder().listen(listen.toArray(String[]::new))
                .queueCapacity(getInt(QUEUE_CAPACITY));
        for (String c : secret(getPassword(COMMUNITY)).split(",")) {
            if (!c.trim().isEmpty()) {
                b.community(c.trim());
            }
        }
        String user = getString(SECURITY_NAME).trim();
        if (!user.isEmpty()) {
            String auth = getString(AUTH_PROTOCOL);
            String priv = getString(PRIV_PROTOCOL);
            String authPassword = secret(getPassword(AUTH_PASSWORD));
            String privPassword = secret(getPassword(PRIV_PASSWORD));
            try {
                if (!"none".equalsIgnoreCase(auth)) {
                    SecurityNames.authProtocol(auth);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(AUTH_PROTOCOL, e.getMessage());
            }
            try {
                if (!"none".equalsIgnoreCase(priv)) {
                    SecurityNames.privacyProtocol(priv);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(PRIV_PROTOCOL, e.getMessage());
            }
            if ("none".equalsIgnoreCase(auth) && !"none".equalsIgnoreCase(priv)) {
                throw new InvalidSetting(PRIV_PROTOCOL, "user " + user + ": privacy needs authentication");
            }
            engineId(SENDER_ENGINE_ID);
            if (!"none".equalsIgnoreCase(auth) && authPassword.length() < 8) {
                throw new InvalidSetting(AUTH_PASSWORD, "user " + user + ": " + AUTH_PROTOCOL + " " + auth
                        + " needs " + AUTH_PASSWORD + " of at least 8 characters (RFC 3414 section 11.2)");
            }
            if (!"none".equalsIgnoreCase(priv) && privPassword.length() < 8) {
                throw new InvalidSetting(PRIV_PASSWORD, "user " + user + ": " + PRIV_PROTOCOL + " " + priv
                        + " needs " + PRIV_PASSWORD + " of at least 8 characters");
            }
            b.user(user, auth, authPassword, priv, privPassword, getString(SENDER_ENGINE_ID));
        }
        if (!engineId(ENGINE_ID).isEmpty()) {
            b.engineId(getString(ENGINE_ID));
        }
        return b;
    }

    /** The hex engine id of {@code key}, checked: empty, or 5 to 32 octets (RFC 3411). */
    private String engineId(String key) {
        String h = getString(key).trim();
        if (h.isEmpty()) {
            return h;
        }
        try {
            int octets = HexFormat.of().parseHex(h.startsWith("0x") || h.startsWith("0X") ? h.substring(2) : h).length;
            if (octets < 5 || octets > 32) {
                throw new InvalidSetting(key, "an engine id has 5 to 32 octets (RFC 3411), not " + octets);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(key, "'" + h + "' is not hex: " + e.getMessage());
        }
        return h;
    }

    private static String secret(Password p) {
        return p == null ? "" : p.value();
    }
}
