package io.varbind.kafka;

import io.varbind.agent.Endpoint;
import io.varbind.agent.NotificationReceiver;
import io.varbind.session.SecurityNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of {@link SnmpTrapSourceConnector}, each documented in its {@link ConfigDef}. */
final class SnmpTrapConfig extends SnmpConnectorConfig {
    static final String LISTEN = "snmp.listen";
    static final String SENDER_ENGINE_ID = "snmp.sender.engine.id";
    static final String USERS = "snmp.users";
    static final String ENGINE_ID = "snmp.engine.id";

    static final ConfigDef CONFIG_DEF = defineTopic(new ConfigDef(), "The topic the notification records go to.",
            GROUP_SNMP)
            .define(LISTEN, Type.LIST, "udp:0.0.0.0:162", Importance.HIGH,
                    "Comma-separated endpoints to receive notifications on, as the agent takes them: "
                            + "udp:host:port, tcp:host:port (RFC 3430), [::1] for IPv6. The one task binds them "
                            + "on the worker it runs on: several workers need the senders pointed at that worker "
                            + "(or a virtual address that follows it).", GROUP_SNMP, 2, ConfigDef.Width.LONG, "Listen")
            .define(COMMUNITY, Type.PASSWORD, "public", Importance.HIGH,
                    "Comma-separated communities accepted from v1 and v2c senders (a secret: never logged); "
                            + "empty accepts none.", GROUP_SECURITY, 1, ConfigDef.Width.MEDIUM, "Communities")
            .define(SECURITY_NAME, Type.STRING, "", Importance.HIGH,
                    "SNMPv3 user accepted (USM security name); empty: none from these keys (see " + USERS
                            + " for more).", GROUP_SECURITY, 2, ConfigDef.Width.MEDIUM, "v3 user")
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
            .define(USERS, Type.PASSWORD, "", Importance.MEDIUM,
                    "More v3 users (a secret: never logged), separated by ';' or new lines, each as snmptrapd's "
                            + "createUser takes it: [-e ENGINEID] NAME [AUTHPROTO AUTHPASS [PRIVPROTO [PRIVPASS]]] "
                            + "(PRIVPASS defaults to AUTHPASS, as in snmptrapd). With -e the user is one of that "
                            + "trap sender's engine; without, one of this receiver's, for informs. Passphrases "
                            + "with spaces or ';' need the single-user keys.", GROUP_SECURITY, 8,
                    ConfigDef.Width.LONG, "More v3 users")
            .define(ENGINE_ID, Type.STRING, "", Importance.LOW,
                    "Hex engine id of this receiver, the one v3 informs are sent to; empty: a random one per "
                            + "task start (senders discover it).", GROUP_SECURITY, 9, ConfigDef.Width.MEDIUM,
                    "Engine id")
            .define(QUEUE_CAPACITY, Type.INT, 10_000, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                    "How many notifications may wait for Connect; more are dropped (an inform unacknowledged, so "
                            + "its sender retries).", GROUP_SNMP, 3, ConfigDef.Width.SHORT, "Queue capacity");

