package io.varbind.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A UDP relay that makes an agent's answers unreliable: one loopback port per agent port, the
 * requests passed on as they are, each response dropped, duplicated or delayed with the given
 * odds. One selector thread serves every port. For the soak ({@link Soak}).
 */
final class ChaosRelay implements AutoCloseable {
    private record Late(long atNanos, int port, byte[] data, SocketAddress to) { }

    final LongAdder dropped = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder delayed = new LongAdder();
    final LongAdder forwarded = new LongAdder();

    private final DatagramChannel[] channels;
    private final InetSocketAddress[] agents;
    private final SocketAddress[] clients;
    private final Selector selector;
    private final double drop;
    private final double duplicate;
    private final double late;
    private final long maxDelayNanos;
    private final PriorityQueue<Late> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos, b.atNanos));
    private final SplittableRandom random = new SplittableRandom(42);
    private final Thread thread;
    private volatile boolean running = true;

    /** Relays ports {@code agentPorts[i]} of the loopback agent; odds are per response. */
    ChaosRelay(int[] agentPorts, double drop, double duplicate, double late, long maxDelayNanos) throws IOException {
        this.drop = drop;
        this.duplicate = duplicate;
        this.late = late;
        this.maxDelayNanos = maxDelayNanos;
        this.selector = Selector.open();
        int n = agentPorts.length;
        channels = new DatagramChannel[n];
        agents = new InetSocketAddress[n];
        clients = new SocketAddress[n];
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int i = 0; i < n; i++) {
            agents[i] = new InetSocketAddress(lo, agentPorts[i]);
            channels[i] = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
            channels[i].configureBlocking(false);
            channels[i].register(selector, SelectionKey.OP_READ, i);
        }
        thread = new Thread(this::loop, "chaos-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** The port the engine should use for agent port {@code i}. */
    int port(int i) throws IOException {
        return ((InetSocketAddress) channels[i].getLocalAddress()).getPort();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        try {
            while (running) {
                long wait = 50;
                Late next = queue.peek();
                if (next != null) {
                    wait = Math.max(1, Math.min(wait, (next.atNanos - System.nanoTime()) / 1_000_000));
                }
                selector.select(wait);
                for (SelectionKey k : selector.selectedKeys()) {
                    int i = (Integer) k.attachment();
                    DatagramChannel ch = channels[i];
                    SocketAddress from;
                    while ((from = ch.receive(buf.clear())) != null) {
                        buf.flip();
                        if (from.equals(agents[i])) {
                            response(i, buf, from);
                        } else {
                            clients[i] = from;
                            ch.send(buf, agents[i]);
                        }
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                while ((next = queue.peek()) != null && next.atNanos - now <= 0) {
                    queue.poll();
                    channels[next.port].send(ByteBuffer.wrap(next.data), next.to);
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void response(int i, ByteBuffer buf, SocketAddress from) throws IOException {
        SocketAddress client = clients[i];
        if (client == null) {
            return;
        }
        double r = random.nextDouble();
        if (r < drop) {
            dropped.increment();
        } else if (r < drop + duplicate) {
            duplicated.increment();
            channels[i].send(buf.duplicate(), client);
            channels[i].send(buf, client);
        } else if (r < drop + duplicate + late) {
            delayed.increment();
            byte[] copy = new byte[buf.remaining()];
            buf.get(copy);
            queue.add(new Late(System.nanoTime() + random.nextLong(maxDelayNanos), i, copy, client));
        } else {
            forwarded.increment();
            channels[i].send(buf, client);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<IOException> errors = new ArrayList<>();
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                errors.add(e);
            }
        }
        selector.close();
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }
}
