package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.SnmpMessageDecoder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code NotificationReceiver.Builder.executor}: the application's executor runs the callbacks
 * (one task per notification, so its threads share them), and acknowledges informs after them;
 * an executor that refuses a task is a full queue (counted, the inform unacknowledged so its
 * sender retries); {@code Runnable::run} runs callbacks on the event loop.
 */
class ReceiverExecutorTest {

    private static int udpPort(NotificationReceiver r) {
        String e = r.endpoints().get(0);
        return Integer.parseInt(e.substring(e.lastIndexOf(':') + 1));
    }

    /** Sends {@code msg} from {@code s}; the Response read back, or null after {@code millis}. */
    private static CommunityMessage exchange(DatagramSocket s, int port, byte[] msg, int millis) throws Exception {
        s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
        s.setSoTimeout(millis);
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return (CommunityMessage) SnmpMessageDecoder.decode(Arrays.copyOf(p.getData(), p.getLength()));
    }

    @Test
    void theApplicationsExecutorRunsEachCallbackThenTheAcknowledgement() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "app-callbacks"));
        LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:0").community("public")
                .executor(task -> {
                    tasks.incrementAndGet();
                    pool.execute(task);
                })
                .onNotification(n -> threads.add(Thread.currentThread().getName() + " " + n.variables().get(2).value()))
                .build();
                DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = udpPort(r);
            for (int i = 0; i < 5; i++) {
                byte[] trap = TestNotifications.v2c("public", false, i, "trap " + i);
                s.send(new DatagramPacket(trap, trap.length, InetAddress.getLoopbackAddress(), port));
            }
            CommunityMessage ack = exchange(s, port, TestNotifications.v2c("public", true, 99, "inform"), 10_000);
            assertNotNull(ack, "the inform was not acknowledged: " + r.statistics());
            assertEquals(BerTags.RESPONSE, ack.regularPdu().type());
            assertEquals(99, ack.regularPdu().requestId());
            for (int i = 0; i < 6; i++) {
                String t = threads.poll(10, TimeUnit.SECONDS);
                assertNotNull(t, "callback " + i);
                assertTrue(t.startsWith("app-callbacks "), t);
            }
            assertEquals(6, tasks.get(), "one task per notification");
            // counted once each callback has returned, a moment after its last line above
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.statistics().delivered() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(6, r.statistics().delivered());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRefusesIsAFullQueue() throws Exception {
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:0").community("public")
                .executor(task -> {
                    throw new RejectedExecutionException("shut down");
                })
                .onNotification(n -> { })
                .build();
                DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = udpPort(r);
            // no Response: the sender's retry is the way the inform may still get through
            assertEquals(null, exchange(s, port, TestNotifications.v2c("public", true, 5, "x"), 500),
                    "an inform acknowledged though its callback never ran");
            byte[] trap = TestNotifications.v2c("public", false, 6, "y");
            s.send(new DatagramPacket(trap, trap.length, InetAddress.getLoopbackAddress(), port));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.statistics().droppedQueueFull() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(2, r.statistics().droppedQueueFull(), r.statistics().toString());
            assertEquals(0, r.statistics().delivered());
            assertEquals(0, r.statistics().acknowledged());
            assertEquals(0, r.queued(), "refused notifications still hold places in the queue");
        }
    }

    /** On the receiver's own executor, close returns once the callbacks already queued have run. */
    @Test
    void closeWaitsForTheQueuedCallbacks() throws Exception {
        AtomicInteger done = new AtomicInteger();
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:0").community("public")
                .onNotification(n -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    done.incrementAndGet();
                }).build();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 4; i++) {
                byte[] trap = TestNotifications.v2c("public", false, i, "t" + i);
                s.send(new DatagramPacket(trap, trap.length, InetAddress.getLoopbackAddress(), udpPort(r)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.statistics().received() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(4, r.statistics().received());
        } finally {
            r.close();
        }
        assertEquals(4, done.get(), "close returned before the queued callbacks ran");
        // a callback that closes its own receiver does not wait for itself
        LinkedBlockingQueue<Long> closedIn = new LinkedBlockingQueue<>();
        NotificationReceiver[] self = new NotificationReceiver[1];
        self[0] = NotificationReceiver.builder().listen("udp:127.0.0.1:0").community("public").onNotification(n -> {
            long t0 = System.nanoTime();
            self[0].close();
            closedIn.add((System.nanoTime() - t0) / 1_000_000);
        }).build();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] trap = TestNotifications.v2c("public", false, 1, "close me");
            s.send(new DatagramPacket(trap, trap.length, InetAddress.getLoopbackAddress(), udpPort(self[0])));
            Long millis = closedIn.poll(10, TimeUnit.SECONDS);
            assertNotNull(millis, "the callback never returned from close");
            assertTrue(millis < 4_000, "close from a callback waited " + millis + " ms for itself");
        }
    }

    @Test
    void runnableRunRunsCallbacksOnTheEventLoop() throws Exception {
        LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:0").community("public")
                .executor(Runnable::run).onNotification(n -> threads.add(Thread.currentThread().getName())).build();
                DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CommunityMessage ack = exchange(s, udpPort(r), TestNotifications.v2c("public", true, 3, "z"), 10_000);
            assertNotNull(ack);
            String t = threads.poll(10, TimeUnit.SECONDS);
            assertNotNull(t);
            assertTrue(t.startsWith("varbind-receiver"), t);
        }
    }
}
