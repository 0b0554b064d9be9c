package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What a one-shot command leaves out to start faster (no JMX MBean, no time of day on its log lines
 * unless debugging) and what the long-running ones keep; each default yields to a {@code -D} given.
 */
class OneShotDefaultsTest {
    private static final String DATE = LogOptions.PREFIX + "showDateTime";

    @Test
    void oneShotCommandsRegisterNoMBeanAndLongRunningOnesDo() {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            System.clearProperty("varbind.jmx");
            Main.startupDefaults(new String[] {"trapd", "--listen", "udp:127.0.0.1:1"});
            assertNull(System.getProperty("varbind.jmx"), "trapd keeps JMX");
            for (String c : new String[] {"get", "walk", "bulkwalk", "table", "translate"}) {
                System.clearProperty("varbind.jmx");
                Main.startupDefaults(new String[] {c, "x"});
                assertEquals("false", System.getProperty("varbind.jmx"), c);
            }
            System.setProperty("varbind.jmx", "true");
            Main.startupDefaults(new String[] {"get", "x"});
            assertEquals("true", System.getProperty("varbind.jmx"), "a -D given wins");
        } finally {
            System.setProperties(saved);
        }
    }

    @Test
    void theTimeOfDayIsShownByLongRunningCommandsAndWhenDebugging() {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            System.clearProperty(DATE);
            LogOptions.defaults(false);
            assertEquals("true", System.getProperty(DATE), "agent, trapd");
            System.clearProperty(DATE);
            LogOptions.defaults(true);
            assertNull(System.getProperty(DATE), "get");
            new LogOptions().debug(true);
            assertEquals("true", System.getProperty(DATE), "get -d");
            System.clearProperty(DATE);
            new LogOptions().tokens(new String[] {"engine"});
            assertEquals("true", System.getProperty(DATE), "get -D engine");
        } finally {
            System.setProperties(saved);
        }
    }
}
