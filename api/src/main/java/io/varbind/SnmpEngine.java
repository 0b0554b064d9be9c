package io.varbind;

import io.varbind.codec.BerDecodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.VarBind;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.varbind.engine.TlsSecurity;
import io.varbind.transport.Endpoint;
import io.varbind.transport.HandshakeException;
import io.varbind.transport.MessageHandler;
import io.varbind.transport.TransportGroup;
import io.varbind.engine.JmxPublisher;
import io.varbind.engine.RateLimitedLog;
import io.varbind.engine.Response;
import io.varbind.engine.Target;
import io.varbind.engine.Walk;
import io.varbind.engine.PendingRequest;
import io.varbind.engine.InFlightLimiter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine many sessions share: the event loops, the sockets, request correlation, timeouts,
 * retries and the bounds on requests in flight. One UDP socket per address family and local port
 * serves every target; TCP has one connection per target, reused. Every operation returns a
 * {@link CompletableFuture} and no engine thread ever blocks; futures complete on engine threads,
 * so callers that block in a dependent stage should use the {@code *Async} variants.
 *
 * <p>Closing the engine fails every request in flight and releases its sockets and threads.
 */
public final class SnmpEngine implements AutoCloseable {
    /** The largest message the engine sends or accepts (RFC 3417 allows up to 65507 over UDP). */
    public static final int MAX_MESSAGE = 65507;

    private static volatile SnmpEngine shared;

    /** Logger "io.varbind.engine": what the engine drops, retries, reports (api/README.md, Logging). */
    private static final Logger LOG = LoggerFactory.getLogger("io.varbind.engine");
    private static final RateLimitedLog MALFORMED_LOG = new RateLimitedLog(LOG, RateLimitedLog.Level.WARN);
    private static final RateLimitedLog WRONG_SOURCE_LOG = new RateLimitedLog(LOG, RateLimitedLog.Level.WARN);
    private static final RateLimitedLog REFUSED_LOG = new RateLimitedLog(LOG, RateLimitedLog.Level.WARN);

