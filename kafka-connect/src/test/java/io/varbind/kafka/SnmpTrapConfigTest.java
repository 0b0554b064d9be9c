package io.varbind.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The trap connector's settings without a cluster: several v3 users, each entry checked, no secret in an error. */
class SnmpTrapConfigTest {
    private static final Map<String, String> BASE = Map.of("connector.class",
            SnmpTrapSourceConnector.class.getName(), "topic", "t");

    private static List<String> errors(String... keyValues) {
        Map<String, String> c = new HashMap<>(BASE);
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put(keyValues[i], keyValues[i + 1]);
        }
        List<String> errors = new ArrayList<>();
        for (ConfigValue v : new SnmpTrapSourceConnector().validate(c).configValues()) {
            for (String m : v.errorMessages()) {
                errors.add(v.name() + ": " + m);
            }
        }
        if (!errors.isEmpty()) {
            assertThrows(ConfigException.class, () -> new SnmpTrapSourceConnector().start(c));
        }
        return errors;
    }

    @Test
    void usersInSnmptrapdsCreateUserForm() {
        SnmpTrapConfig c = new SnmpTrapConfig(Map.of("topic", "t",
                "snmp.security.name", "first", "snmp.auth.protocol", "SHA", "snmp.auth.password", "first-pass",
                "snmp.users", " alice SHA-256 alice-auth AES alice-priv ;bob MD5 bob-auth-pass DES\n"
                        + "-e 8000000001020304 carol SHA-512 carol-auth AES256 carol-priv;;  dave  "));
        List<SnmpTrapConfig.User> users = c.users();
        assertEquals(List.of(
                new SnmpTrapConfig.User("first", "SHA", "first-pass", "none", "", ""),
                new SnmpTrapConfig.User("alice", "SHA-256", "alice-auth", "AES", "alice-priv", ""),
                // the privacy passphrase defaults to the authentication one, as createUser has it
                new SnmpTrapConfig.User("bob", "MD5", "bob-auth-pass", "DES", "bob-auth-pass", ""),
                new SnmpTrapConfig.User("carol", "SHA-512", "carol-auth", "AES256", "carol-priv", "8000000001020304"),
                new SnmpTrapConfig.User("dave", "none", "", "none", "", "")), users);
        assertEquals(List.of(), errors("snmp.users", "alice SHA-256 alice-auth AES alice-priv; bob"));
    }

    @Test
    void badUserEntriesAreRefusedByNameWithoutTheirSecrets() {
        String[][] cases = {
            {"alice MD6 secret-one", "unknown"},
            {"alice SHA short", "at least 8"},
            {"alice SHA secret-one AES tiny", "at least 8"},
            {"alice SHA secret-one AES secret-two extra", "words after the name"},
            {"alice secret-one", "words after the name"},
            {"-e 8000 alice SHA secret-one", "5 to 32 octets"},
            {"-e alice", "-e needs an engine id and a name"},
            {"alice none secret-one AES secret-two", "privacy needs authentication"},
            {"alice SHA secret-one; alice MD5 secret-two", "given twice"},
        };
        for (String[] c : cases) {
            List<String> errors = errors("snmp.users", c[0]);
            assertEquals(1, errors.size(), c[0] + ": " + errors);
            String e = errors.get(0);
            assertTrue(e.startsWith("snmp.users: ") && e.contains(c[1]), c[0] + ": " + e);
            assertFalse(e.contains("secret-") || e.contains("short") || e.contains("tiny"), "a secret in: " + e);
        }
        // the same name for two engines is two users; the single-user keys count too
        assertEquals(List.of(), errors("snmp.users", "alice SHA secret-one; -e 8000000001 alice SHA secret-one"));
        List<String> twice = errors("snmp.security.name", "alice", "snmp.users", "alice");
        assertTrue(twice.size() == 1 && twice.get(0).contains("given twice"), twice.toString());
    }
}
