package io.varbind.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark's premise: both libraries produce the same bytes and decode them to the same sums. */
class CodecWorkloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"get1", "resp10", "bulk50"})
    void bothLibrariesAgree(String workload) {
        CodecBenchmark b = new CodecBenchmark();
        b.workload = workload;
        b.setup(); // throws when the two encodings differ
        assertEquals(CodecWorkloads.bytes(workload).length, b.varbind_encode());
        assertEquals(b.varbind_encode(), b.snmp4j_encode());
        assertEquals(b.snmp4j_decode(), b.varbind_decode(), "the two decoders saw different values");
    }
}