    /**
     * One v3 user, as the receiver takes it.
     *
     * @param senderEngineId hex, empty for a user of the receiver's own engine
     */
    record User(String name, String auth, String authPassword, String priv, String privPassword,
            String senderEngineId) {
        boolean authenticates() {
            return !none(auth);
        }

        boolean encrypts() {
            return !none(priv);
        }

        private static boolean none(String protocol) {
            return protocol.isEmpty() || "none".equalsIgnoreCase(protocol);
        }

        /** An entry of {@link #USERS}: {@code [-e ENGINEID] NAME [AUTHPROTO AUTHPASS [PRIVPROTO [PRIVPASS]]]}. */
        static User parse(String entry, int number) {
            List<String> w = new ArrayList<>(List.of(entry.trim().split("\\s+")));
            String engine = "";
            if (!w.isEmpty() && w.get(0).equals("-e")) {
                if (w.size() < 3) {
                    throw new InvalidSetting(USERS, "user " + number + ": -e needs an engine id and a name");
                }
                engine = w.get(1);
                w = w.subList(2, w.size());
            }
            String name = w.get(0);
            // the words are never quoted back: they hold passphrases
            if (w.size() == 2 || w.size() > 5) {
                throw new InvalidSetting(USERS, "user " + name + " (entry " + number + "): " + (w.size() - 1)
                        + " words after the name; give AUTHPROTO AUTHPASS [PRIVPROTO [PRIVPASS]]");
            }
            String auth = w.size() > 1 ? w.get(1) : "none";
            String authPassword = w.size() > 2 ? w.get(2) : "";
            String priv = w.size() > 3 ? w.get(3) : "none";
            String privPassword = w.size() > 4 ? w.get(4) : authPassword;
            return new User(name, auth, authPassword, priv, privPassword, engine);
        }

        /**
         * Checks protocols, passphrases and the engine id; each error belongs to the key given
         * for it and names the user, never a passphrase.
         */
        void check(String authKey, String authPasswordKey, String privKey, String privPasswordKey,
                String engineKey) {
            try {
                if (authenticates()) {
                    SecurityNames.authProtocol(auth);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(authKey, "user " + name + ": " + e.getMessage());
            }
            try {
                if (encrypts()) {
                    SecurityNames.privacyProtocol(priv);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(privKey, "user " + name + ": " + e.getMessage());
            }
            if (!authenticates() && encrypts()) {
                throw new InvalidSetting(privKey, "user " + name + ": privacy needs authentication");
            }
            checkEngineId(engineKey, senderEngineId);
            String what = authKey.equals(authPasswordKey) ? "an authentication passphrase" : authPasswordKey;
            if (authenticates()) {
                checkPassphrase(authPasswordKey, what, authPassword, "user " + name + ": " + auth);
            }
            if (encrypts()) {
                checkPassphrase(privPasswordKey, privKey.equals(privPasswordKey) ? "a privacy passphrase"
                        : privPasswordKey, privPassword, "user " + name + ": " + priv);
            }
        }
    }

    SnmpTrapConfig(Map<String, String> props) {
        super(CONFIG_DEF, props, false);
    }

    List<String> listen() {
        return items(LISTEN);
    }

    /**
     * Every v3 user: the one of {@link #SECURITY_NAME} and its keys, then those of {@link #USERS};
     * each checked, none twice for the same engine.
     *
     * @throws InvalidSetting naming the first bad one
     */
    List<User> users() {
        List<User> users = new ArrayList<>();
        String single = getString(SECURITY_NAME).trim();
        if (!single.isEmpty()) {
            User u = new User(single, getString(AUTH_PROTOCOL).trim(), secret(AUTH_PASSWORD),
                    getString(PRIV_PROTOCOL).trim(), secret(PRIV_PASSWORD), getString(SENDER_ENGINE_ID).trim());
            u.check(AUTH_PROTOCOL, AUTH_PASSWORD, PRIV_PROTOCOL, PRIV_PASSWORD, SENDER_ENGINE_ID);
            users.add(u);
        }
        int number = 0;
        for (String entry : secret(USERS).split("[;\n]")) {
            if (!entry.isBlank()) {
                User u = User.parse(entry, ++number);
                u.check(USERS, USERS, USERS, USERS, USERS);
                users.add(u);
            }
        }
        Set<String> seen = new HashSet<>();
        for (User u : users) {
            String engine = u.senderEngineId().toLowerCase(Locale.ROOT);
            if (!seen.add(engine + "/" + u.name())) {
                throw new InvalidSetting(USERS, "user " + u.name() + " is given twice for "
                        + (engine.isEmpty() ? "this receiver's engine" : "engine " + engine));
            }
        }
        return users;
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
        for (String c : secret(COMMUNITY).split(",")) {
            if (!c.trim().isEmpty()) {
                b.community(c.trim());
            }
        }
        for (User u : users()) {
            b.user(u.name(), u.auth(), u.authPassword(), u.priv(), u.privPassword(), u.senderEngineId());
        }
        String engineId = getString(ENGINE_ID).trim();
        checkEngineId(ENGINE_ID, engineId);
        if (!engineId.isEmpty()) {
            b.engineId(engineId);
        }
        return b;
    }

    /** Checks a hex engine id: empty, or 5 to 32 octets (RFC 3411). */
    private static void checkEngineId(String key, String hex) {
        if (hex.isEmpty()) {
            return;
        }
        int octets;
        try {
            octets = HexFormat.of().parseHex(hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex)
                    .length;
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(key, "'" + hex + "' is not hex: " + e.getMessage());
        }
        if (octets < 5 || octets > 32) {
            throw new InvalidSetting(key, "an engine id has 5 to 32 octets (RFC 3411), not " + octets);
        }
    }
}
