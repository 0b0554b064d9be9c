package io.varbind;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.engine.Target;
import io.varbind.format.EasyNames;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.session.ErrorStatus;
import io.varbind.session.SetValues;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import io.varbind.session.SecurityNames;
import io.varbind.session.TargetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An SNMP session to one agent, with easysnmp's {@code Session} options, defaults and results
 * (see API.md). Build one with {@link #builder()}; {@link Builder#build()} never touches the network.
 *
 * <p>A {@code Session} is safe to use from several threads at once: operations may run
 * concurrently (each request is correlated by its own request id), the display flags are
 * volatile and apply from the next call on, and {@link #updateSession} swaps the settings and
 * protocol state atomically.
 */
public final class Session implements AutoCloseable {

    /** Every easysnmp keyword as a camelCase method, with easysnmp's defaults. */
    public static final class Builder {
        private String hostname = "localhost";
        private int version = 3;
        private String community = "public";
        private double timeout = 1.0;
        private int retries = 3;
        private int remotePort;
        private int localPort;
        private String securityLevel = "no_auth_or_privacy";
        private String securityUsername = "initial";
        private String authProtocol = "DEFAULT";
        private String authPassword = "";
        private String privacyProtocol = "DEFAULT";
        private String privacyPassword = "";
        private String contextEngineId = "";
        private String securityEngineId = "";
        private String context = "";
        private int engineBoots;
        private int engineTime;
        private String ourIdentity = "";
        private String theirIdentity = "";
        private String theirHostname = "";
        private String trustCert = "";
        private boolean allowTls10;
        private boolean useLongNames;
        private boolean useNumeric;
        private boolean useSprintValue;
        private boolean useEnums;
        private int bestGuess;
        private boolean retryNoSuch;
        private boolean abortOnNonexistent;
        private MibTree mibs;
        private SnmpEngine engine;

        private Builder() {
        }

        // read access for the protocol state this package builds from the settings
        String securityLevelValue() {
            return securityLevel;
        }

        String ourIdentityValue() {
            return ourIdentity;
        }

        String theirIdentityValue() {
            return theirIdentity;
        }

        String theirHostnameValue() {
            return theirHostname;
        }

        String trustCertValue() {
            return trustCert;
        }

        String securityUsernameValue() {
            return securityUsername;
        }

        String authPasswordValue() {
            return authPassword;
        }

        String privacyPasswordValue() {
            return privacyPassword;
        }

        String securityEngineIdValue() {
            return securityEngineId;
        }

        String contextEngineIdValue() {
            return contextEngineId;
        }

        String contextValue() {
            return context;
        }

        int engineBootsValue() {
            return engineBoots;
        }

        int engineTimeValue() {
            return engineTime;
        }

        private Builder copy() {
            Builder b = new Builder();
            b.hostname = hostname;
            b.version = version;
            b.community = community;
            b.timeout = timeout;
            b.retries = retries;
            b.remotePort = remotePort;
            b.localPort = localPort;
            b.securityLevel = securityLevel;
            b.securityUsername = securityUsername;
            b.authProtocol = authProtocol;
            b.authPassword = authPassword;
            b.privacyProtocol = privacyProtocol;
            b.privacyPassword = privacyPassword;
            b.contextEngineId = contextEngineId;
            b.securityEngineId = securityEngineId;
            b.context = context;
            b.engineBoots = engineBoots;
            b.engineTime = engineTime;
            b.ourIdentity = ourIdentity;
            b.theirIdentity = theirIdentity;
            b.theirHostname = theirHostname;
            b.trustCert = trustCert;
            b.allowTls10 = allowTls10;
            b.useLongNames = useLongNames;
            b.useNumeric = useNumeric;
            b.useSprintValue = useSprintValue;
            b.useEnums = useEnums;
            b.bestGuess = bestGuess;
            b.retryNoSuch = retryNoSuch;
            b.abortOnNonexistent = abortOnNonexistent;
            b.mibs = mibs;
            b.engine = engine;
            return b;
        }

        /** Agent address: {@code host}, {@code host:port}, {@code [::1]:161}, with an optional transport prefix. */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /** 1, 2 (= 2c) or 3. */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder community(String community) {
            this.community = Objects.requireNonNull(community, "community");
            return this;
        }

        /** Seconds to wait per try. */
        public Builder timeout(double seconds) {
            this.timeout = seconds;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout.toNanos() / 1e9;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** 0 = 161 (10161 for tls/dtls); not together with a port in the hostname. */
        public Builder remotePort(int remotePort) {
            this.remotePort = remotePort;
            return this;
        }

        /** 0 = ephemeral. */
        public Builder localPort(int localPort) {
            this.localPort = localPort;
            return this;
        }

        public Builder securityLevel(String securityLevel) {
            this.securityLevel = securityLevel;
            return this;
        }

        public Builder securityUsername(String securityUsername) {
            this.securityUsername = securityUsername;
            return this;
        }

        public Builder authProtocol(String authProtocol) {
            this.authProtocol = authProtocol;
            return this;
        }

        public Builder authPassword(String authPassword) {
            this.authPassword = authPassword;
            return this;
        }

        public Builder privacyProtocol(String privacyProtocol) {
            this.privacyProtocol = privacyProtocol;
            return this;
        }

        public Builder privacyPassword(String privacyPassword) {
            this.privacyPassword = privacyPassword;
            return this;
        }

        /** Hex; discovered when empty. */
        public Builder contextEngineId(String hex) {
            this.contextEngineId = hex;
            return this;
        }

        /** Hex; discovered when empty. */
        public Builder securityEngineId(String hex) {
            this.securityEngineId = hex;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public Builder engineBoots(int engineBoots) {
            this.engineBoots = engineBoots;
            return this;
        }

        public Builder engineTime(int engineTime) {
            this.engineTime = engineTime;
            return this;
        }

        public Builder ourIdentity(String ourIdentity) {
            this.ourIdentity = ourIdentity;
            return this;
        }

        public Builder theirIdentity(String theirIdentity) {
            this.theirIdentity = theirIdentity;
            return this;
        }

        public Builder theirHostname(String theirHostname) {
            this.theirHostname = theirHostname;
            return this;
        }

        /**
         * Lets this session's {@code tls:} connection fall back to TLS 1.0 or 1.1 (default false:
         * TLS 1.2). Net-SNMP 5.9.3's tlstcp offers only TLS 1.0; the JDK disables it JVM-wide, so
         * such a session runs on Bouncy Castle's TLS instead, and no other session is affected.
         */
        public Builder allowTls10(boolean allow) {
            this.allowTls10 = allow;
            return this;
        }

        boolean allowTls10Value() {
            return allowTls10;
        }

        public Builder trustCert(String trustCert) {
            this.trustCert = trustCert;
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

        /** 0 exact, 1 regular expression ({@code -Ib}), 2 random access ({@code -IR}). */
        public Builder bestGuess(int bestGuess) {
            this.bestGuess = bestGuess;
            return this;
        }

        public Builder retryNoSuch(boolean on) {
            this.retryNoSuch = on;
            return this;
        }

        public Builder abortOnNonexistent(boolean on) {
            this.abortOnNonexistent = on;
            return this;
        }

        /** The compiled MIBs name resolution and formatting use (default: {@link MibTree#defaultTree()}). */
        public Builder mibs(MibTree mibs) {
            this.mibs = mibs;
            return this;
        }

        /** The engine (event loops, sockets, USM state) to share with other sessions; default {@link SnmpEngine#shared()}. */
        public Builder engine(SnmpEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Validates the settings and builds the session, without any network traffic.
         *
         * @throws IllegalArgumentException for an unknown version, security level or protocol name,
         *     a port both in the hostname and in {@link #remotePort(int)}, or an out-of-range number
         */
        public Session build() {
            return new Session(validated());
        }

        private Validated validated() {
            if (version != 1 && version != 2 && version != 3) {
                throw new IllegalArgumentException("unsupported SNMP version " + version + ": use 1, 2 (= 2c) or 3");
            }
            TargetAddress target = TargetAddress.parse(hostname, remotePort);
            if (!(timeout >= 0) || Double.isInfinite(timeout)) {
                throw new IllegalArgumentException("timeout must be a finite number of seconds >= 0, not " + timeout);
            }
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0, not " + retries);
            }
            if (localPort < 0 || localPort > 65535) {
                throw new IllegalArgumentException("localPort " + localPort + " is outside 0..65535");
            }
            if (bestGuess < 0 || bestGuess > 2) {
                throw new IllegalArgumentException("bestGuess must be 0, 1 or 2, not " + bestGuess);
            }
            int level = SecurityNames.securityLevel(securityLevel);
            String auth = SecurityNames.authProtocol(authProtocol);
            String priv = SecurityNames.privacyProtocol(privacyProtocol);
            checkHex("contextEngineId", contextEngineId);
            checkHex("securityEngineId", securityEngineId);
            return new Validated(copy(), target, level, auth, priv);
        }

        private static void checkHex(String what, String hex) {
            if (hex == null) {
                throw new IllegalArgumentException(what + " is null");
            }
            String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
            h = h.replace(":", "");
            if (h.length() % 2 != 0 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException(what + " '" + hex + "' is not an even number of hex digits");
            }
        }
    }

    /** A frozen, checked copy of the builder, with the parsed forms of its names. */
    record Validated(Builder settings, TargetAddress target, int securityLevel, String authProtocol,
            String privacyProtocol) {
    }

    private volatile Validated config;
    private volatile boolean useLongNames;
    private volatile boolean useNumeric;
    private volatile boolean useSprintValue;
    private volatile boolean useEnums;
    private volatile int bestGuess;
    private volatile boolean retryNoSuch;
    private volatile boolean abortOnNonexistent;

    private Session(Validated config) {
        this.config = config;
        Builder s = config.settings();
        this.useLongNames = s.useLongNames;
        this.useNumeric = s.useNumeric;
        this.useSprintValue = s.useSprintValue;
        this.useEnums = s.useEnums;
        this.bestGuess = s.bestGuess;
        this.retryNoSuch = s.retryNoSuch;
        this.abortOnNonexistent = s.abortOnNonexistent;
    }

    /** A builder with easysnmp's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ getters

    /** The host alone: no port, no transport prefix, no brackets. */
    public String hostname() {
        return config.target().host();
    }

    /** The port requests go to (161, 10161 for tls/dtls, or the one given). */
    public int remotePort() {
        return config.target().port();
    }

    /** {@code udp}, {@code udp6}, {@code tcp}, {@code tcp6}, {@code tls} or {@code dtls}. */
    public String transport() {
        return config.target().transport();
    }

    public int version() {
        return config.settings().version;
    }

    public String community() {
        return config.settings().community;
    }

    /** Seconds per try. */
    public double timeout() {
        return config.settings().timeout;
    }

    public int retries() {
        return config.settings().retries;
    }

    public int localPort() {
        return config.settings().localPort;
    }

    /** As given to the builder (easysnmp keeps the name it was given). */
    public String securityLevel() {
        return config.settings().securityLevel;
    }

    public String securityUsername() {
        return config.settings().securityUsername;
    }

    public String authProtocol() {
        return config.settings().authProtocol;
    }

    public String authPassword() {
        return config.settings().authPassword;
    }

    public String privacyProtocol() {
        return config.settings().privacyProtocol;
    }

    public String privacyPassword() {
        return config.settings().privacyPassword;
    }

    public String contextEngineId() {
        return config.settings().contextEngineId;
    }

    public String securityEngineId() {
        return config.settings().securityEngineId;
    }

    public String context() {
        return config.settings().context;
    }

    public int engineBoots() {
        return config.settings().engineBoots;
    }

    public int engineTime() {
        return config.settings().engineTime;
    }

    public String ourIdentity() {
        return config.settings().ourIdentity;
    }

    public String theirIdentity() {
        return config.settings().theirIdentity;
    }

    public String theirHostname() {
        return config.settings().theirHostname;
    }

    public String trustCert() {
        return config.settings().trustCert;
    }

    public boolean useLongNames() {
        return useLongNames;
    }

    public boolean useNumeric() {
        return useNumeric;
    }

    public boolean useSprintValue() {
        return useSprintValue;
    }

    public boolean useEnums() {
        return useEnums;
    }

    public int bestGuess() {
        return bestGuess;
    }

    public boolean retryNoSuch() {
        return retryNoSuch;
    }

    public boolean abortOnNonexistent() {
        return abortOnNonexistent;
    }

    // ------------------------------------------------------------------ display and lookup flags

    public void setUseLongNames(boolean on) {
        this.useLongNames = on;
    }

    public void setUseNumeric(boolean on) {
        this.useNumeric = on;
    }

    public void setUseSprintValue(boolean on) {
        this.useSprintValue = on;
    }

    public void setUseEnums(boolean on) {
        this.useEnums = on;
    }

    public void setBestGuess(int bestGuess) {
        if (bestGuess < 0 || bestGuess > 2) {
            throw new IllegalArgumentException("bestGuess must be 0, 1 or 2, not " + bestGuess);
        }
        this.bestGuess = bestGuess;
    }

    public void setRetryNoSuch(boolean on) {
        this.retryNoSuch = on;
    }

    public void setAbortOnNonexistent(boolean on) {
        this.abortOnNonexistent = on;
    }

    /**
     * easysnmp's {@code update_session}: applies the changes to a copy of the current settings,
     * validates them, and rebuilds the protocol state so a changed password, user or engine takes
     * effect at once with no stale keys kept.
     *
     * @throws IllegalArgumentException when the changed settings are invalid (nothing is changed then)
     */
    public void updateSession(Consumer<Session.Builder> changes) {
        synchronized (this) {
            Builder b = config.settings().copy();
            b.useLongNames = useLongNames;
            b.useNumeric = useNumeric;
            b.useSprintValue = useSprintValue;
            b.useEnums = useEnums;
            b.bestGuess = bestGuess;
            b.retryNoSuch = retryNoSuch;
            b.abortOnNonexistent = abortOnNonexistent;
            changes.accept(b);
            Validated next = b.validated();
            this.config = next;
            Target old = this.target;
            this.target = null; // addresses, keys and engine state are rebuilt from the new settings
            dropNotifier();
            if (old != null && old.processing() instanceof io.varbind.engine.UsmMessageProcessing usm) {
                usm.destroy();
            }
            if (old != null && old.processing().tls() != null) {
                engine().release(old); // new identities need a new (D)TLS session
            }
            this.useLongNames = b.useLongNames;
            this.useNumeric = b.useNumeric;
            this.useSprintValue = b.useSprintValue;
            this.useEnums = b.useEnums;
            this.bestGuess = b.bestGuess;
            this.retryNoSuch = b.retryNoSuch;
            this.abortOnNonexistent = b.abortOnNonexistent;
        }
    }

    // ------------------------------------------------------------------ operations

    private volatile Target target;

    private MibTree tree() {
        MibTree t = config.settings().mibs;
        return t != null ? t : MibTree.defaultTree();
    }

    private SnmpEngine engine() {
        SnmpEngine e = config.settings().engine;
        return e != null ? e : SnmpEngine.shared();
    }

    /** The engine's target for this session, resolved on first use (never in {@code build()}). */
    private Target target() {
        Target t = target;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (target == null) {
                target = newTarget(config);
            }
            return target;
        }
    }

    private Target newTarget(Validated c) {
        Builder s = c.settings();
        String transport = c.target().transport();
        InetAddress address;
        try {
            address = InetAddress.getByName(c.target().host());
        } catch (UnknownHostException e) {
            throw new SnmpConnectionException("unknown host " + c.target().host(), e);
        }
        if (transport == null) {
            transport = address instanceof java.net.Inet6Address ? "udp6" : "udp";
        }
        boolean tls = "tls".equals(transport) || "dtls".equals(transport);
        int port = c.target().port() == 0 ? (tls ? 10161 : 161) : c.target().port();
        long nanos = Math.max(1_000_000L, (long) (s.timeout * 1e9));
        InetSocketAddress remote = new InetSocketAddress(address, port);
        if (tls) {
            if (s.version != 3) {
                throw new SnmpConnectionException("TLS and DTLS carry SNMPv3 only (RFC 6353): use version(3)");
            }
            return new Target(remote, transport, 3, null, nanos, s.retries, s.localPort, V3Support.tsm(c));
        }
        if (s.version == 3) {
            return new Target(remote, transport, 3, null, nanos, s.retries, s.localPort, V3Support.processing(c));
        }
        return new Target(remote, transport, s.version == 1 ? 0 : 1, Variable.textBytes(s.community), nanos,
                s.retries, s.localPort, null);
    }

    private int[] resolve(String spec) {
        if (spec == null) {
            throw new SnmpUnknownObjectIdException("unknown object id (None)");
        }
        try {
            return tree().resolve(spec, bestGuess).oid();
        } catch (RuntimeException e) {
            throw new SnmpUnknownObjectIdException("unknown object id (" + spec + ")", e);
        }
    }

    private static String joined(String oid, String index) {
        if (index == null || index.isEmpty()) {
            return oid;
        }
        return index.startsWith(".") ? oid + index : oid + "." + index;
    }

    private List<Oid> resolveAll(List<String> oids) {
        List<Oid> out = new ArrayList<>(oids.size());
        for (String o : oids) {
            out.add(Oid.of(resolve(o)));
        }
        return out;
    }

    /** A received varbind as easysnmp returns it, with the display flags of this moment. */
    private SnmpVariable toVariable(VarBind vb, MibTree t) {
        return io.varbind.session.ReceivedVariables.of(vb, t, useLongNames, useNumeric, useSprintValue, useEnums);
    }

    private List<SnmpVariable> toVariables(List<VarBind> vbs) {
        MibTree t = tree();
        List<SnmpVariable> out = new ArrayList<>(vbs.size());
        for (VarBind vb : vbs) {
            out.add(toVariable(vb, t));
        }
        return out;
    }

    private SnmpVariable placeholder(Oid oid) {
        String[] split = EasyNames.split(oid.toArray(), tree(), useLongNames, useNumeric);
        return SnmpVariable.received(split[0], split[1], "NOSUCHNAME", "NOSUCHNAME", null);
    }

    private void checkNonexistent(List<VarBind> vbs) {
        if (!abortOnNonexistent) {
            return;
        }
        for (VarBind vb : vbs) {
            int tag = vb.value().tag();
            if (tag == BerTags.NO_SUCH_OBJECT || tag == BerTags.NO_SUCH_INSTANCE) {
                SnmpVariable v = toVariable(vb, tree());
                if (tag == BerTags.NO_SUCH_OBJECT) {
                    throw new SnmpNoSuchObjectException("no such object " + v.oid() + " with index " + v.oidIndex()
                            + " could be found");
                }
                throw new SnmpNoSuchInstanceException("no such instance " + v.oid() + " with index " + v.oidIndex()
                        + " could be found");
            }
        }
    }

    private static SnmpException errorStatus(Pdu p) {
        if (p.errorStatus() == ErrorStatus.NO_SUCH_NAME) {
            return new SnmpNoSuchNameException("no such name error encountered");
        }
        return new SnmpException(ErrorStatus.text(p.errorStatus()));
    }

    /**
     * GET or GETNEXT of {@code oids}; a v1 noSuchName raises, or with {@code retryNoSuch} drops the
     * failing varbind, asks again for the rest and puts a NOSUCHNAME placeholder in its place.
     */
    private CompletableFuture<List<SnmpVariable>> getOrNext(int type, List<Oid> oids) {
        Target t = target();
        boolean v1 = t.version() == 0;
        boolean retry = retryNoSuch;
        return engine().request(t, Pdu.request(type, oids)).thenCompose(r -> {
            Pdu p = r.pdu();
            if (p.errorStatus() == 0) {
                checkNonexistent(p.varBinds());
                return CompletableFuture.completedFuture(toVariables(p.varBinds()));
            }
            if (v1 && retry && p.errorStatus() == ErrorStatus.NO_SUCH_NAME && p.errorIndex() >= 1
                    && p.errorIndex() <= oids.size()) {
                int bad = p.errorIndex() - 1;
                List<Oid> rest = new ArrayList<>(oids);
                rest.remove(bad);
                CompletableFuture<List<SnmpVariable>> more = rest.isEmpty()
                        ? CompletableFuture.completedFuture(new ArrayList<>()) : getOrNext(type, rest);
                return more.thenApply(list -> {
                    List<SnmpVariable> out = new ArrayList<>(list);
                    out.add(bad, placeholder(oids.get(bad)));
                    return out;
                });
            }
            throw errorStatus(p);
        });
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            io.varbind.engine.ResponseFuture.spinBriefly(f);
            return f.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnmpException("interrupted", e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RuntimeException re) {
            return re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new SnmpException(String.valueOf(e.getMessage()), e);
    }

    private static <T> CompletableFuture<T> failed(RuntimeException e) {
        return CompletableFuture.failedFuture(e);
    }

    // --- get

    public CompletableFuture<List<SnmpVariable>> getAsync(List<String> oids) {
        try {
            return getOrNext(BerTags.GET, resolveAll(oids));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<SnmpVariable> getAsync(String oid) {
        return getAsync(List.of(oid)).thenApply(l -> l.get(0));
    }

    public CompletableFuture<SnmpVariable> getAsync(String oid, String index) {
        return getAsync(joined(oid, index));
    }

    public SnmpVariable get(String oid) {
        return join(getAsync(oid));
    }

    public SnmpVariable get(String oid, String index) {
        return join(getAsync(oid, index));
    }

    public List<SnmpVariable> get(List<String> oids) {
        return join(getAsync(oids));
    }

    // --- get next

    public CompletableFuture<List<SnmpVariable>> getNextAsync(List<String> oids) {
        try {
            return getOrNext(BerTags.GETNEXT, resolveAll(oids));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<SnmpVariable> getNextAsync(String oid) {
        return getNextAsync(List.of(oid)).thenApply(l -> l.get(0));
    }

    public CompletableFuture<SnmpVariable> getNextAsync(String oid, String index) {
        return getNextAsync(joined(oid, index));
    }

    public SnmpVariable getNext(String oid) {
        return join(getNextAsync(oid));
    }

    public SnmpVariable getNext(String oid, String index) {
        return join(getNextAsync(oid, index));
    }

    public List<SnmpVariable> getNext(List<String> oids) {
        return join(getNextAsync(oids));
    }

    // --- get bulk

    private void refuseV1(String what) {
        if (config.settings().version == 1) {
            throw new SnmpException(what + " is not available in SNMPv1");
        }
    }

    public CompletableFuture<List<SnmpVariable>> getBulkAsync(List<String> oids, int nonRepeaters, int maxRepetitions) {
        try {
            refuseV1("getbulk");
            if (nonRepeaters < 0 || maxRepetitions < 0) {
                throw new IllegalArgumentException("non-repeaters and max-repetitions must not be negative");
            }
            List<Oid> resolved = resolveAll(oids);
            return engine().request(target(), Pdu.getBulk(nonRepeaters, maxRepetitions, resolved)).thenApply(r -> {
                if (r.pdu().errorStatus() != 0) {
                    throw errorStatus(r.pdu());
                }
                return toVariables(r.pdu().varBinds());
            });
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<List<SnmpVariable>> getBulkAsync(List<String> oids) {
        return getBulkAsync(oids, 0, 10);
    }

    public List<SnmpVariable> getBulk(List<String> oids) {
        return join(getBulkAsync(oids));
    }

    public List<SnmpVariable> getBulk(List<String> oids, int nonRepeaters, int maxRepetitions) {
        return join(getBulkAsync(oids, nonRepeaters, maxRepetitions));
    }

    // --- walks

    private static final String DEFAULT_WALK = ".1.3.6.1.2.1";

    private CompletableFuture<List<SnmpVariable>> walkAsync(String oid, boolean bulk, int nonRepeaters,
            int maxRepetitions) {
        try {
            if (bulk) {
                refuseV1("bulkwalk");
            }
            Oid root = Oid.of(resolve(oid));
            return engine().walk(target(), root, bulk, nonRepeaters, maxRepetitions).thenApply(this::toVariables);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<List<SnmpVariable>> walkAsync(String oid) {
        return walkAsync(oid, false, 0, 0);
    }

    public CompletableFuture<List<SnmpVariable>> walkAsync() {
        return walkAsync(DEFAULT_WALK);
    }

    public List<SnmpVariable> walk() {
        return join(walkAsync());
    }

    public List<SnmpVariable> walk(String oid) {
        return join(walkAsync(oid));
    }

    public CompletableFuture<List<SnmpVariable>> bulkwalkAsync(String oid, int nonRepeaters, int maxRepetitions) {
        if (maxRepetitions < 1) {
            return failed(new IllegalArgumentException("max-repetitions must be at least 1"));
        }
        return walkAsync(oid, true, nonRepeaters, maxRepetitions);
    }

    public CompletableFuture<List<SnmpVariable>> bulkwalkAsync(String oid) {
        return bulkwalkAsync(oid, 0, 10);
    }

    public CompletableFuture<List<SnmpVariable>> bulkwalkAsync() {
        return bulkwalkAsync(DEFAULT_WALK);
    }

    public List<SnmpVariable> bulkwalk() {
        return join(bulkwalkAsync());
    }

    public List<SnmpVariable> bulkwalk(String oid) {
        return join(bulkwalkAsync(oid));
    }

    public List<SnmpVariable> bulkwalk(String oid, int nonRepeaters, int maxRepetitions) {
        return join(bulkwalkAsync(oid, nonRepeaters, maxRepetitions));
    }

    /**
     * Streams a walk: {@code sink} gets each response's variables as they arrive; the future
     * completes with the walk's summary once it ends (variables, requests, and the exception value
     * that ended it inside the subtree, which snmpwalk prints and {@link #walk} leaves out). For the
     * command line and pollers that must not hold a whole table in memory.
     */
    public CompletableFuture<io.varbind.engine.Walk.WalkSummary> walkStreaming(String oid, boolean bulk,
            int maxRepetitions,
            java.util.function.Consumer<List<SnmpVariable>> sink) {
        try {
            if (bulk) {
                refuseV1("bulkwalk");
            }
            Oid root = Oid.of(resolve(oid));
            return engine().walk(target(), root, bulk, 0, maxRepetitions, vbs -> sink.accept(toVariables(vbs)));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    // --- set

    private VarBind setBinding(String name, Object value, String snmpType) {
        int[] arcs = resolve(name);
        MibTree t = tree();
        Match m = t.lookup(arcs, arcs.length);
        MibNode node = m == null || m.node() == null || m.node().baseType() == null ? null : m.node();
        return new VarBind(Oid.of(arcs), SetValues.convert(name, value, snmpType, node, t));
    }

    private CompletableFuture<Boolean> sendSet(List<VarBind> vbs) {
        return engine().request(target(), new Pdu(BerTags.SET, 0, 0, 0, vbs)).thenApply(r -> {
            if (r.pdu().errorStatus() != 0) {
                throw errorStatus(r.pdu());
            }
            return Boolean.TRUE;
        });
    }

    public CompletableFuture<Boolean> setAsync(String oid, Object value, String snmpType) {
        try {
            return sendSet(List.of(setBinding(oid, value, snmpType)));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<Boolean> setAsync(String oid, Object value) {
        return setAsync(oid, value, null);
    }

    public CompletableFuture<Boolean> setAsync(SnmpVariable variable) {
        return setMultipleAsync(List.of(variable));
    }

    public CompletableFuture<Boolean> setMultipleAsync(List<SnmpVariable> oidValues) {
        try {
            List<VarBind> vbs = new ArrayList<>(oidValues.size());
            for (SnmpVariable v : oidValues) {
                vbs.add(setBinding(v.name(), v.value(), v.snmpType()));
            }
            return sendSet(vbs);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public boolean set(String oid, Object value) {
        return join(setAsync(oid, value));
    }

    public boolean set(String oid, Object value, String snmpType) {
        return join(setAsync(oid, value, snmpType));
    }

    public boolean set(SnmpVariable variable) {
        return join(setAsync(variable));
    }

    public boolean setMultiple(List<SnmpVariable> oidValues) {
        return join(setMultipleAsync(oidValues));
    }

    // --- notifications (the logic is io.varbind.session.NotificationSender's)

    /** The notification originator of the current settings, made on first use. */
    private io.varbind.session.NotificationSender notifications() {
        io.varbind.session.NotificationSender n = notifier;
        if (n != null) {
            return n;
        }
        synchronized (this) {
            if (notifier == null) {
                Validated c = config;
                Target t = target();
                boolean v3usm = t.version() == 3 && t.processing().tls() == null;
                notifier = new io.varbind.session.NotificationSender(engine(), t, c.target().port() != 0,
                        v3usm ? V3Support.trapProcessing(c) : null,
                        t.version() == 3 ? V3Support.informProcessing(c, t.processing()) : null,
                        this::setBinding, this::resolve);
            }
            return notifier;
        }
    }

    private volatile io.varbind.session.NotificationSender notifier;

    private void dropNotifier() {
        io.varbind.session.NotificationSender n = notifier;
        notifier = null;
        if (n != null) {
            n.destroy();
        }
    }

    /** Sends an SNMPv2-Trap (v2c, v3): sysUpTime.0 and snmpTrapOID.0 first, then {@code variables} as {@code set} takes them. */
    public CompletableFuture<Void> trapAsync(String trapOid, List<SnmpVariable> variables) {
        try {
            return notifications().trap(trapOid, variables);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public void trap(String trapOid, List<SnmpVariable> variables) {
        join(trapAsync(trapOid, variables));
    }

    /** Sends an InformRequest (v2c, v3) and completes when the receiver acknowledges it. */
    public CompletableFuture<Void> informAsync(String trapOid, List<SnmpVariable> variables) {
        try {
            return notifications().inform(trapOid, variables);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public void inform(String trapOid, List<SnmpVariable> variables) {
        join(informAsync(trapOid, variables));
    }

    /** Sends an SNMPv1 Trap-PDU (version 1 sessions). */
    public CompletableFuture<Void> trapV1Async(String enterprise, String agentAddress, int genericTrap,
            int specificTrap, List<SnmpVariable> variables) {
        try {
            return notifications().trapV1(enterprise, agentAddress, genericTrap, specificTrap, variables);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public void trapV1(String enterprise, String agentAddress, int genericTrap, int specificTrap,
            List<SnmpVariable> variables) {
        join(trapV1Async(enterprise, agentAddress, genericTrap, specificTrap, variables));
    }

    /** Releases this session's state (its localized keys are zeroed); the engine stays up. No checked exception. */
    @Override
    public void close() {
        dropNotifier();
        Target t = target;
        target = null;
        if (t != null && t.processing() instanceof io.varbind.engine.UsmMessageProcessing usm) {
            usm.destroy();
        }
        if (t != null && t.processing().tls() != null) {
            engine().release(t); // the (D)TLS session belongs to this Session's certificates alone
        }
    }
}
