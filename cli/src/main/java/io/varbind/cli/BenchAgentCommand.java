package io.varbind.cli;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./varbind bench-agent}: a small UDP load generator that keeps a window of v2c requests in
 * flight against one agent (the built-in one or snmpd) and reports answered requests per second.
 * It measures the agent, not a client library: requests are pre-encoded, one socket, one thread.
 */
@Command(name = "bench-agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures how many v2c requests per second an agent answers over UDP.")
final class BenchAgentCommand implements Callable<Integer> {

    @ParentCommand
    VarbindCommand parent;

    @Parameters(index = "0", paramLabel = "HOST:PORT",
            description = "the agent, e.g. 127.0.0.1:16100; HOST:LOW-HIGH spreads the requests over a port range")
    String target;

    @Option(names = "-c", paramLabel = "COMMUNITY", description = "community (default: public)")
    String community = "public";

    @Option(names = "--oid", paramLabel = "OID", description = "object to ask for (default: sysDescr.0, .1.3.6.1.2.1.1.1.0)")
    String oid = "1.3.6.1.2.1.1.1.0";

    @Option(names = "--pdu", paramLabel = "get|getnext|getbulk", description = "request type (default: get)")
    String pdu = "get";

    @Option(names = "--window", paramLabel = "N", description = "requests in flight (default: 32)")
    int window = 32;

    @Option(names = "--seconds", paramLabel = "S", description = "how long to measure, after 1 s of warm-up (default: 5)")
    double seconds = 5;

    @Override
    public Integer call() throws IOException {
        InetSocketAddress[] targets = parseTargets(target);
        InetSocketAddress to = targets[0];
        boolean spread = targets.length > 1;
        int nextTarget = 0;
        int type;
        switch (pdu) {
            case "get": type = BerTags.GET; break;
            case "getnext": type = BerTags.GETNEXT; break;
            case "getbulk": type = BerTags.GETBULK; break;
            default: throw new UsageException("bench-agent --pdu: get, getnext or getbulk, not '" + pdu + "'");
        }
        if (window < 1 || window > 10_000) {
            throw new UsageException("bench-agent --window: 1 to 10000");
        }
        Oid requested;
        try {
            requested = Oid.parse(oid);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bench-agent --oid: numeric OID expected: " + e.getMessage());
        }
        byte[] communityBytes = community.getBytes(StandardCharsets.ISO_8859_1);
        // One encoded request per slot; the slot number is the request-id's low bits.
        byte[][] requests = new byte[window][];
        byte[] buf = new byte[65536];
        for (int i = 0; i < window; i++) {
            Pdu p = new Pdu(type, i, 0, type == BerTags.GETBULK ? 10 : 0,
                    List.of(new VarBind(requested, Variable.nullValue())));
            int n = SnmpMessageEncoder.encode(new CommunityMessage(1, communityBytes, p), buf, 0);
            requests[i] = Arrays.copyOf(buf, n);
        }
        long[] sentAt = new long[window];
        try (DatagramChannel ch = DatagramChannel.open(); Selector sel = Selector.open()) {
            ch.configureBlocking(false);
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            if (!spread) {
                ch.connect(to);
            }
            ch.register(sel, SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(65536);
            long start = System.nanoTime();
            long warmEnd = start + 1_000_000_000L;
            long end = warmEnd + (long) (seconds * 1e9);
            for (int i = 0; i < window; i++) {
                send(ch, requests[i], spread ? targets[nextTarget++ % targets.length] : null);
                sentAt[i] = start;
            }
            long answered = 0;
            long retried = 0;
            long[] latencies = new long[1 << 20];
            int latencyCount = 0;
            long measureStart = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (measureStart == 0 && now >= warmEnd) {
                    measureStart = now;
                    answered = 0;
                    retried = 0;
                    latencyCount = 0;
                }
                sel.select(50);
                sel.selectedKeys().clear();
                while (true) {
                    in.clear();
                    try {
                        if (spread ? ch.receive(in) == null : ch.read(in) <= 0) {
                            break;
                        }
                    } catch (java.net.PortUnreachableException e) {
                        throw new BenchException("nothing listens on " + target);
                    }
                    int id;
                    try {
                        id = SnmpMessageDecoder.peekRequestId(in.array(), 0, in.position());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (id < 0 || id >= window) {
                        continue;
                    }
                    long t = System.nanoTime();
                    answered++;
                    if (latencyCount < latencies.length) {
                        latencies[latencyCount++] = t - sentAt[id];
                    }
                    sentAt[id] = t;
                    send(ch, requests[id], spread ? targets[nextTarget++ % targets.length] : null);
                    nextTarget %= targets.length;
                }
                // A request lost (dropped by a full socket buffer): send it again after 1 s.
                long t = System.nanoTime();
                for (int i = 0; i < window; i++) {
                    if (t - sentAt[i] > 1_000_000_000L) {
                        sentAt[i] = t;
                        retried++;
                        send(ch, requests[i], spread ? targets[nextTarget++ % targets.length] : null);
                        nextTarget %= targets.length;
                    }
                }
            }
            double elapsed = (System.nanoTime() - measureStart) / 1e9;
            if (answered == 0) {
                throw new BenchException("no answer from " + target + " (community '" + community + "')");
            }
            long[] lat = Arrays.copyOf(latencies, latencyCount);
            Arrays.sort(lat);
            parent.out.printf("%s %s window=%d: %.0f requests/s (%d answered in %.1f s, %d resent), latency p50 %.0f us, p99 %.0f us%n",
                    target, pdu, window, answered / elapsed, answered, elapsed, retried,
                    lat[lat.length / 2] / 1e3, lat[(int) (lat.length * 0.99)] / 1e3);
            return Main.EXIT_OK;
        }
    }

    /** Sends on the connected channel ({@code to} null) or to {@code to}. */
    private static void send(DatagramChannel ch, byte[] request, InetSocketAddress to) throws IOException {
        if (to == null) {
            ch.write(ByteBuffer.wrap(request));
        } else {
            ch.send(ByteBuffer.wrap(request), to);
        }
    }

    /** {@code HOST:PORT}, or {@code HOST:LOW-HIGH} for every port of a range. */
    static InetSocketAddress[] parseTargets(String t) {
        int colon = t.lastIndexOf(':');
        int dash = t.lastIndexOf('-');
        if (colon < 0 || dash < colon) {
            return new InetSocketAddress[] {parseTarget(t)};
        }
        InetSocketAddress low = parseTarget(t.substring(0, dash));
        int high;
        try {
            high = Integer.parseInt(t.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("bench-agent: bad port range in '" + t + "'");
        }
        if (high < low.getPort() || high > 65535) {
            throw new UsageException("bench-agent: bad port range in '" + t + "'");
        }
        InetSocketAddress[] out = new InetSocketAddress[high - low.getPort() + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InetSocketAddress(low.getAddress(), low.getPort() + i);
        }
        return out;
    }

    static InetSocketAddress parseTarget(String t) {
        String s = t.startsWith("udp:") ? t.substring(4) : t;
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException("bench-agent: HOST:PORT expected, got '" + t + "'");
        }
        String host = s.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(host, Integer.parseInt(s.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("bench-agent: bad address '" + t + "'");
        }
    }

    /** The measurement could not be made (nothing listening, no answers). */
    static final class BenchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchException(String message) {
            super(message);
        }
    }

}
