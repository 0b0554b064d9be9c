package io.varbind.agent;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.AttributeKey;
import io.varbind.mib.MibTree;
import io.varbind.session.SecurityNames;
import io.varbind.transport.DatagramWriter;
import io.varbind.transport.TransportGroup;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmUser;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The notification receiver of RFC 3413 section 3.4: listens on UDP and TCP endpoints, accepts
 * SNMPv1 traps, SNMPv2-Traps and InformRequests from known communities and USM users, and hands
 * each to the application's callback on the receiver's executor. An inform is acknowledged with a
 * Response after the callback returns, or, with {@link Builder#onNotificationDeferringAck}, when the
 * application runs the acknowledgement it was handed (for example once the notification is stored).
 *
 * <p>The event loops never wait for the application: each notification takes a place in a bounded
 * queue ({@link Builder#queueCapacity}); when the application falls behind and the queue is full,
 * notifications are dropped and counted ({@link ReceiverStatistics#droppedQueueFull}), informs
 * unacknowledged so that their senders retry. Everything refused is counted by its reason.
 *
 * <pre>{@code
 * NotificationReceiver r = NotificationReceiver.builder().listen("udp:0.0.0.0:162")
 *         .community("public")
 *         .user("trapuser", "SHA", "authpass", "AES", "privpass", "80001f880473656e646572")
 *         .onNotification(n -> System.out.println(n.trapOid() + " " + n.variables()))
 *         .build();
 * }</pre>
 */
public final class NotificationReceiver implements AutoCloseable {

    /** How {@link Notification#variables()} renders values: the flags of a {@code Session}. */
    record Display(MibTree mibs, boolean useLongNames, boolean useNumeric, boolean useSprintValue,
            boolean useEnums) {
    }

    /** Settings of a receiver; {@link #build()} binds every endpoint. */
    public static final class Builder {
        private final List<String> endpoints = new ArrayList<>();
        private final Set<String> communities = new LinkedHashSet<>();
        private final List<String[]> users = new ArrayList<>();
        private String engineIdHex;
        private int engineBoots = 1;
        private Consumer<Notification> callback;
        private BiConsumer<Notification, Runnable> deferringCallback;
        private Executor executor;
        private int queueCapacity = 10_000;
        private long coalesceNanos = DEFAULT_COALESCE.toNanos();
        private int threads;
        private java.time.Duration tcpIdleTimeout = AgentServer.Limits.DEFAULT.tcpIdleTimeout();
        private int maxTcpConnections = AgentServer.Limits.DEFAULT.maxTcpConnections();
        private int maxTcpConnectionsPerSource = AgentServer.Limits.DEFAULT.maxTcpConnectionsPerSource();
        private MibTree mibs;
        private boolean useLongNames;
        private boolean useNumeric;
        private boolean useSprintValue;
        private boolean useEnums;
        private final SecureListening secure = new SecureListening();

        private Builder() {
        }

        /**
         * The receiver's certificate for {@code tls:} and {@code dtls:} endpoints (snmptrapd's
         * {@code localCert}), found as {@link SnmpAgent.Builder#localCert} finds it.
         */
        public Builder localCert(String identity) {
            secure.localCert = identity;
            return this;
        }

        /** Trusts senders' certificates: a fingerprint, or a certificate (a CA) by name or path; as {@link SnmpAgent.Builder#trustCert}. */
        public Builder trustCert(String certificate) {
            secure.trustCerts.add(certificate);
            return this;
        }

        /** A certificate-to-securityName rule, {@code certSecName}'s form; as {@link SnmpAgent.Builder#certSecName}. */
        public Builder certSecName(String rule) {
            secure.rules.add(CertificateMap.parseRule(rule));
            return this;
        }

        /**
         * Accepts TSM notifications (over TLS/DTLS) from this securityName, at any level the session
         * carries (snmptrapd's {@code authUser log -s tsm NAME}); others are counted and dropped.
         */
        public Builder tsmUser(String securityName) {
            secure.access.put(Objects.requireNonNull(securityName, "securityName"),
                    new TsmAgentProcessor.Access(View.readAll(), 1));
            return this;
        }

        /**
         * The caps of each {@code dtls:} endpoint: sessions at once, handshakes at once, idle time
         * (default 256, 16, 5 minutes); as {@link SnmpAgent.Builder#dtlsLimits}.
         *
         * @throws IllegalArgumentException for a count below 1 or a duration that is not positive
         */
        public Builder dtlsLimits(int maxSessions, int maxHandshakes, java.time.Duration idleTimeout) {
            secure.dtlsLimits(maxSessions, maxHandshakes, idleTimeout);
            return this;
        }

        /** Endpoints in Net-SNMP's spelling ({@code udp:0.0.0.0:162}, {@code tcp:[::1]:1162}, {@code :0} for a free port). */
        public Builder listen(String... endpoints) {
            for (String e : endpoints) {
                this.endpoints.add(Objects.requireNonNull(e, "endpoint"));
            }
            return this;
        }

        /** A community whose v1 and v2c notifications are accepted (none: v1/v2c are dropped). */
        public Builder community(String... communities) {
            for (String c : communities) {
                this.communities.add(Objects.requireNonNull(c, "community"));
            }
            return this;
        }

        /**
         * A USM user. With {@code senderEngineIdHex} it is a user of that sending engine, for v3
         * traps (snmptrapd's {@code createUser -e}); empty or null, a user of this receiver's own
         * engine, for informs. Protocols as a Session takes them ({@code MD5}, {@code SHA-256},
         * {@code AES}, ...); null or {@code "none"} for no authentication or no privacy.
         */
        public Builder user(String name, String authProto, String authPass, String privProto, String privPass,
                String senderEngineIdHex) {
            users.add(new String[] {Objects.requireNonNull(name, "name"), authProto, authPass, privProto, privPass,
                senderEngineIdHex});
            return this;
        }

        /** A user of this receiver's own engine, for informs. */
        public Builder user(String name, String authProto, String authPass, String privProto, String privPass) {
            return user(name, authProto, authPass, privProto, privPass, null);
        }

        /** This receiver's engine id (hex), the one informs are sent to; default a random one. */
        public Builder engineId(String hex) {
            this.engineIdHex = hex;
            return this;
        }

        public Builder engineBoots(int boots) {
            this.engineBoots = boots;
            return this;
        }

        /** Called once per accepted notification, on the executor. */
        public Builder onNotification(Consumer<Notification> callback) {
            this.callback = callback;
            this.deferringCallback = null;
            return this;
        }

        /**
         * Called once per accepted notification, on the executor, with its acknowledgement: running
         * it (from any thread, any time; again does nothing) sends an inform's Response; for a trap
         * it does nothing. An inform whose acknowledgement is never run goes unanswered, so its
         * sender retries it and a retry is delivered again: at least once, never lost while the
         * application had not kept it. Replaces {@link #onNotification(Consumer)}.
         */
        public Builder onNotificationDeferringAck(BiConsumer<Notification, Runnable> callback) {
            this.deferringCallback = callback;
            this.callback = null;
            return this;
        }

        /** Where callbacks run (default: one thread of the receiver's own, so in arrival order). */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** How many notifications may wait for the callback before more are dropped (default 10,000). */
        public Builder queueCapacity(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1");
            }
            this.queueCapacity = n;
            return this;
        }

        /**
         * Under a dense stream of traps, how long a UDP endpoint may leave arriving datagrams in
         * its socket before reading them, so that one wake-up reads many (default 1 ms; zero
         * reads each as soon as it arrives). It applies only while traps come faster than
         * about eight per such interval and only after a read that emptied the socket and held
         * no inform or discovery (those, and the reads after them, go at once); a lone trap is
         * read at once. Each trap then waits at most this long more before its callback, and
         * the receiver and callback threads wake once per interval rather than once per few
         * traps (NICs' interrupt coalescing, for the same reason). Under NIO it does nothing.
         *
         * @throws IllegalArgumentException for a negative duration
         */
        public Builder coalesceReads(java.time.Duration maxDelay) {
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("coalesceReads must not be negative");
            }
            this.coalesceNanos = maxDelay.toNanos();
            return this;
        }

        /** Event-loop threads (0, the default: one per core). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * How long a {@code tcp:} or {@code tls:} connection may stay silent (also in the middle of
         * a message) before the receiver closes it (default one minute; counted,
         * {@link ReceiverStatistics#tcpIdleClosed}); as {@link SnmpAgent.Builder#tcpIdleTimeout}.
         */
        public Builder tcpIdleTimeout(java.time.Duration timeout) {
            this.tcpIdleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * At most this many {@code tcp:}/{@code tls:} connections at once, and this many from one
         * source address (default 256 and 16); further ones are closed at accept and counted
         * ({@link ReceiverStatistics#tcpConnectionsRefused}); as {@link SnmpAgent.Builder#maxTcpConnections}.
         */
        public Builder maxTcpConnections(int total, int perSource) {
            this.maxTcpConnections = total;
            this.maxTcpConnectionsPerSource = perSource;
            return this;
        }

        /** The MIBs {@link Notification#variables()} names with (default {@link MibTree#defaultTree()}). */
        public Builder mibs(MibTree mibs) {
            this.mibs = mibs;
            return this;
        }

        public Builder useLongNames(boolean on) {
            this.useLongNames = on;
            return this;
        }

        public Builder useNumeric(boolean on) {
            this.useNumeric = on;
            return this;
        }

        public Builder useSprintValue(boolean on) {
            this.useSprintValue = on;
            return this;
        }

        public Builder useEnums(boolean on) {
            this.useEnums = on;
            return this;
        }

        /**
         * Localizes the users' keys, binds every endpoint and starts receiving.
         *
         * @throws IllegalArgumentException for a bad endpoint, protocol name or engine id
         * @throws AgentException when an endpoint cannot be bound
         */
        public NotificationReceiver build() {
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("no endpoint to listen on: give listen(...)");
            }
            if (callback == null && deferringCallback == null) {
                throw new IllegalArgumentException("no callback: give onNotification(...)");
            }
            List<Endpoint> parsed = new ArrayList<>();
            for (String e : endpoints) {
                parsed.addAll(Endpoint.parseList(e));
            }
            byte[] engineId = engineIdHex == null || engineIdHex.isEmpty() ? UsmAgentProcessor.randomEngineId()
                    : hex(engineIdHex);
            Map<String, UsmUser> own = new HashMap<>();
            Map<String, UsmUser> senders = new HashMap<>();
            for (String[] u : users) {
                AuthProtocol auth = none(u[1]) ? AuthProtocol.NONE : AuthProtocol.parse(SecurityNames.authProtocol(u[1]));
                PrivProtocol priv = none(u[3]) ? PrivProtocol.NONE
                        : PrivProtocol.parse(SecurityNames.privacyProtocol(u[3]));
                if (auth == AuthProtocol.NONE && priv != PrivProtocol.NONE) {
                    throw new IllegalArgumentException("user " + u[0] + ": privacy needs authentication");
                }
                boolean forSender = u[5] != null && !u[5].isEmpty();
                byte[] id = forSender ? hex(u[5]) : engineId;
                UsmUser usm = UsmUser.localized(u[0], auth, u[2], priv, u[4], id);
                if (forSender) {
                    senders.put(HexFormat.of().formatHex(id) + "/" + u[0], usm);
                } else {
                    own.put(u[0], usm);
                }
            }
            Display display = new Display(mibs != null ? mibs : MibTree.defaultTree(), useLongNames, useNumeric,
                    useSprintValue, useEnums);
            ReceiverStatistics stats = new ReceiverStatistics();
            NotificationProcessor processor = new NotificationProcessor(communities, engineId, engineBoots, own,
                    senders, secure.access.keySet(), stats, display);
            io.varbind.transport.TlsServerSecurity tls = parsed.stream().anyMatch(Endpoint::secure)
                    ? secure.security() : null;
            AgentServer.Limits limits = new AgentServer.Limits(tcpIdleTimeout, maxTcpConnections,
                    maxTcpConnectionsPerSource, AgentServer.Limits.DEFAULT.unauthenticatedUdpMax());
            return new NotificationReceiver(this, parsed, processor, stats, tls, limits);
        }

        private static boolean none(String p) {
            return p == null || p.isEmpty() || p.equalsIgnoreCase("none");
        }

        private static byte[] hex(String h) {
            String x = (h.startsWith("0x") || h.startsWith("0X") ? h.substring(2) : h).replace(":", "");
            try {
                byte[] id = HexFormat.of().parseHex(x);
                if (id.length < 5 || id.length > 32) {
                    throw new IllegalArgumentException("an engine id has 5 to 32 octets (RFC 3411), not " + id.length);
                }
                return id;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("engine id '" + h + "': " + e.getMessage(), e);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link Builder#coalesceReads}'s default. */
    private static final java.time.Duration DEFAULT_COALESCE = java.time.Duration.ofMillis(1);
    /** The name of the receiver's own callback thread. */
    private static final String CALLBACK_THREAD = "varbind-notifications";

    private final NotificationProcessor processor;
    private final ReceiverStatistics stats;
    /** The own executor's thread (made on its first task), or null. */
    private volatile Thread callbackThread;
    private final Consumer<Notification> callback;
    private final BiConsumer<Notification, Runnable> deferringCallback;
    private final Executor executor;
    private final ExecutorService ownExecutor;
    private final int capacity;
    private final long coalesceNanos;
    private final AtomicInteger queued = new AtomicInteger();
    private final TransportGroup transports;
    private final List<Channel> channels = new ArrayList<>();

    /**
     * The {@code tcp:}, {@code tls:} and {@code dtls:} endpoints, on the command responder's
     * machinery (its idle timeout and connection caps, its (D)TLS); null without.
     */
    private AgentServer streamServer;

    private NotificationReceiver(Builder b, List<Endpoint> endpoints, NotificationProcessor processor,
            ReceiverStatistics stats, io.varbind.transport.TlsServerSecurity tls, AgentServer.Limits limits) {
        this.processor = processor;
        this.stats = stats;
        this.callback = b.callback;
        this.deferringCallback = b.deferringCallback;
        this.capacity = b.queueCapacity;
        this.coalesceNanos = b.coalesceNanos;
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownExecutor = null;
        } else {
            this.ownExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, CALLBACK_THREAD);
                callbackThread = t;
                t.setDaemon(true);
                return t;
            });
            this.executor = ownExecutor;
        }
        this.transports = TransportGroup.create(b.threads, "varbind-receiver");
        try {
            bind(endpoints.stream().filter(e -> !e.secure() && !e.tcp()).toList());
            List<Endpoint> others = endpoints.stream().filter(e -> e.secure() || e.tcp()).toList();
            if (!others.isEmpty()) {
                Arrivals arrivals = new Arrivals();
                streamServer = AgentServer.start(others, port -> arrivals, stats.sockets, b.threads, limits, tls,
                        b.secure.dtlsLimits);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Binds the UDP endpoints (the others go to {@link AgentServer}). */
    private void bind(List<Endpoint> endpoints) {
        UdpHandler udp = new UdpHandler();
        Bootstrap ub = transports.udpOptions(new Bootstrap().group(transports.eventLoops())).handler(udp);
        Endpoint.bindEach(endpoints, (e, addr) -> channels.add(
                transports.bindUdpCopyingOut(udpBootstrap(ub, addr), addr).syncUninterruptibly().channel()));
    }

    /**
     * A UDP endpoint's bootstrap: one bound to the wildcard address asks for each datagram's own
     * destination (a control message and an address object per datagram, which an endpoint bound
     * to one address would only spend to learn that address again).
     */
    private Bootstrap udpBootstrap(Bootstrap ub, InetSocketAddress addr) {
        Bootstrap b = ub.clone().channelFactory(transports.datagramChannels(addr.getAddress() instanceof Inet6Address));
        return addr.getAddress().isAnyLocalAddress() ? transports.udpDestinationOption(b) : b;
    }

    /**
     * The addresses bound, as {@code udp:host:port}, {@code tcp:host:port}, {@code tls:...},
     * {@code dtls:...} (a {@code :0} endpoint shows its port): the UDP ones first, then the others,
     * each in the order given.
     */
    public List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (Channel ch : channels) {
            out.add("udp:" + Endpoint.hostPort((InetSocketAddress) ch.localAddress()));
        }
        if (streamServer != null) {
            out.addAll(streamServer.boundEndpoints());
        }
        return out;
    }

    /** This receiver's own engine id (hex): the one informs are discovered with. */
    public String engineId() {
        return HexFormat.of().formatHex(processor.engineId());
    }

    public ReceiverStatistics statistics() {
        return stats;
    }

    /** How many notifications wait for the callback now. */
    public int queued() {
        return queued.get();
    }

    /** The longest {@link #close()} waits for the callbacks already queued on the receiver's own executor. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    /**
     * Stops listening; callbacks already queued still run. On the receiver's own executor, close
     * returns once they have (at most 5 s, and not when called from a callback), so that what an
     * application counts or prints after close includes them ({@code trapd}'s
     * {@code N notifications received}); an executor given to the builder is the application's to
     * wait for.
     */
    @Override
    public void close() {
        if (streamServer != null) {
            streamServer.close();
        }
        for (Channel ch : channels) {
            ch.close();
        }
        transports.close(); // no event loop hands anything over after this
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            if (Thread.currentThread() != callbackThread) { // a callback closing its receiver: no self-wait
                try {
                    ownExecutor.awaitTermination(CLOSE_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * On an event loop: process, answer a report at once, queue a notification (or add it to
     * {@code batch}, a UDP channel's state). {@code reply} may be null when {@code batch} is given:
     * it is then made from the batch's writer, only for a message that is answered.
     */
    private void onMessage(byte[] msg, InetSocketAddress source, InetSocketAddress local, String transport,
            NotificationProcessor.Reply reply, UdpChannel batch) {
        onMessage(msg, source, local, transport, null, reply, batch);
    }

    /** As above, over (D)TLS with the securityName the sender's certificate mapped to. */
    private void onMessage(byte[] msg, InetSocketAddress source, InetSocketAddress local, String transport,
            String tmSecurityName, NotificationProcessor.Reply reply, UdpChannel batch) {
        NotificationProcessor.Outcome o = processor.process(msg, msg.length, source, local, transport, tmSecurityName);
        if (batch != null && (o.report() != null || o.ack() != null)) {
            batch.urgent = true; // someone waits for an answer: the next read goes at once
        }
        if (reply == null && (o.report() != null || o.ack() != null)) {
            reply = batch.replyTo(source); // a trap needs none: made only for what is answered
        }
        if (o.report() != null) {
            reply.send(o.report(), 0, o.report().length);
        }
        if (o.notification() == null) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            stats.queueFull.increment();
            return;
        }
        Delivery d = new Delivery(o.notification(), o.ack(), reply);
        if (batch != null && ownExecutor != null) {
            batch.add(d); // handed over at the end of this read
        } else {
            execute(d, 1);
        }
    }

    /** Hands {@code first} and the {@code count - 1} linked after it to the executor, as one task. */
    private void execute(Delivery first, int count) {
        try {
            executor.execute(first);
        } catch (RejectedExecutionException e) {
            queued.addAndGet(-count);
            stats.queueFull.add(count);
        }
    }

    private static String transportName(boolean tcp, InetSocketAddress local) {
        return (tcp ? "tcp" : "udp") + (local.getAddress() instanceof Inet6Address ? "6" : "");
    }

    /**
     * One notification's run on the executor, and an inform's acknowledgement, sent by its first
     * run only: one object per notification for both. The Response is written by the thread that
     * acknowledges (on epoll, its own {@code sendto}), not handed back to the event loop.
     */
    private final class Delivery extends AtomicBoolean implements Runnable {
        private final Notification notification;
        private final NotificationProcessor.Acknowledgement ack;
        private final NotificationProcessor.Reply reply;
        /** The next of the same read, run after this one (set by the event loop before the hand-off). */
        private Delivery next;

        Delivery(Notification notification, NotificationProcessor.Acknowledgement ack,
                NotificationProcessor.Reply reply) {
            this.notification = notification;
            this.ack = ack;
            this.reply = reply;
        }

        /**
         * On the executor: this one and those linked after it, in arrival order. The informs of one
         * UDP read are each acknowledged as its callback returns, and their Responses leave together
         * ({@link DatagramWriter.Batch}: one task for the event loop, one {@code sendmmsg}) once the
         * read's callbacks have run, or as soon as {@link #ACK_WAIT_NANOS} have passed since the
         * first of them was made: a {@code sendto} each cost the callback thread a system call per
         * inform and woke the sender's event loop up to once per Response.
         */
        @Override
        public void run() {
            DatagramWriter.Batch acks = null;
            long firstAck = 0;
            try {
                for (Delivery d = this; d != null;) {
                    Delivery n = d.next;
                    d.next = null;
                    if (acks == null && (n != null || d != this) && d.ack != null && deferringCallback == null
                            && d.reply instanceof UdpReply u) {
                        acks = u.writer.batch();
                    }
                    int waiting = acks == null ? 0 : acks.size();
                    d.runOne(acks);
                    if (acks != null && acks.size() > 0) {
                        long now = System.nanoTime();
                        if (waiting == 0) {
                            firstAck = now; // the first one since the last send
                        } else if (now - firstAck > ACK_WAIT_NANOS) {
                            acks.send(); // slow callbacks (a trap's too): what is made leaves now
                        }
                    }
                    d = n;
                }
            } finally {
                if (acks != null) {
                    acks.send(); // also when a callback threw an Error past runOne
                }
            }
        }

        /** The callback, then (unless deferred) the acknowledgement, into {@code acks} when given. */
        private void runOne(DatagramWriter.Batch acks) {
            try {
                if (deferringCallback != null) {
                    deferringCallback.accept(notification, ack == null ? NO_ACK : this::acknowledge);
                } else {
                    callback.accept(notification);
                }
            } catch (RuntimeException e) {
                stats.callbackErrors.increment();
            } finally {
                queued.decrementAndGet();
                stats.delivered.increment();
            }
            if (deferringCallback == null) {
                acknowledge(acks);
            }
        }

        void acknowledge() {
            acknowledge(null);
        }

        private void acknowledge(DatagramWriter.Batch acks) {
            if (ack != null && compareAndSet(false, true)) {
                // counted first: a sender that sees the Response also sees it counted
                stats.acknowledged.increment();
                ack.sendTo(acks != null && reply instanceof UdpReply u && u.writer.sameBatch(acks) ? u.into(acks)
                        : reply);
            }
        }
    }

    private static final Runnable NO_ACK = () -> { };

    /**
     * How long the first Response of a read's informs may wait for the others' callbacks before the
     * ones made so far are sent (fast callbacks take microseconds; a sender's timeout is a second).
     */
    private static final long ACK_WAIT_NANOS = 200_000;

    /** Where a UDP notification's Response goes: its sender, through its endpoint's writer. */
    private static final class UdpReply implements NotificationProcessor.Reply {
        private final DatagramWriter writer;
        private final InetSocketAddress to;

        UdpReply(DatagramWriter writer, InetSocketAddress to) {
            this.writer = writer;
            this.to = to;
        }

        @Override
        public void send(byte[] message, int offset, int length) {
            writer.send(message, offset, length, to);
        }

        /** The same destination, added to {@code acks} instead of sent at once. */
        NotificationProcessor.Reply into(DatagramWriter.Batch acks) {
            return (message, offset, length) -> acks.add(message, offset, length, to);
        }
    }

    /** Each UDP channel's state, made on its first datagram. */
    private static final AttributeKey<UdpChannel> UDP_CHANNEL = AttributeKey.valueOf(NotificationReceiver.class,
            "udp");

    /**
     * What the event loop keeps of one UDP channel: its writer, address and transport name (once,
     * not per datagram), and the notifications read and not yet handed to the receiver's own
     * callback thread, which get there as one task when the socket is empty ({@link ReadPacing}):
     * one queue insertion and at most one wake-up of the callback thread per run of reads rather
     * than per notification. Used by the channel's event loop only.
     */
    private final class UdpChannel {
        final DatagramWriter writer;
        final InetSocketAddress local;
        final String transport;
        private final Channel channel;
        /** The most datagrams one read takes (0: unknown, never coalesce). */
        private final int readBatch;
        private final Runnable resume;
        private Delivery first;
        private Delivery last;
        private int count;
        private final Runnable flush;
        /** Datagrams of the current read. */
        int datagrams;
        /** The current read held an inform or answered with a report. */
        boolean urgent;
        private long lastReadEnd;
        private boolean flushPending;
        /** When the current rest should end; no rest before {@code noRestUntil} (after a late end). */
        private long restDue;
        private long noRestUntil;

        UdpChannel(Channel ch) {
            channel = ch;
            writer = new DatagramWriter(ch);
            local = (InetSocketAddress) ch.localAddress();
            transport = transportName(false, local);
            readBatch = transports.copyingOutBatch();
            noRestUntil = System.nanoTime(); // times are compared by difference: nanoTime may be negative
            lastReadEnd = noRestUntil - TimeUnit.SECONDS.toNanos(1);
            resume = () -> {
                long now = System.nanoTime();
                noRestUntil = ReadPacing.noRestUntil(now, restDue, coalesceNanos, noRestUntil);
                if (ch.isActive()) {
                    ch.config().setAutoRead(true);
                }
            };
            flush = () -> {
                flushPending = false;
                handOver();
            };
        }

        /** The read ended: hand over or hold its notifications, let the socket rest or not ({@link ReadPacing}). */
        void readEnded() {
            long now = System.nanoTime();
            int what = ReadPacing.afterRead(datagrams, readBatch, urgent, count, now - lastReadEnd,
                    now - noRestUntil < 0 ? 0 : coalesceNanos);
            lastReadEnd = now;
            datagrams = 0;
            urgent = false;
            if ((what & ReadPacing.HAND_OVER) != 0) {
                handOver();
            } else if (!flushPending) {
                flushPending = true;
                channel.eventLoop().schedule(flush, ReadPacing.HOLD_MICROS, TimeUnit.MICROSECONDS);
            }
            if ((what & ReadPacing.REST) != 0) {
                channel.config().setAutoRead(false); // the read's end takes EPOLLIN off the socket
                restDue = now + coalesceNanos;
                channel.eventLoop().schedule(resume, coalesceNanos, TimeUnit.NANOSECONDS);
            }
        }

        /** Where answers to {@code sender} go: this channel's writer. */
        NotificationProcessor.Reply replyTo(InetSocketAddress sender) {
            return new UdpReply(writer, sender); // a UdpReply: the callback thread batches inform Responses by it
        }

        void add(Delivery d) {
            if (first == null) {
                first = d;
            } else {
                last.next = d;
            }
            last = d;
            count++;
        }

        void handOver() {
            if (first != null) {
                Delivery f = first;
                int n = count;
                first = null;
                last = null;
                count = 0;
                execute(f, n);
            }
        }
    }

    /**
     * The {@code tcp:}, {@code tls:} and {@code dtls:} endpoints' messages (on an event loop, or a
     * DTLS session's thread), from {@link AgentServer}: over (D)TLS processed as the session's
     * securityName; informs acknowledged later over the same stream or session.
     */
    private final class Arrivals implements IncomingMessageProcessor {
        @Override
        public boolean answersLater() {
            return true;
        }

        @Override
        public int process(byte[] in, int off, int len, byte[] out, int maxSize, int unauthenticatedMax) {
            return -1; // never called: answersLater
        }

        @Override
        public void receive(byte[] msg, Arrival arrival, Reply reply) {
            onMessage(msg, arrival.source(), arrival.destination(), arrival.transport(), arrival.tmSecurityName(),
                    (out, off, len) -> reply.send(java.util.Arrays.copyOfRange(out, off, off + len)), null);
        }

        @Override
        public void onMalformedStream() {
            stats.malformed.increment(); // a framing error or a reset ends this connection only
        }
    }

    @ChannelHandler.Sharable
    private final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            byte[] msg = new byte[content.readableBytes()]; // the notification's values refer to it
            content.getBytes(content.readerIndex(), msg);
            Channel ch = ctx.channel();
            InetSocketAddress sender = packet.sender();
            UdpChannel state = ch.attr(UDP_CHANNEL).get();
            if (state == null) {
                state = new UdpChannel(ch);
                ch.attr(UDP_CHANNEL).set(state);
            }
            state.datagrams++;
            // the datagram's own destination where the socket asked for it (bound to 0.0.0.0), else the bound address
            InetSocketAddress dst = packet.recipient();
            InetSocketAddress local = dst != null && !dst.getAddress().isAnyLocalAddress() ? dst : state.local;
            onMessage(msg, sender, local, state.transport, null, state);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            UdpChannel state = ctx.channel().attr(UDP_CHANNEL).get();
            if (state != null) {
                state.readEnded();
            }
            ctx.fireChannelReadComplete();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            stats.malformed.increment(); // e.g. an ICMP error on a reply: keep receiving
        }
    }
}