    private final TransportGroup transports;
    private final io.varbind.engine.DeadlineTimer timer;
    private final InFlightLimiter limiter;
    private final Map<Integer, PendingRequest> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Endpoint>> udpEndpoints = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Endpoint>> tcpEndpoints = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Endpoint> udp4Any;
    private volatile CompletableFuture<Endpoint> udp6Any;
    private final AtomicInteger nextId = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 30));
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder wrongSource = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final Map<Object, Object> attachments = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private static final AtomicInteger ENGINES = new AtomicInteger();
    private final javax.management.ObjectName mbean;
    // one of each per engine, not per request
    private final Consumer<PendingRequest> timeoutRequest = this::onTimeout;
    private final Consumer<PendingRequest> releaseRequest;
    private final long startNanos = System.nanoTime();

    /** Counters of what the engine dropped, for diagnostics. */
    public record Statistics(long unmatchedResponses, long wrongSourceResponses, long malformedMessages,
            long refusedMessages, long timeouts, int inFlight, int queued) {
    }

    /** Engine settings. */
    public static final class Builder {
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int maxInFlight = 65536;
        private int maxInFlightPerTarget = 256;
        private int maxQueued = 1 << 20;
        private String name;

        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = n;
            return this;
        }

        public Builder maxInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1");
            }
            this.maxInFlight = n;
            return this;
        }

        public Builder maxInFlightPerTarget(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlightPerTarget must be at least 1");
            }
            this.maxInFlightPerTarget = n;
            return this;
        }

        /** How many requests may wait for a slot before new ones fail at once. */
        public Builder maxQueued(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxQueued must not be negative");
            }
            this.maxQueued = n;
            return this;
        }

        /**
         * The engine's name in JMX ({@code io.varbind:type=SnmpEngine,name=NAME}, see
         * {@link SnmpEngineMXBean}); by default {@code engine-N}, N counting engines made.
         */
        public Builder name(String name) {
            this.name = java.util.Objects.requireNonNull(name, "name");
            return this;
        }

        public SnmpEngine build() {
            return new SnmpEngine(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SnmpEngine create() {
        return builder().build();
    }

    /** The default engine of sessions built without one: created on first use, closed at JVM exit. */
    public static SnmpEngine shared() {
        SnmpEngine e = shared;
        if (e == null || e.closed) {
            synchronized (SnmpEngine.class) {
                e = shared;
                if (e == null || e.closed) {
                    e = builder().name("shared").build();
                    SnmpEngine toClose = e;
                    Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "varbind-engine-shutdown"));
                    shared = e;
                }
            }
        }
        return e;
    }

    private SnmpEngine(Builder b) {
        this.transports = TransportGroup.create(b.threads, "varbind-engine");
        // sleeps until the earliest deadline, not woken every tick while the engine lives
        this.timer = new io.varbind.engine.DeadlineTimer(new DefaultThreadFactory("varbind-timer", true), 5,
                TimeUnit.MILLISECONDS);
        this.limiter = new InFlightLimiter(b.maxInFlight, b.maxInFlightPerTarget, b.maxQueued);
        this.releaseRequest = p -> {
            pending.remove(p.id(), p);
            limiter.release(p.target().address());
        };
        this.mbean = JmxPublisher.register("SnmpEngine", b.name != null ? b.name : "engine-" + ENGINES.incrementAndGet(),
                new Counters(), SnmpEngineMXBean.class);
    }

    /** The JMX view of {@link #statistics()}. */
    private final class Counters implements SnmpEngineMXBean {
        @Override
        public long getUnmatchedResponses() {
            return unmatched.sum();
        }

        @Override
        public long getWrongSourceResponses() {
            return wrongSource.sum();
        }

        @Override
        public long getMalformedMessages() {
            return malformed.sum();
        }

        @Override
        public long getRefusedMessages() {
            return refused.sum();
        }

        @Override
        public long getTimeouts() {
            return timeouts.sum();
        }

        @Override
        public int getInFlight() {
            return limiter.inFlight();
        }

        @Override
        public int getQueued() {
            return limiter.queued();
        }
    }

    /**
     * State that message processings keep per engine, shared by every session on it (for example
     * what SNMPv3 discovery learnt of each agent): the value for {@code key}, made once.
     */
    @SuppressWarnings("unchecked")
    public <T> T attachment(Object key, java.util.function.Function<Object, T> make) {
        return (T) attachments.computeIfAbsent(key, make);
    }

    /** Drops an attachment (for example an agent's engine state after it changed its engine id). */
    public void detach(Object key, Object expected) {
        attachments.remove(key, expected);
    }

    /** Whether the native epoll transport is in use (else NIO). */
    public boolean nativeTransport() {
        return transports.isEpoll();
    }

    public Statistics statistics() {
        return new Statistics(unmatched.sum(), wrongSource.sum(), malformed.sum(), refused.sum(), timeouts.sum(),
                limiter.inFlight(), limiter.queued());
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Sends {@code pdu} to {@code target} (the engine sets the request-id) and completes with the
     * answer, or exceptionally with a {@link SnmpTimeoutException} after every retry, a
     * {@link SnmpConnectionException} when the target cannot be reached, or the message
     * processing's exception (for example a USM report).
     */
    public CompletableFuture<Response> request(Target target, Pdu pdu) {
        CompletableFuture<Response> f = new io.varbind.engine.ResponseFuture();
        if (closed) {
            f.completeExceptionally(new SnmpException("the engine is closed"));
            return f;
        }
        CompletableFuture<Void> ready;
        try {
            ready = target.processing().prepare(target, this);
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
            return f;
        }
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            admit(target, pdu, f);
        } else {
            ready.whenComplete((v, err) -> {
                if (err != null) {
                    f.completeExceptionally(unwrap(err));
                } else {
                    admit(target, pdu, f);
                }
            });
        }
        return f;
    }

    /**
     * Sends one message that expects no answer (a trap) to {@code target}, after the target's
     * {@link io.varbind.engine.MessageProcessing#prepare} (for a v3 trap: the sender's keys). The
     * future completes once the message is handed to the socket (for TCP: once connected), or
     * exceptionally when it cannot be encoded or the target cannot be reached. Never retried.
     */
    public CompletableFuture<Void> sendUnconfirmed(Target target, io.varbind.engine.MessageWriter writer) {
        if (closed) {
            return CompletableFuture.failedFuture(new SnmpException("the engine is closed"));
        }
        CompletableFuture<Void> ready;
        try {
            ready = target.processing().prepare(target, this);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ready.thenCompose(v -> {
            byte[] scratch = SCRATCH.get();
            int n;
            try {
                n = writer.write(scratch, 0, nextId.incrementAndGet() & 0x7FFFFFFF | 1);
            } catch (SnmpException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SnmpException("cannot encode the message: " + e.getMessage(), e);
            }
            byte[] bytes = java.util.Arrays.copyOf(scratch, n);
            return endpoint(target).handle((ep, err) -> {
                if (err != null) {
                    Throwable c = unwrap(err);
                    throw c instanceof SnmpException se ? se : new SnmpConnectionException("cannot reach "
                            + target.address() + ": " + c.getMessage(), c);
                }
                ep.send(bytes, 0, bytes.length, target.address());
                return null;
            });
        });
    }

    /** Hundredths of a second since this engine was created: the sysUpTime of what it originates. */
    public long uptimeTicks() {
        return (System.nanoTime() - startNanos) / 10_000_000L;
    }

    /** Walks the subtree under {@code root}, collecting every varbind. */
    public CompletableFuture<List<VarBind>> walk(Target target, Oid root, boolean bulk, int nonRepeaters,
            int maxRepetitions) {
        List<VarBind> all = new ArrayList<>();
        return walk(target, root, bulk, nonRepeaters, maxRepetitions, all::addAll).thenApply(s -> all);
    }

    /** Walks the subtree under {@code root}, handing each response's varbinds to {@code sink} as they arrive. */
    public CompletableFuture<Walk.WalkSummary> walk(Target target, Oid root, boolean bulk, int nonRepeaters,
            int maxRepetitions, Consumer<List<VarBind>> sink) {
        try {
            return new Walk(this, target, root, bulk, nonRepeaters, maxRepetitions, sink).start();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Walks the subtree under {@code root}, handing each varbind to {@code sink} as it is read (for
     * v1/v2c straight from the received octets, through a cursor: nothing is materialised that
     * the sink does not build itself).
     */
    public CompletableFuture<Walk.WalkSummary> walk(Target target, Oid root, boolean bulk, int nonRepeaters,
            int maxRepetitions, io.varbind.engine.VarBindSink sink) {
        try {
            return new Walk(this, target, root, bulk, nonRepeaters, maxRepetitions, sink).start();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void admit(Target target, Pdu pdu, CompletableFuture<Response> f) {
        try {
            limiter.admit(target.address(), () -> start(target, pdu, f));
        } catch (SnmpException e) {
            f.completeExceptionally(e);
        }
    }

    private int allocateId() {
        while (true) {
            int id = nextId.incrementAndGet() & 0x7FFFFFFF;
            if (id != 0 && !pending.containsKey(id)) {
                return id;
            }
        }
    }

    private void start(Target target, Pdu pdu, CompletableFuture<Response> f) {
        if (closed) {
            limiter.release(target.address());
            f.completeExceptionally(new SnmpException("the engine is closed"));
            return;
        }
        int id = allocateId();
        PendingRequest p = new PendingRequest(target, pdu, id, f, releaseRequest);
        pending.put(id, p);
        ((io.varbind.engine.ResponseFuture) f).attach(p); // releases it once f completes, however
        send(p);
    }

    private void send(PendingRequest p) {
        if (p.isDone()) {
            return;
        }
        byte[] scratch = SCRATCH.get();
        int n;
        try {
            n = p.target().processing().encodeRequest(p.target(), p.pdu(), p.id(), scratch, 0);
        } catch (RuntimeException e) {
            fail(p, e instanceof SnmpException ? e : new SnmpException("cannot encode the request: " + e.getMessage(), e));
            return;
        }
        p.sent(n, System.nanoTime());
        p.scheduleTimeout(timer, timeoutRequest);
        CompletableFuture<Endpoint> ready = endpoint(p.target());
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            // the usual case: straight from the scratch buffer (Endpoint.send is done with it on return)
            ready.join().send(scratch, 0, n, p.target().address());
            return;
        }
        byte[] bytes = java.util.Arrays.copyOf(scratch, n); // the endpoint is not ready: sent later
        ready.whenComplete((ep, err) -> {
            if (err != null) {
                fail(p, unwrap(err) instanceof SnmpException se ? se
                        : new SnmpConnectionException("cannot reach " + p.target().address() + ": " + unwrap(err).getMessage(),
                                unwrap(err)));
                return;
            }
            ep.send(bytes, 0, bytes.length, p.target().address());
        });
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[MAX_MESSAGE + 1024]);

    private void onTimeout(PendingRequest p) {
        if (p.isDone()) {
            return;
        }
        if (p.sends() <= p.target().retries()) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("no answer from {} after {} tries: sending again", p.target().address(), p.sends());
            }
            send(p);
            return;
        }
        timeouts.increment();
        Target t = p.target();
        LOG.debug("no answer from {} after {} tries: timed out", t.address(), p.sends());
        if (t.transport().equals("dtls")) {
            // a DTLS association has no connection to lose: an agent that restarted ignores the old
            // one, and silence is how that shows; the next request makes a new association
            String key = streamKey(t);
            CompletableFuture<Endpoint> f = tcpEndpoints.get(key);
            if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
                Endpoint ep = f.join();
                // later requests wait for the new association (made from the same socket)
                // (when another timeout replaced it first, renew() returned that same renewal)
                tcpEndpoints.replace(key, f, ep.renew().thenApply(v -> ep));
            }
        }
        String why = (p.lastRefusal() == null ? "" : " (answers were refused: " + p.lastRefusal() + ")")
                + t.processing().timeoutHint();
        fail(p, new SnmpTimeoutException("timeout: no response from " + t.transport() + ":"
                + t.address().getHostString() + ":" + t.address().getPort() + " after " + p.sends() + " tries of "
                + (t.timeoutNanos() / 1_000_000) + " ms", why));
    }

    private void fail(PendingRequest p, Throwable e) {
        if (p.finish()) {
            p.release(); // before completing: whoever sees the outcome sees the slot free
            p.future().completeExceptionally(e);
        }
    }

    /**
     * A message arrived from {@code sender}, or on the stream of key {@code stream} (null for UDP):
     * match it to its request or drop it. Event-loop thread.
     */
    void receive(byte[] data, InetSocketAddress sender, String stream) {
        int id;
        try {
            id = SnmpMessageDecoder.peekRequestId(data, 0, data.length);
        } catch (BerDecodeException e) {
            malformed.increment();
            MALFORMED_LOG.log("dropped a malformed message from {}: {}", sender, e.getMessage());
            return;
        }
        PendingRequest p = pending.get(id);
        if (p == null || p.isDone()) {
            unmatched.increment(); // late answers to retried requests land here: debug only
            if (LOG.isDebugEnabled()) {
                LOG.debug("dropped a message from {} matching no request in flight (request-id {})", sender, id);
            }
            return;
        }
        // request ids are sequential over all targets: an answer counts only from where its request went
        if (stream == null ? !sameAddress(p.target().address(), sender)
                : !p.target().isStream() || !stream.equals(streamKey(p.target()))) {
            wrongSource.increment();
            WRONG_SOURCE_LOG.log("dropped a response from {}: its request went to {}", sender, p.target().address());
            return;
        }
        Pdu pdu;
        try {
            // an inform's Response echoes the inform's varbinds: only its header is read
            pdu = p.pdu().type() == BerTags.INFORM
                    ? p.target().processing().decodeAcknowledgement(p.target(), data, 0, data.length)
                    : p.target().processing().decodeResponse(p.target(), data, 0, data.length);
        } catch (BerDecodeException e) {
            malformed.increment();
            p.refused(e.getMessage());
            MALFORMED_LOG.log("dropped a malformed message from {}: {}", sender, e.getMessage());
            return;
        } catch (SnmpException e) {
            refused.increment();
            p.refused(e.getMessage());
            REFUSED_LOG.log("refused a response from {}: {}", sender, e.getMessage());
            return;
        }
        if (pdu.type() == BerTags.REPORT && !p.target().processing().reportCompletes()) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("report from {}: {}", sender, pdu.varBinds());
            }
            boolean again;
            try {
                again = p.target().processing().onReport(p.target(), pdu, p.reportRetried());
            } catch (RuntimeException e) {
                fail(p, e);
                return;
            }
            if (again && !p.reportRetried()) {
                p.markReportRetried();
                // Sent again under a new msgID (RFC 3412 section 6.2): a second copy of this report
                // (repeated by the network), or the report to an earlier try that still carried the
                // clock from before the resync, then matches nothing instead of failing the request
                int old = p.id();
                int fresh = allocateId();
                pending.put(fresh, p);
                p.renumber(fresh);
                pending.remove(old, p);
                if (p.isDone()) { // completed meanwhile (cancelled): release() may have freed the old id only
                    pending.remove(fresh, p);
                    return;
                }
                send(p);
            } else {
                fail(p, new SnmpConnectionException("the agent answered with a report again: " + pdu.varBinds()));
            }
            return;
        }
        if (p.finish()) {
            long rtt = System.nanoTime() - p.sentAt();
            p.release(); // before completing: whoever sees the answer sees the slot free
            p.future().complete(new Response(pdu, rtt, p.sends() - 1, p.bytesSent(), data.length));
        }
    }

    private static boolean sameAddress(InetSocketAddress expected, InetSocketAddress actual) {
        if (actual == null) {
            return false;
        }
        if (expected.getPort() != actual.getPort()) {
            return false;
        }
        if (expected.getAddress() == null || actual.getAddress() == null) {
            return expected.getHostString().equals(actual.getHostString());
        }
        return expected.getAddress().equals(actual.getAddress());
    }

    private CompletableFuture<Endpoint> endpoint(Target t) {
        if (t.isStream()) {
            String key = streamKey(t);
            CompletableFuture<Endpoint> f = tcpEndpoints.computeIfAbsent(key, k -> connect(t, k));
            if (f.isCompletedExceptionally() || f.isDone() && !f.join().isOpen()) {
                // a failed connect or a closed stream: the next one starts afresh (never removed from
                // inside the future's own callbacks, which can run within computeIfAbsent)
                tcpEndpoints.remove(key, f);
                f = tcpEndpoints.computeIfAbsent(key, k -> connect(t, k));
            }
            return f;
        }
        boolean v6 = t.address().getAddress() instanceof Inet6Address;
        if (t.localPort() == 0) { // the common case, without building a key per request
            CompletableFuture<Endpoint> f = v6 ? udp6Any : udp4Any;
            if (f != null && !f.isCompletedExceptionally()) {
                return f;
            }
        }
        String key = (v6 ? "udp6|" : "udp|") + t.localPort();
        CompletableFuture<Endpoint> f = udpEndpoints.computeIfAbsent(key, k -> bindUdp(v6, t.localPort(), k));
        if (f.isCompletedExceptionally()) { // a bind that failed earlier: try once more
            udpEndpoints.remove(key, f);
            f = udpEndpoints.computeIfAbsent(key, k -> bindUdp(v6, t.localPort(), k));
        }
        if (t.localPort() == 0) {
            if (v6) {
                udp6Any = f;
            } else {
                udp4Any = f;
            }
        }
        return f;
    }

    /**
     * Closes the stream (TCP, TLS or DTLS session) that requests to {@code target} use, if any; the
     * next request to it opens a new one. For sessions whose (D)TLS certificates nobody else shares.
     */
    public void release(Target target) {
        if (!target.isStream()) {
            return;
        }
        CompletableFuture<Endpoint> f = tcpEndpoints.remove(streamKey(target));
        if (f != null) {
            f.thenAccept(Endpoint::close);
        }
    }

    /**
     * One stream per agent and local port; a (D)TLS one also per set of certificates, so that
     * sessions with different identities never share a TLS session.
     */
    private static String streamKey(Target t) {
        return t.transport() + "|" + t.address() + "|" + t.localPort()
                + (t.processing().tls() == null ? "" : "|" + System.identityHashCode(t.processing().tls()));
    }

    private CompletableFuture<Endpoint> bindUdp(boolean v6, int localPort, String key) {
        if (closed) {
            return CompletableFuture.failedFuture(new SnmpException("the engine is closed"));
        }
        MessageHandler h = new MessageHandler() {
            @Override
            public void onMessage(byte[] message, InetSocketAddress sender) {
                receive(message, sender, null);
            }

            @Override
            public void onError(Throwable cause) {
                malformed.increment(); // e.g. an ICMP unreachable surfaced as a read error
                MALFORMED_LOG.log("a read error on the engine's UDP socket: {}", cause.toString());
            }
        };
        return transports.bindUdp(v6, localPort, h).handle((ep, err) -> {
            if (err != null) {
                throw new SnmpConnectionException(unwrap(err).getMessage(), unwrap(err));
            }
            return ep;
        });
    }

    private CompletableFuture<Endpoint> connect(Target t, String key) {
        if (closed) {
            return CompletableFuture.failedFuture(new SnmpException("the engine is closed"));
        }
        MessageHandler h = new MessageHandler() {
            @Override
            public void onMessage(byte[] message, InetSocketAddress sender) {
                receive(message, sender, key);
            }

            @Override
            public void onError(Throwable cause) {
                malformed.increment();
            }

            @Override
            public void onClosed() {
                CompletableFuture<Endpoint> f = tcpEndpoints.get(key);
                if (f != null && f.isDone() && !f.isCompletedExceptionally() && !f.join().isOpen()) {
                    tcpEndpoints.remove(key, f);
                }
            }
        };
        // The connection and (D)TLS handshake may take the request's whole budget (every try's
        // timeout), as Net-SNMP's tools wait in their blocking connect: a 1 s timeout with 5
        // retries gives a loaded agent's handshake 6 s, not one try's 1 s.
        int connectMillis = (int) Math.min(Integer.MAX_VALUE,
                Math.max(1000, t.timeoutNanos() / 1_000_000 * (t.retries() + 1L)));
        TlsSecurity tls = t.processing().tls();
        CompletableFuture<Endpoint> opened;
        if (tls == null) {
            opened = transports.connectTcp(t.address(), t.localPort(), connectMillis, MAX_MESSAGE, h);
        } else if (t.transport().equals("dtls")) {
            opened = transports.connectDtls(t.address(), t.localPort(), connectMillis, tls.ourChain(), tls.ourKey(),
                    tls::verifyAgent, h);
        } else if (tls.legacy()) {
            opened = transports.connectLegacyTls(t.address(), t.localPort(), connectMillis, MAX_MESSAGE,
                    tls.ourChain(), tls.ourKey(), tls::verifyAgent, h);
        } else {
            opened = transports.connectTls(t.address(), t.localPort(), connectMillis, MAX_MESSAGE,
                    tls.newEngine(t.address().getHostString(), t.address().getPort()), h);
        }
        return opened.handle((ep, err) -> {
            if (err != null) {
                Throwable cause = unwrap(err);
                if (cause instanceof HandshakeException) {
                    throw new SnmpConnectionException(cause.getMessage(), cause); // says which check refused
                }
                throw new SnmpConnectionException("cannot connect to " + t.transport() + ":"
                        + t.address().getHostString() + ":" + t.address().getPort() + ": "
                        + rootMessage(cause), cause);
            }
            return ep;
        });
    }

    private static String rootMessage(Throwable e) {
        return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Fails every request in flight, closes the sockets, stops the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        JmxPublisher.unregister(mbean);
        List<Runnable> waiting = limiter.close();
        SnmpException gone = new SnmpException("the engine was closed");
        for (PendingRequest p : pending.values()) {
            fail(p, gone);
        }
        for (Runnable start : waiting) {
            start.run(); // start() on a closed engine fails the request
        }
        for (CompletableFuture<Endpoint> f : udpEndpoints.values()) {
            f.thenAccept(Endpoint::close);
        }
        for (CompletableFuture<Endpoint> f : tcpEndpoints.values()) {
            f.thenAccept(Endpoint::close);
        }
        timer.stop();
        transports.close();
    }
}
