package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of the walk-file parser the built-in agent serves from: any
 * text gives bindings and warnings, never an exception, an error or unbounded warnings; with a
 * DISPLAY-HINT reader too. Replays {@code WalkFileFuzzTestInputs} in the default run;
 * {@code ./fuzz.sh agent.walkFile SECONDS} fuzzes it.
 */
class WalkFileFuzzTest {
    private static final String[] HINTS = {"1x:", "255a", "d-2", "2d.1d", "1d.1d.1d.1d", "4x ", "t", "1b"};

    @FuzzTest(maxDuration = "10m")
    void walkFile(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        WalkFileParser plain = new WalkFileParser();
        int[] count = {0};
        plain.parse("fuzz.walk", new StringReader(text), (oid, v) -> {
            assertNotNull(oid);
            assertNotNull(v);
            count[0]++;
        });
        assertTrue(plain.warnings().size() <= 100, "warnings kept without bound");
        int lines = text.split("\r\n|\r|\n", -1).length;
        assertTrue(count[0] <= lines, count[0] + " bindings from " + lines + " lines");
        WalkFileParser hinted = new WalkFileParser(oid -> HINTS[oid.size() % HINTS.length]);
        hinted.parse("fuzz.walk", new StringReader(text), (oid, v) -> assertNotNull(v));
    }
}
