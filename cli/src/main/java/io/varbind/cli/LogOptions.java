package io.varbind.cli;

import picocli.CommandLine.Option;

/**
 * {@code -d}/{@code --debug} and {@code -D TOKEN[,TOKEN...]}, as in Net-SNMP's tools: debug output
 * of the library's loggers on stderr, through the SLF4J simple backend the command line binds.
 * Tokens name loggers under {@code io.varbind} ({@code engine}, {@code agent}; {@code ALL} is
 * every one). The library logs no community, pass phrase or key, at any level.
 */
final class LogOptions {
    static final String PREFIX = "org.slf4j.simpleLogger.";

    /**
     * The backend's settings when the command line starts: WARN and up, one line each, no thread
     * names, the time of day on each line. A one-shot command shows the time only with {@code -d} or
     * {@code -D} (as Net-SNMP's tools print their warnings): the backend's date format loads the
     * JDK's locale data, about 30 ms of CPU, at its first logger (the engine's) whether or not a
     * line is ever logged.
     */
    static void defaults(boolean oneShot) {
        setIfAbsent("defaultLogLevel", "warn");
        setIfAbsent("showThreadName", "false");
        if (!oneShot) {
            timeOfDay();
        }
        setIfAbsent("logFile", "System.err");
    }

    private static void timeOfDay() {
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
    }

    @Option(names = {"-d", "--debug"}, description = "debug output of every library logger on stderr")
    void debug(boolean on) {
        if (on) {
            System.setProperty(PREFIX + "log.io.varbind", "debug");
            timeOfDay();
        }
    }

    @Option(names = "-D", paramLabel = "TOKEN[,TOKEN...]", split = ",",
            description = "debug output of the named loggers (engine, agent; ALL for every one)")
    void tokens(String[] tokens) {
        for (String t : tokens) {
            String name = t.equalsIgnoreCase("ALL") ? "io.varbind" : "io.varbind." + t;
            System.setProperty(PREFIX + "log." + name, "debug");
        }
        timeOfDay();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
