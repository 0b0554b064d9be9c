package io.varbind.engine;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A v2c responder written for the tests that misbehaves on purpose, on any number of UDP ports
 * served by one selector thread. Each request is answered according to {@link Mode}.
 */
public final class HostileResponder implements Closeable {
    public enum Mode {
        /** Answers correctly: GET with "ok", GETNEXT with the next instance under 1.3.6.1.9.x up to 5. */
        GOOD,
        DROP,
        DUPLICATE,
        /** Answers after {@code delayMillis}. */
        DELAY,
        TRUNCATE,
        WRONG_ID,
        /** Answers from another socket (another source port). */
        WRONG_SOURCE,
        /** GETNEXT answered with the OID it asked for: a loop. */
        SAME_OID,
        /** GETNEXT answered with an OID before the one asked for. */
        BACKWARDS,
        GARBAGE,
        /** Answers a GETBULK with tooBig unless max-repetitions is at most 2. */
        TOO_BIG,
        /** A well-formed answer with another community. */
        WRONG_COMMUNITY,
        /** A well-formed answer in another version (v1 for v2c, v2c for v1). */
        WRONG_VERSION,
        /** A well-formed message with the request's id but a GET PDU instead of a Response. */
        WRONG_PDU_TYPE,
        /** A Response with genErr (5) at index 1 and the request's varbinds. */
        GEN_ERR
    }

    private final Selector selector;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final DatagramChannel other;
    private final Thread thread;
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hostile-delayer");
        t.setDaemon(true);
        return t;
    });
    private final Mode mode;
    private final long delayMillis;
    final AtomicInteger requests = new AtomicInteger();
    /** The non-repeaters of the last GETBULK received. */
    volatile int lastNonRepeaters = -1;
    private volatile boolean running = true;

    public HostileResponder(Mode mode, int ports, long delayMillis) throws IOException {
        this.mode = mode;
        this.delayMillis = delayMillis;
        this.selector = Selector.open();
        for (int i = 0; i < ports; i++) {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(new InetSocketAddress("127.0.0.1", 0));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ);
            channels.add(ch);
        }
        other = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(this::loop, "hostile-responder");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address(int i) {
        try {
            return (InetSocketAddress) channels.get(i).getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many requests arrived so far, on every port. */
    public int requestCount() {
        return requests.get();
    }

    private void loop() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (running) {
            try {
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    DatagramChannel ch = (DatagramChannel) k.channel();
                    InetSocketAddress from;
                    while ((from = (InetSocketAddress) ch.receive(in.clear())) != null) {
                        requests.incrementAndGet();
                        answer(ch, from, Arrays.copyOf(in.array(), in.position()));
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void answer(DatagramChannel ch, InetSocketAddress to, byte[] request) throws IOException {
        SnmpMessage m = SnmpMessageDecoder.decode(request, 0, request.length);
        CommunityMessage c = (CommunityMessage) m;
        Pdu p = c.regularPdu();
        List<VarBind> out = new ArrayList<>();
        int status = 0;
        if (p.type() == BerTags.GETBULK) {
            lastNonRepeaters = p.nonRepeaters();
        }
        for (int i = 0; i < p.varBinds().size(); i++) {
            Oid oid = p.varBinds().get(i).oid();
            switch (p.type()) {
                case BerTags.GETNEXT:
                case BerTags.GETBULK: {
                    Oid next;
                    if (mode == Mode.SAME_OID) {
                        next = oid;
                    } else if (mode == Mode.BACKWARDS) {
                        next = Oid.parse("1.3.6.1.9.0");
                    } else {
                        long last = oid.size() == 6 ? oid.arc(5) : 0;
                        next = Oid.parse("1.3.6.1.9." + (last + 1));
                    }
                    // RFC 3416 4.2.3: the first non-repeaters varbinds get one successor each
                    int reps = p.type() == BerTags.GETBULK && i >= p.nonRepeaters() ? p.maxRepetitions() : 1;
                    if (mode == Mode.TOO_BIG && reps > 2) {
                        status = 1;
                        break;
                    }
                    for (int r = 0; r < reps; r++) {
                        out.add(next.arc(next.size() - 1) > 5 && next.size() == 6 ? new VarBind(next, Variable.endOfMibView())
                                : new VarBind(next, Variable.integer((int) next.arc(next.size() - 1))));
                        if (mode == Mode.GOOD || mode == Mode.TOO_BIG) {
                            next = Oid.parse("1.3.6.1.9." + (next.arc(5) + 1));
                        }
                    }
                    break;
                }
                default:
                    out.add(new VarBind(oid, Variable.octetString("ok")));
            }
        }
        if (mode == Mode.GEN_ERR) {
            status = 5;
        }
        int id = mode == Mode.WRONG_ID ? p.requestId() + 1 : p.requestId();
        Pdu resp = new Pdu(mode == Mode.WRONG_PDU_TYPE ? BerTags.GET : BerTags.RESPONSE, id, status, status == 0 ? 0 : 1,
                status == 0 ? out : p.varBinds());
        byte[] bytes = SnmpMessageEncoder.encode(new CommunityMessage(
                mode == Mode.WRONG_VERSION ? 1 - c.version() : c.version(),
                mode == Mode.WRONG_COMMUNITY ? "private".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                        : c.community(), resp));
        switch (mode) {
            case DROP:
                return;
            case DUPLICATE:
                ch.send(ByteBuffer.wrap(bytes), to);
                ch.send(ByteBuffer.wrap(bytes), to);
                return;
            case DELAY:
                delayer.schedule(() -> {
                    try {
                        ch.send(ByteBuffer.wrap(bytes), to);
                    } catch (IOException ignored) {
                        // the test is over
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
                return;
            case TRUNCATE:
                ch.send(ByteBuffer.wrap(bytes, 0, bytes.length - 3), to);
                return;
            case WRONG_SOURCE:
                other.send(ByteBuffer.wrap(bytes), to);
                return;
            case GARBAGE: {
                byte[] g = new byte[40];
                new java.util.Random(id).nextBytes(g);
                ch.send(ByteBuffer.wrap(g), to);
                return;
            }
            default:
                ch.send(ByteBuffer.wrap(bytes), to);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DatagramChannel ch : channels) {
            ch.close();
        }
        other.close();
        selector.close();
        delayer.shutdownNow();
    }
}
