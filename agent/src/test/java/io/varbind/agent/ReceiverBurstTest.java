package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bursts of traps and informs, as a busy network sends them: the event loop reads several
 * datagrams per system call and hands each read's notifications to the callback thread together.
 * Every notification reaches the callback once and in arrival order, and every inform is
 * acknowledged only after its own callback ran.
 */
class ReceiverBurstTest {
    private static final Oid SEQ = Oid.parse("1.3.6.1.4.1.8072.9999.7");

    @Test
    void burstsAreDeliveredWholeInOrderAndInformsAcknowledgedAfterTheirCallback() throws Exception {
        int total = 3000;
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port).community("public")
                .threads(1).onNotification(n -> {
                    for (VarBind vb : n.varBinds()) {
                        if (vb.oid().equals(SEQ)) {
                            seen.add((int) vb.value().longValue());
                        }
                    }
                }).build();
        Set<Integer> acknowledged = new HashSet<>();
        int informs = 0;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setReceiveBufferSize(4 << 20);
            for (int i = 0; i < total; i++) {
                boolean inform = i % 3 == 0;
                informs += inform ? 1 : 0;
                send(s, port, i, inform ? BerTags.INFORM : BerTags.TRAP_V2);
                if (i % 100 == 99) {
                    Thread.sleep(2); // bursts of 100, within the receiver's socket buffer
                }
            }
            s.setSoTimeout(2000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < informs && System.nanoTime() < deadline) {
                DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Pdu answer = ((CommunityMessage) SnmpMessageDecoder.decode(p.getData(), 0, p.getLength())).regularPdu();
                assertEquals(BerTags.RESPONSE, answer.type());
                int id = answer.requestId();
                assertTrue(seen.contains(id), "inform " + id + " acknowledged before its callback ran");
                assertTrue(acknowledged.add(id), "inform " + id + " acknowledged twice");
            }
        } finally {
            r.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((seen.size() < total || r.statistics().delivered() < total || r.statistics().acknowledged() < informs)
                && System.nanoTime() < deadline) {
            Thread.sleep(10); // the counters move just after each callback and Response
        }
        assertEquals(total, r.statistics().received(), r.statistics().toString());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertEquals(informs, acknowledged.size());
        assertEquals(informs, r.statistics().acknowledged());
        assertEquals(total, r.statistics().delivered());
    }

    /**
     * A dense stream of traps makes the socket rest between reads (coalesceReads, 1 ms by
     * default) and holds full reads' notifications for the read that empties the socket: every
     * trap still arrives once and in order, also bursts of exactly one read batch (32, which
     * nothing but the hold's own timer would hand over) and a lone trap after the stream.
     */
    @Test
    void aCoalescedStreamOfTrapsArrivesWholeAndInOrderBurstsOfOneBatchToo() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port).community("public")
                .threads(1).coalesceReads(java.time.Duration.ofMillis(2)).onNotification(n -> {
                    for (VarBind vb : n.varBinds()) {
                        if (vb.oid().equals(SEQ)) {
                            seen.add((int) vb.value().longValue());
                        }
                    }
                }).build();
        List<Integer> expected = new ArrayList<>();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int i = 0;
            for (; i < 20_000; i++) { // about 100 per ms: far above eight per 2 ms
                send(s, port, i, BerTags.TRAP_V2);
                expected.add(i);
                if (i % 100 == 99) {
                    Thread.sleep(1); // within the receiver's socket buffer, as a paced sender would
                }
            }
            for (int burst : new int[] {32, 31, 33, 64, 1}) {
                Thread.sleep(50); // the stream stops; then a burst after a pause
                for (int k = 0; k < burst; k++, i++) {
                    send(s, port, i, BerTags.TRAP_V2);
                    expected.add(i);
                }
                int want = expected.size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (seen.size() < want && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertEquals(want, seen.size(), "a burst of " + burst + " after a pause: "
                        + r.statistics());
            }
        } finally {
            r.close();
        }
        assertEquals(expected, seen);
        assertEquals(expected.size(), r.statistics().delivered());
    }

    /** A trap or inform numbered {@code i} (request-id and the {@link #SEQ} value), from {@code s}. */
    private static void send(DatagramSocket s, int port, int i, int pduType) throws java.io.IOException {
        byte[] m = SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                new Pdu(pduType, i, 0, 0, List.of(
                        new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(i)),
                        new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"), Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.4"))),
                        new VarBind(SEQ, Variable.integer(i))))));
        s.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), port));
    }

    /**
     * The Responses of one read's informs leave together once the read's callbacks ran, unless
     * callbacks are slow: then what was made goes as the next callback returns, a trap's too. With
     * 8 informs in one burst, then informs and traps mixed, and callbacks of 30 ms each, the
     * Response to the notification at position k must not wait for the callbacks after the
     * (k+1)-th (without the bound, those of a read all arrived after its last callback; with a
     * bound measured from the last callback rather than the first waiting Response, a run of slow
     * trap callbacks held an inform's Response back).
     */
    @Test
    void slowCallbacksDoNotHoldBackTheResponsesOfTheirReadsEarlierInforms() throws Exception {
        assertSlowCallbacksDoNotHoldBack(new boolean[] {true, true, true, true, true, true, true, true});
        assertSlowCallbacksDoNotHoldBack(new boolean[] {false, true, false, false, false, true, false, true});
    }

    /** One burst, {@code inform[k]} telling whether position k + 1 is an inform or a trap. */
    private static void assertSlowCallbacksDoNotHoldBack(boolean[] inform) throws Exception {
        int total = inform.length;
        int informs = 0;
        for (boolean i : inform) {
            informs += i ? 1 : 0;
        }
        java.util.concurrent.atomic.AtomicInteger returned = new java.util.concurrent.atomic.AtomicInteger();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port).community("public")
                .threads(1).onNotification(n -> {
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    returned.incrementAndGet(); // counted as the callback returns
                }).build();
        List<Integer> late = new ArrayList<>();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 1; i <= total; i++) {
                byte[] m = SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                        new Pdu(inform[i - 1] ? BerTags.INFORM : BerTags.TRAP_V2, i, 0, 0, List.of(
                                new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(i)),
                                new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"),
                                        Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.4")))))));
                s.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), port));
            }
            s.setSoTimeout(5000);
            for (int got = 0; got < informs; got++) {
                DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                s.receive(p);
                int done = returned.get();
                int id = ((CommunityMessage) SnmpMessageDecoder.decode(p.getData(), 0, p.getLength())).regularPdu()
                        .requestId();
                assertTrue(done >= id, "inform " + id + " acknowledged before its callback returned");
                if (done > id + 2) {
                    late.add(id);
                }
            }
        } finally {
            r.close();
        }
        assertEquals(List.of(), late, "Responses that waited for later callbacks than the next one");
        assertEquals(informs, r.statistics().acknowledged());
    }
}
