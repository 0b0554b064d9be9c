package io.varbind.agent;

import static io.varbind.agent.ReadPacing.HAND_OVER;
import static io.varbind.agent.ReadPacing.HOLD;
import static io.varbind.agent.ReadPacing.REST;
import static io.varbind.agent.ReadPacing.afterRead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReadPacingTest {
    private static final int BATCH = 32;
    private static final long MS = 1_000_000;

    @Test
    void aFullReadHoldsItsTrapsForTheReadThatEmptiesTheSocket() {
        assertEquals(HOLD, afterRead(32, BATCH, false, 32, 20_000, MS));
        assertEquals(HOLD, afterRead(32, BATCH, false, 255, 20_000, MS));
        assertEquals(HAND_OVER, afterRead(32, BATCH, false, 256, 20_000, MS), "at most 256 wait");
        assertEquals(HAND_OVER, afterRead(32, BATCH, true, 40, 20_000, MS), "an inform goes at once");
    }

    @Test
    void aDenseStreamOfTrapsLetsTheSocketRestAfterTheReadThatEmptiedIt() {
        // 10 datagrams in 100 us: 100 per ms, at least eight
        assertEquals(HAND_OVER | REST, afterRead(10, BATCH, false, 10, 100_000, MS));
        // exactly eight per interval still rests; fewer does not
        assertEquals(HAND_OVER | REST, afterRead(8, BATCH, false, 8, MS, MS));
        assertEquals(HAND_OVER, afterRead(7, BATCH, false, 7, MS, MS));
        // after a rest of 1 ms, a read of what came meanwhile keeps resting while the stream lasts
        assertEquals(HAND_OVER | REST, afterRead(20, BATCH, false, 84, MS + 50_000, MS));
    }

    @Test
    void aLoneTrapAnInformOrASlowStreamIsNeverKeptWaiting() {
        assertEquals(HAND_OVER, afterRead(1, BATCH, false, 1, 5 * MS, MS), "lone trap");
        assertEquals(HAND_OVER, afterRead(1, BATCH, false, 1, 200_000, MS), "5,000 traps/s: 5 per ms");
        assertEquals(HAND_OVER, afterRead(10, BATCH, true, 10, 100_000, MS), "an inform");
        assertEquals(HAND_OVER, afterRead(10, BATCH, false, 10, 100_000, 0), "coalescing off");
        assertEquals(HAND_OVER, afterRead(10, 0, false, 10, 100_000, MS), "NIO: no batch bound");
        assertEquals(HAND_OVER, afterRead(0, BATCH, false, 0, 100_000, MS), "nothing read");
        assertEquals(HAND_OVER, afterRead(1, BATCH, false, 1, 10_000, MS),
                "one datagram (perhaps a read with room for one only) never rests");
    }

    @Test
    void aRestEndingAWholeIntervalLateStopsRestingForAWhile() {
        long due = 5 * MS;
        assertEquals(0, ReadPacing.noRestUntil(due + 200_000, due, MS, 0), "on time (0.2 ms late): rests go on");
        assertEquals(0, ReadPacing.noRestUntil(due + MS, due, MS, 0), "exactly one interval late: still");
        assertEquals(due + MS + 1 + ReadPacing.NO_REST_NANOS, ReadPacing.noRestUntil(due + MS + 1, due, MS, 0));
        assertEquals(7 * MS, ReadPacing.noRestUntil(due, due, MS, 7 * MS), "an earlier pause is kept");
    }

    @Property(tries = 2000)
    void neverRestsWithDataLeftNorHoldsWhatSomeoneWaitsFor(@ForAll @IntRange(min = 0, max = 40) int datagrams,
            @ForAll boolean urgent, @ForAll @IntRange(min = 0, max = 400) int held,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long since,
            @ForAll @LongRange(min = 0, max = 5_000_000) long coalesce) {
        int what = afterRead(datagrams, BATCH, urgent, held, since, coalesce);
        boolean full = datagrams >= BATCH;
        assertEquals(1, Integer.bitCount(what & (HAND_OVER | HOLD)), "hand over or hold, one of the two");
        if (full) {
            assertEquals(0, what & REST, "a full read left datagrams in the socket: read on at once");
        }
        if (urgent || !full || held >= ReadPacing.HOLD_MAX) {
            assertEquals(HAND_OVER, what & (HAND_OVER | HOLD));
        }
        if (urgent || coalesce == 0 || datagrams < 2) {
            assertEquals(0, what & REST);
        }
    }
}
