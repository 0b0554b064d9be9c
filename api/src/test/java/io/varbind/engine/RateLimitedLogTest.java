package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RateLimitedLogTest {

    /** A logger that records "level: format" of each call and has DEBUG on or off. */
    private static Logger recorder(List<String> lines, boolean debug) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, m, args) -> {
                    String n = m.getName();
                    if (n.equals("isDebugEnabled")) {
                        return debug;
                    }
                    if (n.startsWith("is") && n.endsWith("Enabled")) {
                        return true;
                    }
                    if (n.equals("getName")) {
                        return "test";
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String s) {
                        lines.add(n + ": " + s);
                    }
                    return null;
                });
    }

    @Test
    void aFloodGivesOneLinePerIntervalCountingTheRest() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        RateLimitedLog log = new RateLimitedLog(recorder(lines, false), RateLimitedLog.Level.WARN, 200_000_000L);
        for (int i = 0; i < 10_000; i++) {
            log.log("dropped a malformed message from {}: {}", "10.0.0.1", "bad");
        }
        assertEquals(List.of("warn: dropped a malformed message from {}: {}"), lines);
        Thread.sleep(250);
        log.log("dropped a malformed message from {}: {}", "10.0.0.1", "bad");
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("warn: dropped a malformed message from {}: {} (and 9999 more since the last such line)",
                lines.get(1));
    }

    @Test
    void infoLevelAndEveryOccurrenceAtDebug() {
        List<String> info = new ArrayList<>();
        RateLimitedLog a = new RateLimitedLog(recorder(info, false), RateLimitedLog.Level.INFO);
        a.log("x {}", 1);
        a.log("x {}", 2);
        assertEquals(List.of("info: x {}"), info);
        List<String> debug = new ArrayList<>();
        RateLimitedLog b = new RateLimitedLog(recorder(debug, true), RateLimitedLog.Level.WARN);
        for (int i = 0; i < 100; i++) {
            b.log("y {}", i);
        }
        assertEquals(100, debug.size());
        assertTrue(debug.stream().allMatch(l -> l.equals("debug: y {}")), debug.toString());
    }
}
