package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code -T} keys of {@code agent} and {@code trapd}: the DTLS caps, given, defaulted and refused. */
class TlsListenOptionsTest {

    private static TlsListenOptions.Settings parse(String... settings) {
        TlsListenOptions o = new TlsListenOptions();
        o.settings.addAll(List.of(settings));
        return o.parse("trapd");
    }

    @Test
    void dtlsCapsGivenAndTheOthersDefaulted() {
        List<Object> got = new ArrayList<>();
        parse("dtls_max_sessions=3", "dtls_idle_timeout=7").applyDtlsLimits((s, h, idle) -> got.addAll(
                List.of(s, h, idle)));
        io.varbind.transport.DtlsServer.Limits d = io.varbind.transport.DtlsServer.Limits.DEFAULT;
        assertEquals(List.of(3, d.maxHandshakes(), Duration.ofSeconds(7)), got);
        got.clear();
        parse("DTLS-MAX-HANDSHAKES=2").applyDtlsLimits((s, h, idle) -> got.addAll(List.of(s, h, idle)));
        assertEquals(List.of(d.maxSessions(), 2, d.idleTimeout()), got);
    }

    @Test
    void noCapsGivenLeavesTheBuilderAlone() {
        parse("tsm_user=x").applyDtlsLimits((s, h, idle) -> {
            throw new AssertionError("called");
        });
    }

    @Test
    void aCapBelowOneOrNotANumberIsAUsageError() {
        for (String bad : List.of("dtls_max_sessions=0", "dtls_max_handshakes=-1", "dtls_idle_timeout=soon",
                "dtls_max_sessions=99999999999")) {
            UsageException e = assertThrows(UsageException.class, () -> parse(bad));
            assertTrue(e.getMessage().startsWith("trapd -T dtls_"), e.getMessage());
        }
    }
}
