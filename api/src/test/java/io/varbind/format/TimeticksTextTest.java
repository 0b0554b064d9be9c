package io.varbind.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timeticks as Net-SNMP prints them, over the whole unsigned 32-bit range, against a printf oracle. */
class TimeticksTextTest {

    private static String oracle(long ticks, boolean quick) {
        long centis = ticks % 100;
        long seconds = ticks / 100;
        long days = seconds / 86400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        if (quick) {
            return String.format(Locale.ROOT, "%d:%d:%02d:%02d.%02d", days, hours, minutes, secs, centis);
        }
        String hms = String.format(Locale.ROOT, "%d:%02d:%02d.%02d", hours, minutes, secs, centis);
        return days == 0 ? hms : days + (days == 1 ? " day, " : " days, ") + hms;
    }

    @Test
    void matchesPrintfEverywhere() {
        long[] edges = {0, 1, 99, 100, 5999, 6000, 359_999, 360_000, 8_639_999, 8_640_000, 8_640_001, 17_279_999,
            17_280_000, 4_294_967_295L};
        for (long t : edges) {
            assertEquals(oracle(t, false), ValueFormat.timeticks(t, false), Long.toString(t));
            assertEquals(oracle(t, true), ValueFormat.timeticks(t, true), Long.toString(t));
        }
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            long t = r.nextInt(4) == 0 ? r.nextInt(10_000_000) : r.nextLong() & 0xFFFF_FFFFL;
            assertEquals(oracle(t, false), ValueFormat.timeticks(t, false), Long.toString(t));
            assertEquals(oracle(t, true), ValueFormat.timeticks(t, true), Long.toString(t));
        }
        assertEquals("0:00:42.13", ValueFormat.timeticks(4213, false));
        assertEquals("3 days, 1:02:03.04", ValueFormat.timeticks(3 * 8_640_000L + 372_304, false));
    }
}
