package io.varbind.agent;

import io.varbind.mib.MibTree;
import io.varbind.session.SecurityNames;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmUser;
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
        private int threads;
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

        /** Event-loop threads (0, the default: one per core). */
        public Builder threads(int n) {
            this.threads = n;
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
            return new NotificationReceiver(this, parsed, processor, stats, tls);
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

    private final NotificationProcessor processor;
    private final ReceiverStatistics stats;
    private final Consumer<Notification> callback;
    private final BiConsumer<Notification, Runnable> deferringCallback;
    private final Executor executor;
    private final ExecutorService ownExecutor;
    private final int capacity;
    private final AtomicInteger queued = new AtomicInteger();
    /** The sockets, shared with the command responder's machinery (caps, timeouts, TLS, DTLS). */
    private AgentServer server;

    private NotificationReceiver(Builder b, List<Endpoint> endpoints, NotificationProcessor processor,
            ReceiverStatistics stats, io.varbind.transport.TlsServerSecurity tls) {
        this.processor = processor;
        this.stats = stats;
        this.callback = b.callback;
        this.deferringCallback = b.deferringCallback;
        this.capacity = b.queueCapacity;
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownExecutor = null;
        } else {
            this.ownExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "varbind-notifications");
                t.setDaemon(true);
                return t;
            });
            this.executor = ownExecutor;
        }
        try {
            Arrivals arrivals = new Arrivals();
            this.server = AgentServer.start(endpoints, port -> arrivals, stats.sockets, b.threads,
                    AgentServer.Limits.DEFAULT, tls);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The addresses bound, as {@code udp:host:port}, {@code tcp:...}, {@code tls:...},
     * {@code dtls:...} (a {@code :0} endpoint shows its port).
     */
    public List<String> endpoints() {
        return server.boundEndpoints();
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

    /** Stops listening; callbacks already queued still run (on the receiver's own executor, then it stops). */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /**
     * What the sockets hand each message to (on an event loop, or a DTLS session's thread):
     * processed at once, a report answered at once, a notification queued for the callback, whose
     * inform is acknowledged later over the same socket or session.
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
            NotificationProcessor.Outcome o = processor.process(msg, msg.length, arrival.source(),
                    arrival.destination(), arrival.transport(), arrival.tmSecurityName());
            if (o.report() != null) {
                reply.send(o.report());
            }
            if (o.notification() != null) {
                deliver(o.notification(), o.ack(), reply::send);
            }
        }

        @Override
        public void onMalformedStream() {
            stats.malformed.increment(); // a framing error or a reset ends this connection only
        }
    }

    private void deliver(Notification n, NotificationProcessor.Acknowledgement ack, Consumer<byte[]> reply) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            stats.queueFull.increment();
            return;
        }
        try {
            executor.execute(() -> {
                Runnable acknowledge = ack == null ? NO_ACK : new Acknowledge(ack, reply);
                try {
                    if (deferringCallback != null) {
                        deferringCallback.accept(n, acknowledge);
                    } else {
                        callback.accept(n);
                    }
                } catch (RuntimeException e) {
                    stats.callbackErrors.increment();
                } finally {
                    queued.decrementAndGet();
                    stats.delivered.increment();
                }
                if (deferringCallback == null) {
                    acknowledge.run();
                }
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            stats.queueFull.increment();
        }
    }

    private static final Runnable NO_ACK = () -> { };

    /** An inform's Response, sent by the first run only. */
    private final class Acknowledge extends AtomicBoolean implements Runnable {
        private final NotificationProcessor.Acknowledgement ack;
        private final Consumer<byte[]> reply;

        Acknowledge(NotificationProcessor.Acknowledgement ack, Consumer<byte[]> reply) {
            this.ack = ack;
            this.reply = reply;
        }

        @Override
        public void run() {
            if (compareAndSet(false, true)) {
                reply.accept(ack.encode());
                stats.acknowledged.increment();
            }
        }
    }
}
