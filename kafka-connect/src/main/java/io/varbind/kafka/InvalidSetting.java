package io.varbind.kafka;

import org.apache.kafka.common.config.ConfigException;

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
}
