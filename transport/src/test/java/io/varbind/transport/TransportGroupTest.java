package io.varbind.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransportGroupTest {
    private static TransportGroup group;

    @BeforeAll
    static void start() {
        group = TransportGroup.create(2, "transport-test");
    }

    @AfterAll
    static void stop() {
        group.close();
    }

    private record Received(byte[] data, InetSocketAddress from) {
    }

    private static final class Queue implements MessageHandler {
        final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();

        @Override
        public void onMessage(byte[] message, InetSocketAddress sender) {
            messages.add(new Received(message, sender));
        }

        @Override
        public void onError(Throwable cause) {
            errors.add(cause);
        }

        @Override
        public void onClosed() {
            closed.complete(null);
        }

        Received next() throws InterruptedException {
            Received r = messages.poll(5, TimeUnit.SECONDS);
            assertTrue(r != null, "no message within 5 s");
            return r;
        }
    }

    /** A SEQUENCE of {@code n} content octets, each its index. */
    private static byte[] message(int n) {
        int header = n < 128 ? 2 : n < 256 ? 3 : n < 65536 ? 4 : 5;
        byte[] m = new byte[header + n];
        m[0] = 0x30;
        if (n < 128) {
            m[1] = (byte) n;
        } else {
            int k = header - 2;
            m[1] = (byte) (0x80 | k);
            for (int i = 0; i < k; i++) {
                m[2 + i] = (byte) (n >>> (8 * (k - 1 - i)));
            }
        }
        for (int i = 0; i < n; i++) {
            m[header + i] = (byte) i;
        }
        return m;
    }

    @Test
    void nativeEpollLoadsOnLinuxX86() {
        if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")
                && !Boolean.getBoolean("varbind.transport.nio")) {
            assertTrue(group.isEpoll(), "the linux-x86_64 epoll library is a dependency and should load");
        }
    }

    @Test
    void udpOverBothFamiliesCarriesSmallAndMaximalDatagrams() throws Exception {
        for (boolean v6 : new boolean[] {false, true}) {
            Queue a = new Queue();
            Queue b = new Queue();
            Endpoint ea = group.bindUdp(v6, 0, a).get(5, TimeUnit.SECONDS);
            Endpoint eb = group.bindUdp(v6, 0, b).get(5, TimeUnit.SECONDS);
            try {
                InetAddress loop = InetAddress.getByName(v6 ? "::1" : "127.0.0.1");
                InetSocketAddress toB = new InetSocketAddress(loop, eb.localAddress().getPort());
                for (int size : new int[] {0, 1, 200, 1472, 9000, TransportGroup.MAX_DATAGRAM - 5}) {
                    byte[] m = message(size);
                    ea.send(m, 0, m.length, toB);
                    Received r = b.next();
                    assertArrayEquals(m, r.data(), "datagram of " + m.length + " octets, v6=" + v6);
                    assertEquals(ea.localAddress().getPort(), r.from().getPort());
                }
                // a burst larger than one recvmmsg batch arrives whole and in order
                for (int i = 0; i < 100; i++) {
                    byte[] m = message(i);
                    ea.send(m, 0, m.length, toB);
                }
                for (int i = 0; i < 100; i++) {
                    assertEquals(i + 2, b.next().data().length);
                }
                assertFalse(ea.isStream());
            } finally {
                ea.close();
                eb.close();
            }
        }
    }

    /**
     * Answers sent from inside a read batch are queued and leave together when the batch ends (one
     * sendmmsg under epoll): every answer arrives, whole, however the requests fell into batches,
     * and the receive buffer each socket keeps for its reads is not overwritten while datagrams of
     * an earlier read are still being copied (sizes up to the largest datagram, mixed).
     */
    @Test
    void answersSentFromTheReadBatchAllArriveWhole() throws Exception {
        for (boolean v6 : new boolean[] {false, true}) {
            Queue a = new Queue();
            CompletableFuture<Endpoint> echoSide = new CompletableFuture<>();
            MessageHandler echo = (message, sender) -> echoSide.join().send(message, 0, message.length, sender);
            Endpoint ea = group.bindUdp(v6, 0, a).get(5, TimeUnit.SECONDS);
            Endpoint eb = group.bindUdp(v6, 0, echo).get(5, TimeUnit.SECONDS);
            echoSide.complete(eb);
            try {
                InetAddress loop = InetAddress.getByName(v6 ? "::1" : "127.0.0.1");
                InetSocketAddress toB = new InetSocketAddress(loop, eb.localAddress().getPort());
                // groups of 30 with 3 near the largest datagram: a group fits even a default-sized
                // receive buffer (208 KiB), so nothing is lost for want of room
                int[] sizes = new int[30];
                java.util.Random random = new java.util.Random(v6 ? 6 : 4);
                for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < sizes.length; i++) {
                        sizes[i] = i % 10 == 3 ? 60_000 + random.nextInt(5_000) : random.nextInt(1400);
                        byte[] m = message(sizes[i]);
                        ea.send(m, 0, m.length, toB);
                    }
                    java.util.Map<Integer, Integer> expected = new java.util.HashMap<>();
                    for (int n : sizes) {
                        expected.merge(n, 1, Integer::sum);
                    }
                    for (int i = 0; i < sizes.length; i++) {
                        Received r = a.next();
                        int n = contentLength(r.data());
                        assertArrayEquals(message(n), r.data(), "an echoed datagram of " + n + " content octets");
                        assertTrue(expected.merge(n, -1, Integer::sum) >= 0, "echoed once too often: " + n);
                        assertEquals(eb.localAddress().getPort(), r.from().getPort());
                    }
                }
                assertTrue(a.errors.isEmpty(), () -> "errors: " + a.errors);
            } finally {
                ea.close();
                eb.close();
            }
        }
    }

    /**
     * A socket of {@link TransportGroup#bindUdpCopyingOut} (the notification receiver's) reads one
     * datagram per read once datagrams come one at a time, as the engine's sockets do, and every
     * datagram still arrives whole and in order when a burst follows (the buffer offers the whole
     * batch again on its probes). Its reads' datagrams were not counted before, so it never did.
     */
    @Test
    void aCopyingOutSocketReadsOneDatagramWhileTheyComeOneAtATime() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(group.isEpoll(), "batched reads are epoll's");
        BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
        io.netty.bootstrap.Bootstrap b = group.udpOptions(new io.netty.bootstrap.Bootstrap().group(group.eventLoops())
                .channelFactory(group.datagramChannels(false)))
                .handler(new io.netty.channel.SimpleChannelInboundHandler<io.netty.channel.socket.DatagramPacket>() {
                    @Override
                    protected void channelRead0(io.netty.channel.ChannelHandlerContext ctx,
                            io.netty.channel.socket.DatagramPacket p) {
                        byte[] m = new byte[p.content().readableBytes()];
                        p.content().getBytes(p.content().readerIndex(), m);
                        got.add(m);
                    }
                });
        io.netty.channel.Channel ch = group.bindUdpCopyingOut(b, new InetSocketAddress("127.0.0.1", 0))
                .syncUninterruptibly().channel();
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress to = (InetSocketAddress) ch.localAddress();
            ReceiveBuffer kept = (ReceiveBuffer) ch.config().getRecvByteBufAllocator();
            for (int i = 0; i < 8; i++) {
                byte[] m = message(100 + i);
                s.send(new java.net.DatagramPacket(m, m.length, to));
                assertArrayEquals(m, got.poll(5, TimeUnit.SECONDS), "lone datagram " + i);
            }
            assertTrue(kept.oneAtATime(), "one datagram per read after lone reads in a row");
            for (int i = 0; i < 200; i++) {
                byte[] m = message(200 + i % 1000);
                s.send(new java.net.DatagramPacket(m, m.length, to));
            }
            for (int i = 0; i < 200; i++) {
                assertArrayEquals(message(200 + i % 1000), got.poll(5, TimeUnit.SECONDS), "burst datagram " + i);
            }
        } finally {
            ch.close().syncUninterruptibly();
        }
    }

    /**
     * A {@link DatagramWriter.Batch} sends every datagram added, whole and to its own destination,
     * from one buffer that grows past its first guess (sizes from 5 octets to near the largest
     * datagram), and a batch can be filled again after it was sent.
     */
    @Test
    void aBatchOfDatagramsArrivesWholeAtEachDestination() throws Exception {
        io.netty.bootstrap.Bootstrap b = group.udpOptions(new io.netty.bootstrap.Bootstrap().group(group.eventLoops())
                .channelFactory(group.datagramChannels(false)))
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter());
        io.netty.channel.Channel ch = b.bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        try (java.net.DatagramSocket x = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress());
                java.net.DatagramSocket y = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            x.setReceiveBufferSize(1 << 20);
            y.setReceiveBufferSize(1 << 20);
            x.setSoTimeout(5000);
            y.setSoTimeout(5000);
            DatagramWriter.Batch batch = new DatagramWriter(ch).batch();
            int[] sizes = {5, 1400, 60_000, 7, 30_000, 200, 9, 100, 64_000, 3};
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < sizes.length; i++) {
                    byte[] m = message(sizes[i]);
                    batch.add(m, 0, m.length, (InetSocketAddress) (i % 2 == 0 ? x : y).getLocalSocketAddress());
                }
                assertEquals(sizes.length, batch.size());
                batch.send();
                assertEquals(0, batch.size());
                for (int i = 0; i < sizes.length; i++) {
                    java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[65536], 65536);
                    (i % 2 == 0 ? x : y).receive(p);
                    assertArrayEquals(message(sizes[i]), java.util.Arrays.copyOf(p.getData(), p.getLength()),
                            "datagram " + i + " of round " + round);
                }
            }
        } finally {
            ch.close().syncUninterruptibly();
        }
    }

    /** The content length a {@link #message} header states. */
    private static int contentLength(byte[] m) {
        if ((m[1] & 0x80) == 0) {
            return m[1];
        }
        int n = 0;
        for (int i = 0; i < (m[1] & 0x7F); i++) {
            n = n << 8 | m[2 + i] & 0xFF;
        }
        return n;
    }

    @Test
    void bindingATakenPortFailsWithTheReason() throws Exception {
        Endpoint ea = group.bindUdp(false, 0, new Queue()).get(5, TimeUnit.SECONDS);
        try {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> group.bindUdp(false, ea.localAddress().getPort(), new Queue()).get(5, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("local port " + ea.localAddress().getPort()));
        } finally {
            ea.close();
        }
    }

    @Test
    void tcpFramesMessagesSplitAndCoalescedInTheStream() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Queue q = new Queue();
            CompletableFuture<Endpoint> f = group.connectTcp(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 0, 2000, 70000, q);
            try (Socket s = server.accept()) {
                Endpoint e = f.get(5, TimeUnit.SECONDS);
                assertTrue(e.isStream());
                OutputStream out = s.getOutputStream();
                byte[] one = message(300);
                byte[] two = message(5);
                byte[] three = message(66000);
                // one message in three pieces, then two and three in a single write
                out.write(one, 0, 1);
                out.flush();
                out.write(one, 1, 3);
                out.flush();
                out.write(one, 4, one.length - 4);
                byte[] both = new byte[two.length + three.length];
                System.arraycopy(two, 0, both, 0, two.length);
                System.arraycopy(three, 0, both, two.length, three.length);
                out.write(both);
                out.flush();
                assertArrayEquals(one, q.next().data());
                assertArrayEquals(two, q.next().data());
                assertArrayEquals(three, q.next().data());
                // and the other way
                byte[] req = message(40);
                e.send(req, 0, req.length, null);
                InputStream in = s.getInputStream();
                assertArrayEquals(req, in.readNBytes(req.length));
                // the sender may reuse its array as soon as send returns (the write happens later
                // on the event loop): what goes out is what the array held at the call
                byte[] reused = message(2000);
                byte[] first = reused.clone();
                e.send(reused, 0, reused.length, null);
                java.util.Arrays.fill(reused, 4, reused.length, (byte) 0x55);
                e.send(reused, 0, reused.length, null);
                assertArrayEquals(first, in.readNBytes(first.length));
                assertArrayEquals(reused, in.readNBytes(reused.length));
                // a stream that is not BER ends the connection with an error
                out.write(new byte[] {0x02, 0x01, 0x00});
                out.flush();
                assertTrue(q.errors.poll(5, TimeUnit.SECONDS) != null);
                q.closed.get(5, TimeUnit.SECONDS);
                assertFalse(e.isOpen());
            }
        }
    }

    @Test
    void tcpRejectsFramesOverTheLimitAndIndefiniteLengths() throws Exception {
        for (byte[] bad : new byte[][] {message(5000), {0x30, (byte) 0x80, 0, 0}, {0x30, (byte) 0x85, 1, 1, 1, 1, 1}}) {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Queue q = new Queue();
                CompletableFuture<Endpoint> f = group.connectTcp(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 0, 2000, 4096, q);
                try (Socket s = server.accept()) {
                    f.get(5, TimeUnit.SECONDS);
                    s.getOutputStream().write(bad);
                    s.getOutputStream().flush();
                    assertTrue(q.errors.poll(5, TimeUnit.SECONDS) != null);
                    q.closed.get(5, TimeUnit.SECONDS);
                    assertTrue(q.messages.isEmpty(), "nothing of a bad frame is delivered");
                }
            }
        }
    }

    @Test
    void connectingToAClosedPortFailsWithIoException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> group.connectTcp(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0, 2000, 4096, new Queue())
                .get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("cannot connect to tcp:"));
    }
}
