package io.varbind.agent;

import io.varbind.codec.Oid;
import io.varbind.mib.Match;
import io.varbind.mib.MibTree;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmUser;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An SNMP agent in this JVM: a command responder (RFC 3413 section 3.2) answering v1, v2c and v3
 * GET, GETNEXT, GETBULK and SET over UDP and TCP, from a walk file, the demo data, code
 * ({@link SubtreeHandler}s) or all of them mixed in OID order. {@link Builder#build()} returns
 * with every endpoint bound and answering; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (SnmpAgent agent = SnmpAgent.builder()
 *         .listen("udp:127.0.0.1:0")
 *         .community("public").writeCommunity("private")
 *         .user("admin", "SHA", "authpass", "AES", "privpass")
 *         .demoData()
 *         .build()) {
 *     InetSocketAddress where = agent.endpoints().get(0);
 * }
 * }</pre>
 *
 * With {@link Builder#statisticsMib()} the agent also serves its own counters as snmpd does
 * (SNMPv2-MIB's snmp group, usmStats, snmpEngine), where no handler or data claims those subtrees.
 */
public final class SnmpAgent implements AutoCloseable {

    private final AgentServer server;
    private final List<String> warnings;
    private final int instances;
    private final byte[] engineId;
    private final javax.management.ObjectName mbean;
    private static final java.util.concurrent.atomic.AtomicInteger AGENTS = new java.util.concurrent.atomic.AtomicInteger();

    private SnmpAgent(AgentServer server, List<String> warnings, int instances, byte[] engineId) {
        this.server = server;
        this.warnings = warnings;
        this.instances = instances;
        this.engineId = engineId;
        // the counters in JMX as io.varbind:type=SnmpAgent,name=agent-N while the agent runs
        this.mbean = io.varbind.engine.JmxPublisher.register("SnmpAgent", "agent-" + AGENTS.incrementAndGet(),
                server.statistics(), AgentStatisticsMXBean.class);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The addresses actually bound, in the order given to {@link Builder#listen} (ranges expanded). */
    public List<InetSocketAddress> endpoints() {
        return server.boundAddresses();
    }

    /** The UDP addresses bound. */
    public List<InetSocketAddress> udpEndpoints() {
        return server.boundAddresses(false);
    }

    /** The TCP addresses bound. */
    public List<InetSocketAddress> tcpEndpoints() {
        return server.boundAddresses(true);
    }

    /** The live counters (also served over SNMP). */
    public AgentStatistics statistics() {
        return server.statistics();
    }

    /** Lines of the data files that were skipped, each {@code file:line: why}. */
    public List<String> warnings() {
        return warnings;
    }

    /** Number of static object instances served (handlers' not counted). */
    public int instances() {
        return instances;
    }

    /** The snmpEngineID, as hex. */
    public String engineId() {
        return HexFormat.of().formatHex(engineId);
    }

    /**
     * Every bound endpoint as {@code transport:host:port} ({@code udp:127.0.0.1:1161},
     * {@code tls:127.0.0.1:10161}), in the order given to {@link Builder#listen}.
     */
    public List<String> endpointNames() {
        return server.boundEndpoints();
    }

    /** DTLS sessions open now (handshaking or established), over every {@code dtls:} endpoint. */
    public int secureSessions() {
        return server.dtlsSessions();
    }

    /** The listening machinery (package use: tests that inject socket failures). */
    AgentServer server() {
        return server;
    }

    @Override
    public void close() {
        io.varbind.engine.JmxPublisher.unregister(mbean);
        server.close();
    }

    /** How to start an agent; every setting has a default but the endpoints. */
    public static final class Builder {
        private final List<String> listen = new ArrayList<>();
        private final Map<String, View> communities = new LinkedHashMap<>();
        private final List<UserSpec> users = new ArrayList<>();
        private final List<Path> dataFiles = new ArrayList<>();
        private final Map<String, SubtreeHandler> handlers = new LinkedHashMap<>();
        private boolean demo;
        private String engineIdHex;
        private int engineBoots = 1;
        private int threads = 1;
        private boolean devicePerEndpoint;
        private boolean statisticsMib;
        private Duration tcpIdleTimeout = AgentServer.Limits.DEFAULT.tcpIdleTimeout();
        private int maxTcpConnections = AgentServer.Limits.DEFAULT.maxTcpConnections();
        private int maxTcpConnectionsPerSource = AgentServer.Limits.DEFAULT.maxTcpConnectionsPerSource();
        private int unauthenticatedUdpMax = AgentServer.Limits.DEFAULT.unauthenticatedUdpMax();
        private final SecureListening secure = new SecureListening();

        private record UserSpec(String name, String auth, String authPass, String priv, String privPass, View view) {
        }

        private Builder() {
        }

        /**
         * Endpoints in Net-SNMP's spelling: {@code udp:127.0.0.1:161}, {@code tcp:...},
         * {@code udp6:[::1]:161}, a bare port, {@code :0} for a free port, {@code LOW-HIGH} for a
         * range (every port bound); several per argument separated by commas.
         */
        public Builder listen(String... endpoints) {
            for (String e : endpoints) {
                Endpoint.parseList(e); // fail here, with the spelling at hand, not in build()
                listen.add(e);
            }
            return this;
        }

        /** A read-only community that reads everything. */
        public Builder community(String community) {
            return community(community, View.readAll());
        }

        /** A read-only community limited to {@code view}'s read subtrees (its write part is ignored). */
        public Builder community(String community, View view) {
            communities.put(community, view.readOnly());
            return this;
        }

        /** A read-write community that reads and writes everything. */
        public Builder writeCommunity(String community) {
            return writeCommunity(community, View.all());
        }

        /** A community with {@code view}'s read and write subtrees. */
        public Builder writeCommunity(String community, View view) {
            communities.put(community, view);
            return this;
        }

        /**
         * A read-write USM user; protocols as Net-SNMP names them (MD5, SHA, SHA-224 ... SHA-512;
         * DES, 3DES, AES, AES-192, AES-256, AES-192-C, AES-256-C); null protocols and passwords
         * for a lower security level.
         */
        public Builder user(String name, String authProtocol, String authPassword, String privProtocol,
                String privPassword) {
            return user(name, authProtocol, authPassword, privProtocol, privPassword, View.all());
        }

        /** A USM user that reads and writes what {@code view} allows. */
        public Builder user(String name, String authProtocol, String authPassword, String privProtocol,
                String privPassword, View view) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a USM user needs a name");
            }
            // parse now so a misspelt protocol fails here
            parseAuth(authProtocol);
            parsePriv(privProtocol);
            users.add(new UserSpec(name, authProtocol, authPassword, privProtocol, privPassword, view));
            return this;
        }

        /** A USM user that may read everything and write nothing. */
        public Builder readOnlyUser(String name, String authProtocol, String authPassword, String privProtocol,
                String privPassword) {
            return user(name, authProtocol, authPassword, privProtocol, privPassword, View.readAll());
        }

        /** The snmpEngineID in hex, 5 to 32 octets (default: a random one of RFC 3411's format 5). */
        public Builder engineId(String hex) {
            String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
            if (!h.matches("([0-9a-fA-F]{2}){5,32}")) {
                throw new IllegalArgumentException("engine id: 5 to 32 octets in hex, got '" + hex + "'");
            }
            this.engineIdHex = h;
            return this;
        }

        /** snmpEngineBoots to announce (default 1). */
        public Builder engineBoots(int boots) {
            if (boots < 1) {
                throw new IllegalArgumentException("engine boots: at least 1, got " + boots);
            }
            this.engineBoots = boots;
            return this;
        }

        /** Serves a walk file ({@code snmpwalk -On -OU -Oe} output); several merge, a later one wins. */
        public Builder data(Path walkFile) {
            dataFiles.add(walkFile);
            return this;
        }

        /** Serves the built-in demo device (system group, interfaces with moving counters, ...). */
        public Builder demoData() {
            this.demo = true;
            return this;
        }

        /**
         * Serves the subtree {@code subtreeOid} by code: static data under it is hidden, and the
         * agent's own counters give way to it. Subtrees of two handlers may not overlap.
         */
        public Builder handler(String subtreeOid, SubtreeHandler handler) {
            Oid root = Oid.parse(subtreeOid);
            for (String other : handlers.keySet()) {
                Oid o = Oid.parse(other);
                if (o.startsWith(root) || root.startsWith(o)) {
                    throw new IllegalArgumentException("handler subtrees overlap: " + other + " and " + subtreeOid);
                }
            }
            handlers.put(root.toString(), handler);
            return this;
        }

        /**
         * Also serves the agent's own counters and engine, as snmpd does: SNMPv2-MIB's snmp group
         * ({@code 1.3.6.1.2.1.11}: snmpInPkts, snmpInBadCommunityNames, snmpInASNParseErrs,
         * snmpSilentDrops, ...), usmStats ({@code 1.3.6.1.6.3.15.1.1}) and snmpEngine
         * ({@code 1.3.6.1.6.3.10.2.1}), each where no handler or data claims the subtree. Off by
         * default, so an agent serves exactly the data given; {@code ./varbind agent} turns it on.
         */
        public Builder statisticsMib() {
            this.statisticsMib = true;
            return this;
        }

        /** Event-loop threads (default 1; 0 is one per core). */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("threads: 0 or more, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Makes each bound port its own simulated device: its sysName is the data's with
         * {@code -PORT} appended, its sysUpTime and counters move at rates of their own, and a SET
         * writes to that device only (its own copy of what it wrote; the data all devices share
         * is never changed). Handlers are shared: a handler's subtree is the same on every device.
         */
        public Builder devicePerEndpoint() {
            this.devicePerEndpoint = true;
            return this;
        }

        /** How long a TCP connection may stay silent before the agent closes it (default one minute). */
        public Builder tcpIdleTimeout(Duration timeout) {
            this.tcpIdleTimeout = timeout;
            return this;
        }

        /** At most this many TCP connections at once, and this many from one source address (default 256 and 16). */
        public Builder maxTcpConnections(int total, int perSource) {
            this.maxTcpConnections = total;
            this.maxTcpConnectionsPerSource = perSource;
            return this;
        }

        /**
         * Largest answer to an unauthenticated request (v1, v2c, v3 noAuthNoPriv) over UDP, in bytes
         * (default {@value MessageDispatcher#UNAUTHENTICATED_UDP_MAX}, one unfragmented Ethernet
         * datagram; 20 less over IPv6).
         */
        public Builder maxUnauthenticatedUdpResponse(int bytes) {
            this.unauthenticatedUdpMax = bytes;
            return this;
        }

        /**
         * The agent's certificate for {@code tls:} and {@code dtls:} endpoints (Net-SNMP's
         * {@code localCert}): a SHA-256 fingerprint or a name found under {@code tls/certs} of
         * {@code $SNMPCONFPATH}, or a path to a PEM file; its PKCS#8 key in the same file, beside it
         * as {@code NAME.key}, or under {@code tls/private}.
         */
        public Builder localCert(String identity) {
            secure.localCert = identity;
            return this;
        }

        /**
         * Trusts client certificates (Net-SNMP's {@code trustCert}): a SHA-256 fingerprint of a
         * client's own certificate, or a certificate (name or path, as {@link #localCert}) that is
         * trusted itself and as an issuer (a CA). Several calls add up.
         */
        public Builder trustCert(String certificate) {
            secure.trustCerts.add(certificate);
            return this;
        }

        /**
         * Adds a certificate-to-securityName rule in snmpd.conf's {@code certSecName} form:
         * {@code PRIORITY [--sha256] FINGERPRINT --sn NAME|--cn|--rfc822|--dns|--ip|--any}
         * (lowest priority first; a client's certificate, or the CA certificate that issued it, is
         * matched by fingerprint). A client whose certificate no rule maps is refused; a rule that
         * names a client's own certificate also trusts it.
         *
         * @throws IllegalArgumentException when the rule does not parse
         */
        public Builder certSecName(String rule) {
            secure.rules.add(CertificateMap.parseRule(rule));
            return this;
        }

        /**
         * A TSM securityName (as a certificate maps to it) that reads and writes everything, at
         * authNoPriv or above (Net-SNMP's {@code rwuser -s tsm NAME}).
         */
        public Builder tsmUser(String securityName) {
            return tsmUser(securityName, View.all(), "authNoPriv");
        }

        /** A TSM securityName that reads and writes what {@code view} allows, at {@code minimumLevel} or above. */
        public Builder tsmUser(String securityName, View view, String minimumLevel) {
            int level;
            switch (minimumLevel.toLowerCase(java.util.Locale.ROOT)) {
                case "noauthnopriv": case "noauth": level = 1; break;
                case "authnopriv": case "auth": level = 2; break;
                case "authpriv": case "priv": level = 3; break;
                default: throw new IllegalArgumentException("security level noAuthNoPriv, authNoPriv or authPriv,"
                        + " got '" + minimumLevel + "'");
            }
            secure.access.put(securityName, new TsmAgentProcessor.Access(view, level));
            return this;
        }

        /** A TSM securityName that reads everything and writes nothing, at authNoPriv or above ({@code rouser -s tsm}). */
        public Builder readOnlyTsmUser(String securityName) {
            return tsmUser(securityName, View.readAll(), "authNoPriv");
        }

        /** How long a (D)TLS client may take over its handshake (default 10 seconds). */
        public Builder tlsHandshakeTimeout(Duration timeout) {
            secure.handshakeMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return this;
        }

        /**
         * The caps of each {@code dtls:} endpoint: sessions open at once (default 256), of them
         * still in their handshake (16; a ClientHello beyond either is dropped and counted as
         * {@code dtlsDropped}), and how long a session may stay silent before it is closed (5 minutes).
         *
         * @throws IllegalArgumentException for a count below 1 or a duration that is not positive
         */
        public Builder dtlsLimits(int maxSessions, int maxHandshakes, Duration idleTimeout) {
            secure.dtlsLimits(maxSessions, maxHandshakes, idleTimeout);
            return this;
        }

        /**
         * Loads the data and binds every endpoint.
         *
         * @throws AgentException when data cannot be read or an endpoint cannot be bound
         * @throws IllegalArgumentException for settings that contradict each other
         */
        public SnmpAgent build() {
            if (listen.isEmpty()) {
                throw new IllegalArgumentException("an agent needs at least one endpoint: listen(\"udp:127.0.0.1:0\")");
            }
            List<Endpoint> endpoints = new ArrayList<>();
            listen.forEach(l -> endpoints.addAll(Endpoint.parseList(l)));
            AgentServer.Limits limits = new AgentServer.Limits(tcpIdleTimeout, maxTcpConnections,
                    maxTcpConnectionsPerSource, unauthenticatedUdpMax);
            byte[] engineId = engineIdHex == null ? UsmAgentProcessor.randomEngineId()
                    : HexFormat.of().parseHex(engineIdHex);
            EngineState engine = new EngineState(engineId, engineBoots, 0);
            List<String> warnings = new ArrayList<>();
            OidValueStore store = loadData(dataFiles, demo, warnings);
            AgentStatistics stats = new AgentStatistics();
            Map<Oid, SubtreeHandler> all = new LinkedHashMap<>();
            Map<String, SubtreeHandler> own = statisticsMib
                    ? AgentMib.handlers(stats, engine, AgentServer.MAX_MESSAGE_SIZE) : Map.of();
            own.forEach((root, h) -> {
                Oid r = Oid.parse(root);
                boolean claimed = store.hasInstancesUnder(r) || handlers.keySet().stream()
                        .map(Oid::parse).anyMatch(o -> o.startsWith(r) || r.startsWith(o));
                if (!claimed) {
                    all.put(r, h);
                }
            });
            handlers.forEach((root, h) -> all.put(Oid.parse(root), h));
            ManagedObjects objects = new ManagedObjects(store, all);
            UsmAgentProcessor v3 = users.isEmpty() ? null : new UsmAgentProcessor(engine, localize(engineId));
            boolean anySecure = endpoints.stream().anyMatch(Endpoint::secure);
            io.varbind.transport.TlsServerSecurity tls = anySecure ? secure.security() : null;
            TsmAgentProcessor tsm = anySecure ? new TsmAgentProcessor(engineId, secure.access) : null;
            CommunityTable table = new CommunityTable(communities);
            java.util.function.IntFunction<MessageDispatcher> dispatchers;
            if (devicePerEndpoint) {
                String baseName = baseSysName(store);
                long start = System.nanoTime();
                int[] serial = {0};
                dispatchers = port -> {
                    int device = port != 0 ? port : ++serial[0];
                    return new MessageDispatcher(new CommandResponder(objects.forDevice(
                            new DeviceVariation(device, baseName + "-" + device, start))), table, v3, tsm, stats);
                };
            } else {
                MessageDispatcher shared = new MessageDispatcher(new CommandResponder(objects), table, v3, tsm, stats);
                dispatchers = port -> shared;
            }
            AgentServer server = AgentServer.start(endpoints, dispatchers, stats, threads, limits, tls,
                    secure.dtlsLimits);
            return new SnmpAgent(server, List.copyOf(warnings), store.size(), engineId);
        }

        /** Keys are localised to this engine now; the passwords are not kept past this. */
        private Map<String, UsmAgentProcessor.User> localize(byte[] engineId) {
            Map<String, UsmAgentProcessor.User> table = new LinkedHashMap<>();
            for (UserSpec u : users) {
                UsmUser usm = UsmUser.localized(u.name(), parseAuth(u.auth()), u.authPass(), parsePriv(u.priv()),
                        u.privPass(), engineId);
                table.put(u.name(), new UsmAgentProcessor.User(usm, u.view()));
            }
            return table;
        }

        private static AuthProtocol parseAuth(String name) {
            return name == null || name.isEmpty() ? AuthProtocol.NONE : AuthProtocol.parse(name);
        }

        private static PrivProtocol parsePriv(String name) {
            return name == null || name.isEmpty() ? PrivProtocol.NONE : PrivProtocol.parse(name);
        }

        private static String baseSysName(OidValueStore store) {
            int at = store.indexOf(DeviceVariation.SYS_NAME);
            if (at >= 0) {
                io.varbind.codec.Variable v = store.valueAt(at, System.nanoTime());
                if (v.tag() == io.varbind.codec.BerTags.OCTET_STRING) {
                    return new String(v.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                }
            }
            return "device";
        }
    }

    /** The demo data set, the union of the files (a later file wins for the same OID), or nothing. */
    static OidValueStore loadData(List<Path> files, boolean demo, List<String> warnings) {
        if (files.isEmpty()) {
            return demo ? DemoDataSet.build(System.nanoTime()) : OidValueStore.builder().build();
        }
        if (demo) {
            throw new IllegalArgumentException("demoData() and data(file) exclude each other");
        }
        OidValueStore.Builder b = OidValueStore.builder();
        Function<Oid, String> hints = new MibHints();
        for (Path f : files) {
            WalkFileParser parser = new WalkFileParser(hints);
            int before = b.size();
            try {
                parser.parse(f, b::put);
            } catch (WalkFileException e) {
                throw new AgentException(e.getMessage(), e);
            }
            warnings.addAll(parser.warnings());
            if (parser.warningCount() > parser.warnings().size()) {
                warnings.add(f + ": " + (parser.warningCount() - parser.warnings().size()) + " more lines skipped");
            }
            if (b.size() == before && parser.warningCount() > 0) {
                throw new AgentException("data file " + f + " has no usable 'OID = TYPE: value' line (first problem: "
                        + parser.warnings().get(0) + ")");
            }
        }
        return b.build();
    }

    /**
     * DISPLAY-HINTs from the default MIB tree ($MIBDIRS), loaded on the first hinted-looking
     * string only, so files without such strings start without compiling MIBs.
     */
    private static final class MibHints implements Function<Oid, String> {
        private MibTree tree;
        private boolean failed;

        @Override
        public String apply(Oid oid) {
            if (tree == null && !failed) {
                try {
                    tree = MibTree.defaultTree();
                } catch (RuntimeException e) {
                    failed = true;
                }
            }
            if (tree == null) {
                return null;
            }
            int[] arcs = oid.toArray();
            Match m = tree.lookup(arcs, arcs.length);
            return m == null || m.node() == null ? null : m.node().hint();
        }
    }
}
