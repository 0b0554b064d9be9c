package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile TCP senders against the notification receiver's {@code tcp:} endpoints: a stream that
 * stops in the middle of a message is closed after the idle timeout, a length prefix of 2 GB (or an
 * indefinite or over-long length form) closes the connection at once without allocating it, and
 * connections beyond the total or per-source cap are closed at accept; each counted, and a good
 * sender is still heard afterwards. The per-source count is released as connections close (no
 * state left behind per address).
 */
class ReceiverStreamHostileTest {

    private static byte[] trap(String community, String text) {
        return TestNotifications.v2c(community, false, 7, text);
    }

    private static int tcpPort(NotificationReceiver r) {
        for (String e : r.endpoints()) {
            if (e.startsWith("tcp:")) {
                return Integer.parseInt(e.substring(e.lastIndexOf(':') + 1));
            }
        }
        throw new IllegalStateException("no tcp endpoint in " + r.endpoints());
    }

    /** True when the peer closed the stream within {@code millis} (a read of -1 or a reset). */
    private static boolean closedWithin(Socket s, long millis) throws IOException {
        s.setSoTimeout((int) millis);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void await(String what, LongSupplier counter, long atLeast, NotificationReceiver r)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counter.getAsLong() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(counter.getAsLong() >= atLeast, what + ": " + r.statistics());
    }

    private static void sendWhole(int port, LinkedBlockingQueue<Notification> got, String text) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(trap("public", text));
            Notification n = got.poll(10, TimeUnit.SECONDS);
            assertNotNull(n, "a whole trap over a new connection");
            assertEquals(text, n.variables().get(2).value());
            assertEquals("tcp", n.transport());
        }
    }

    @Test
    void aStreamThatStopsMidMessageIsClosedAfterTheIdleTimeoutAndNothingIsDelivered() throws Exception {
        LinkedBlockingQueue<Notification> got = new LinkedBlockingQueue<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("tcp:127.0.0.1:0").community("public")
                .tcpIdleTimeout(Duration.ofMillis(300)).onNotification(got::add).build()) {
            int port = tcpPort(r);
            byte[] whole = trap("public", "half");
            for (int cut : new int[] {1, 2, whole.length / 2, whole.length - 1}) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.getOutputStream().write(Arrays.copyOf(whole, cut));
                    long before = r.statistics().tcpIdleClosed();
                    assertTrue(closedWithin(s, 10_000), "a stream stopped after " + cut + " bytes stays open");
                    await("the idle close counted", r.statistics()::tcpIdleClosed, before + 1, r);
                }
            }
            assertNull(got.poll(100, TimeUnit.MILLISECONDS), "a partial message was delivered");
            sendWhole(port, got, "after the partial ones");
        }
    }

    @Test
    void absurdLengthPrefixesCloseTheConnectionAtOnce() throws Exception {
        LinkedBlockingQueue<Notification> got = new LinkedBlockingQueue<>();
        // a long idle timeout: a close within the test's wait is the framing's doing, not the timer's
        try (NotificationReceiver r = NotificationReceiver.builder().listen("tcp:127.0.0.1:0").community("public")
                .tcpIdleTimeout(Duration.ofMinutes(5)).onNotification(got::add).build()) {
            int port = tcpPort(r);
            List<byte[]> prefixes = List.of(
                    new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // 2 GB
                    new byte[] {0x30, (byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // 4 GB
                    new byte[] {0x30, (byte) 0x83, 0x01, 0x00, 0x00}, // 64 KB + 1: over the largest message
                    new byte[] {0x30, (byte) 0x80}, // indefinite length (BER, never SNMP)
                    new byte[] {0x30, (byte) 0x85, 1, 2, 3, 4, 5}, // a length in five octets
                    new byte[] {0x04, 0x02, 0x41, 0x42}); // not a SEQUENCE
            long malformed = r.statistics().malformed();
            for (byte[] prefix : prefixes) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.getOutputStream().write(prefix);
                    assertTrue(closedWithin(s, 10_000), "still open after " + Arrays.toString(prefix));
                }
            }
            await("each counted as malformed", r.statistics()::malformed, malformed + prefixes.size(), r);
            assertEquals(0, r.statistics().tcpIdleClosed());
            sendWhole(port, got, "after the lies");
        }
    }

    @Test
    void connectionsBeyondTheCapsAreRefusedAndTheCountsReleased() throws Exception {
        LinkedBlockingQueue<Notification> got = new LinkedBlockingQueue<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("tcp:0.0.0.0:0").community("public")
                .maxTcpConnections(3, 2).onNotification(got::add).build()) {
            int port = tcpPort(r);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
            List<Socket> open = new ArrayList<>();
            try {
                for (int round = 0; round < 3; round++) { // the counts come back as connections close
                    long refused = r.statistics().tcpConnectionsRefused();
                    // two from 127.0.0.1 are kept; a third from it is refused (per source). Each
                    // is admitted before the next connects: accepted connections are set up on
                    // several event loops, so two made at once may be admitted in either order
                    open.add(connect(to, "127.0.0.1"));
                    awaitOpen(r, 1);
                    open.add(connect(to, "127.0.0.1"));
                    awaitOpen(r, 2);
                    Socket third = connect(to, "127.0.0.1");
                    assertTrue(closedWithin(third, 10_000), "a third connection from one address kept: "
                            + r.statistics());
                    third.close();
                    // another address fills the total; a fourth connection is refused (total)
                    open.add(connect(to, "127.0.0.2"));
                    awaitOpen(r, 3);
                    Socket fourth = connect(to, "127.0.0.3");
                    assertTrue(closedWithin(fourth, 10_000), "a fourth connection kept: " + r.statistics());
                    fourth.close();
                    await("two refusals", r.statistics()::tcpConnectionsRefused, refused + 2, r);
                    assertEquals(3, r.statistics().tcpConnections(), r.statistics().toString());
                    for (Socket s : open) {
                        assertTrue(!closedWithin(s, 50), "an admitted connection was closed");
                    }
                    // the admitted ones still deliver
                    open.get(0).getOutputStream().write(trap("public", "round " + round));
                    Notification n = got.poll(10, TimeUnit.SECONDS);
                    assertNotNull(n, "a trap over an admitted connection");
                    assertEquals("round " + round, n.variables().get(2).value());
                    for (Socket s : open) {
                        s.close();
                    }
                    open.clear();
                    // the receiver sees the closes; the next round's connections are refused if it did not release them
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (r.statistics().tcpConnections() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    assertEquals(0, r.statistics().tcpConnections(), "connections left open");
                }
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    private static void awaitOpen(NotificationReceiver r, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (r.statistics().tcpConnections() != n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(n, r.statistics().tcpConnections(), r.statistics().toString());
    }

    private static Socket connect(InetSocketAddress to, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(to, 5000);
        return s;
    }
}
