package io.varbind.kafka;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/** A config error that knows which key it belongs to, so that validation shows it beside that key. */
final class InvalidSetting extends ConfigException {
    private final String key;

    InvalidSetting(String key, String message) {
        super(message);
        this.key = key;
    }

    String key() {
        return key;
    }

    /**
     * Adds to {@code config} (Connect's key-by-key validation) the first error of
     * {@code wholeConfigCheck}, beside its key; runs it only when every key passed on its own, so
     * the single-key errors come first.
     */
    static Config addTo(Config config, Runnable wholeConfigCheck) {
        for (ConfigValue v : config.configValues()) {
            if (!v.errorMessages().isEmpty()) {
                return config;
            }
        }
        try {
            wholeConfigCheck.run();
        } catch (InvalidSetting e) {
            for (ConfigValue v : config.configValues()) {
                if (v.name().equals(e.key())) {
                    v.addErrorMessage(e.getMessage());
                }
            }
        }
        return config;
    }
}
