package io.varbind.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * One target line: an agent in Net-SNMP form ({@code [transport:]host[:port]}) optionally followed
 * by its own settings as {@code key=value} words, for example
 * {@code udp:10.0.0.7:1161 version=3 security.name=alice security.level=authPriv}. The agent
 * address as written is the target's id and its records' key.
 */
record TargetSpec(String address, Map<String, String> overrides) {
    /** The settings a target line may override; the rest (passwords included) are the connector's. */
    static final Set<String> OVERRIDES = Set.of("version", "community", "security.name", "security.level",
            "context");

    static TargetSpec parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new ConfigException("an empty target: give an agent in Net-SNMP form, for example udp:10.0.0.1:161");
        }
        if (words[0].contains("=")) {
            throw new ConfigException("target '" + line.trim() + "' must start with the agent's address, not a setting");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String key = eq < 0 ? words[i] : words[i].substring(0, eq);
            if (eq <= 0 || !OVERRIDES.contains(key)) {
                throw new ConfigException("target '" + words[0] + "': '" + words[i] + "' is not one of "
                        + "version=, community=, security.name=, security.level=, context=");
            }
            overrides.put(key, words[i].substring(eq + 1));
        }
        return new TargetSpec(words[0], Map.copyOf(overrides));
    }

    /** The line again, as the connector hands it to a task. */
    String line() {
        StringBuilder b = new StringBuilder(address);
        overrides.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    String override(String key, String fallback) {
        return overrides.getOrDefault(key, fallback);
    }
}
