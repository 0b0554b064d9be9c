package io.varbind;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.engine.Target;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.session.ErrorStatus;
import io.varbind.session.RequestNames;
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

        MibTree mibsValue() {
            return mibs;
        }

        Builder copy() {
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

    /**
     * Everything one call uses, taken together when it starts: the validated settings, the
     * display and lookup flags, the MIB tree, the engine and the engine's target. Never changed:
     * the flag setters, {@link #updateSession} and {@link #close} publish a new one, so a call
     * running beside them sees either all of the old or all of the new, never a mix.
     *
     * @param tree null until the first call resolves it
     * @param target null until the first request resolves it (build() never touches the network)
     */
    private record State(Validated config, MibTree tree, SnmpEngine engine, Target target, int flags, int bestGuess,
            boolean closed) {

        boolean flag(int bit) {
            return (flags & bit) != 0;
        }

        State withFlag(int bit, boolean on) {
            return new State(config, tree, engine, target, on ? flags | bit : flags & ~bit, bestGuess, closed);
        }

        State withBestGuess(int g) {
            return new State(config, tree, engine, target, flags, g, closed);
        }

        State withTree(MibTree t) {
            return new State(config, t, engine, target, flags, bestGuess, closed);
        }

        State withTarget(Target t) {
            return new State(config, tree, engine, t, flags, bestGuess, closed);
        }

        State asClosed() {
            return new State(config, tree, engine, null, flags, bestGuess, true);
        }

        static State of(Validated config) {
            Builder b = config.settings();
            int f = (b.useLongNames ? LONG_NAMES : 0) | (b.useNumeric ? NUMERIC : 0)
                    | (b.useSprintValue ? SPRINT_VALUE : 0) | (b.useEnums ? ENUMS : 0)
                    | (b.retryNoSuch ? RETRY_NO_SUCH : 0) | (b.abortOnNonexistent ? ABORT_ON_NONEXISTENT : 0);
            // an explicit tree is known now; the default one is found on first use (it reads the MIB path)
            return new State(config, b.mibs, b.engine, null, f, b.bestGuess, false);
        }
    }

    private static final int LONG_NAMES = 1;
    private static final int NUMERIC = 2;
    private static final int SPRINT_VALUE = 4;
    private static final int ENUMS = 8;
    private static final int RETRY_NO_SUCH = 16;
    private static final int ABORT_ON_NONEXISTENT = 32;

    private volatile State state;

    private Session(Validated config) {
        this.state = State.of(config);
    }

    /** A builder with easysnmp's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ getters

    /** The host alone: no port, no transport prefix, no brackets. */
    public String hostname() {
        return state.config().target().host();
    }

    /** The port requests go to (161, 10161 for tls/dtls, or the one given). */
    public int remotePort() {
        return state.config().target().port();
    }

    /** {@code udp}, {@code udp6}, {@code tcp}, {@code tcp6}, {@code tls} or {@code dtls}. */
    public String transport() {
        return state.config().target().transport();
    }

    public int version() {
        return state.config().settings().version;
    }

    public String community() {
        return state.config().settings().community;
    }

    /** Seconds per try. */
    public double timeout() {
        return state.config().settings().timeout;
    }

    public int retries() {
        return state.config().settings().retries;
    }

    public int localPort() {
        return state.config().settings().localPort;
    }

    /** As given to the builder (easysnmp keeps the name it was given). */
    public String securityLevel() {
        return state.config().settings().securityLevel;
    }

    public String securityUsername() {
        return state.config().settings().securityUsername;
    }

    public String authProtocol() {
        return state.config().settings().authProtocol;
    }

    public String authPassword() {
        return state.config().settings().authPassword;
    }

    public String privacyProtocol() {
        return state.config().settings().privacyProtocol;
    }

    public String privacyPassword() {
        return state.config().settings().privacyPassword;
    }

    public String contextEngineId() {
        return state.config().settings().contextEngineId;
    }

    public String securityEngineId() {
        return state.config().settings().securityEngineId;
    }

    public String context() {
        return state.config().settings().context;
    }

    public int engineBoots() {
        return state.config().settings().engineBoots;
    }

    public int engineTime() {
        return state.config().settings().engineTime;
    }

    public String ourIdentity() {
        return state.config().settings().ourIdentity;
    }

    public String theirIdentity() {
        return state.config().settings().theirIdentity;
    }

    public String theirHostname() {
        return state.config().settings().theirHostname;
    }

    public String trustCert() {
        return state.config().settings().trustCert;
    }

    public boolean useLongNames() {
        return state.flag(LONG_NAMES);
    }

    public boolean useNumeric() {
        return state.flag(NUMERIC);
    }

    public boolean useSprintValue() {
        return state.flag(SPRINT_VALUE);
    }

    public boolean useEnums() {
        return state.flag(ENUMS);
    }

    public int bestGuess() {
        return state.bestGuess();
    }

    public boolean retryNoSuch() {
        return state.flag(RETRY_NO_SUCH);
    }

    public boolean abortOnNonexistent() {
        return state.flag(ABORT_ON_NONEXISTENT);
    }

    /** Whether {@link #close()} was called: every operation then fails with an {@link SnmpException}. */
    public boolean isClosed() {
        return state.closed();
    }

    // ------------------------------------------------------------------ display and lookup flags

    public void setUseLongNames(boolean on) {
        setFlag(LONG_NAMES, on);
    }

    public void setUseNumeric(boolean on) {
        setFlag(NUMERIC, on);
    }

    public void setUseSprintValue(boolean on) {
        setFlag(SPRINT_VALUE, on);
    }

    public void setUseEnums(boolean on) {
        setFlag(ENUMS, on);
    }

    public void setBestGuess(int bestGuess) {
        if (bestGuess < 0 || bestGuess > 2) {
            throw new IllegalArgumentException("bestGuess must be 0, 1 or 2, not " + bestGuess);
        }
        synchronized (this) {
            state = state.withBestGuess(bestGuess);
        }
    }

    public void setRetryNoSuch(boolean on) {
        setFlag(RETRY_NO_SUCH, on);
    }

    public void setAbortOnNonexistent(boolean on) {
        setFlag(ABORT_ON_NONEXISTENT, on);
    }

    private synchronized void setFlag(int bit, boolean on) {
        state = state.withFlag(bit, on);
    }

    /**
     * easysnmp's {@code update_session}: applies the changes to a copy of the current settings,
     * validates them, and rebuilds the protocol state so a changed password, user or engine takes
     * effect at once with no stale keys kept. The default MIB tree is looked up again too, so MIB
     * files changed on the search path since the session was built (or last updated) are seen.
     * Calls already running finish with the settings they started with.
     *
     * @throws IllegalArgumentException when the changed settings are invalid (nothing is changed then)
     * @throws SnmpException when the session is closed
     */
    public void updateSession(Consumer<Session.Builder> changes) {
        synchronized (this) {
            State old = state;
            if (old.closed()) {
                throw closedError();
            }
            Builder b = old.config().settings().copy();
            b.useLongNames = old.flag(LONG_NAMES);
            b.useNumeric = old.flag(NUMERIC);
            b.useSprintValue = old.flag(SPRINT_VALUE);
            b.useEnums = old.flag(ENUMS);
            b.bestGuess = old.bestGuess();
            b.retryNoSuch = old.flag(RETRY_NO_SUCH);
            b.abortOnNonexistent = old.flag(ABORT_ON_NONEXISTENT);
            changes.accept(b);
            // addresses, keys and engine state are rebuilt from the new settings on the next call
            state = State.of(b.validated());
            dropNotifier();
            release(old);
        }
    }

    // ------------------------------------------------------------------ operations

    private static SnmpException closedError() {
        return new SnmpException("the session is closed");
    }

    /** The state a call starts with, its MIB tree resolved (once per session or update). */
    private State named() {
        State s = state;
        if (s.closed()) {
            throw closedError();
        }
        if (s.tree() != null && s.engine() != null && !staleSharedEngine(s)) {
            return s;
        }
        synchronized (this) {
            State cur = state;
            if (cur.closed()) {
                throw closedError();
            }
            if (cur.tree() == null || cur.engine() == null || staleSharedEngine(cur)) {
                // the default tree reads the MIB search path (folders and modification times): once here
                MibTree t = cur.tree() != null ? cur.tree() : MibTree.defaultTree();
                SnmpEngine e = cur.engine() != null && !staleSharedEngine(cur) ? cur.engine() : SnmpEngine.shared();
                cur = new State(cur.config(), t, e, cur.target(), cur.flags(), cur.bestGuess(), false);
                state = cur;
            }
            return cur;
        }
    }

    /** The shared engine this session took was closed: {@link SnmpEngine#shared()} makes a new one. */
    private static boolean staleSharedEngine(State s) {
        return s.config().settings().engine == null && s.engine() != null && s.engine().isClosed();
    }

    /**
     * The engine's target for the call that started with {@code s}, resolved on first use (never
     * in {@code build()}) from the same settings as the rest of that call.
     */
    private Target target(State s) {
        Target t = s.target();
        if (t != null) {
            return t;
        }
        synchronized (this) {
            State cur = state;
            if (cur.closed()) {
                throw closedError();
            }
            if (cur.config() == s.config()) {
                if (cur.target() == null) {
                    cur = cur.withTarget(newTarget(cur.config()));
                    state = cur;
                }
                return cur.target();
            }
        }
        // updateSession ran since this call started: the call keeps its own settings with a target
        // of its own, whose keys are dropped when it ends
        return newTarget(s.config());
    }

    private static void release(State s) {
        Target t = s.target();
        if (t == null) {
            return;
        }
        if (t.processing() instanceof io.varbind.engine.UsmMessageProcessing usm) {
            usm.destroy();
        }
        if (t.processing().tls() != null) {
            s.engine().release(t); // the (D)TLS session belongs to this Session's certificates alone
        }
    }

    /** Sends one PDU with the call's own state; a target made for this call alone is released after it. */
    private CompletableFuture<io.varbind.engine.Response> request(State s, Pdu pdu) {
        Target t = target(s);
        CompletableFuture<io.varbind.engine.Response> f = s.engine().request(t, pdu);
        return t == s.target() || t == state.target() ? f : f.whenComplete((r, e) -> release(s.withTarget(t)));
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

    private static int[] resolve(State s, String spec) {
        return RequestNames.resolve(s.tree(), spec, s.bestGuess());
    }

    private static String joined(String oid, String index) {
        if (index == null || index.isEmpty()) {
            return oid;
        }
        return index.startsWith(".") ? oid + index : oid + "." + index;
    }

    private static List<Oid> resolveAll(State s, List<String> oids) {
        List<Oid> out = new ArrayList<>(oids.size());
        for (String o : oids) {
            out.add(Oid.of(RequestNames.wireForm(resolve(s, o))));
        }
        return out;
    }

    /** A received varbind as easysnmp returns it, with the display flags the call started with. */
    private static SnmpVariable toVariable(VarBind vb, State s) {
        return io.varbind.session.ReceivedVariables.of(vb, s.tree(), s.flag(LONG_NAMES), s.flag(NUMERIC),
                s.flag(SPRINT_VALUE), s.flag(ENUMS));
    }

    private static List<SnmpVariable> toVariables(List<VarBind> vbs, State s) {
        List<SnmpVariable> out = new ArrayList<>(vbs.size());
        for (int i = 0, n = vbs.size(); i < n; i++) {
            out.add(toVariable(vbs.get(i), s));
        }
        return out;
    }

    /** easysnmp leaves the requested variable as the caller spelt it, under every display flag. */
    private static SnmpVariable placeholder(String spec) {
        String[] split = RequestNames.split(spec);
        return SnmpVariable.received(split[0], split[1], "NOSUCHNAME", "NOSUCHNAME", null);
    }

    /** The requested variables with no value and no type, as easysnmp returns them from an empty answer. */
    private static List<SnmpVariable> unanswered(List<String> specs) {
        List<SnmpVariable> out = new ArrayList<>(specs.size());
        for (String spec : specs) {
            String[] split = RequestNames.split(spec);
            out.add(SnmpVariable.received(split[0], split[1] == null ? "" : split[1], null, null, null));
        }
        return out;
    }

    private static void checkNonexistent(List<VarBind> vbs, State s) {
        if (!s.flag(ABORT_ON_NONEXISTENT)) {
            return;
        }
        for (VarBind vb : vbs) {
            int tag = vb.value().tag();
            if (tag == BerTags.NO_SUCH_OBJECT || tag == BerTags.NO_SUCH_INSTANCE) {
                throw nonexistent(tag, toVariable(vb, s));
            }
        }
    }

    private static SnmpException errorStatus(Pdu p) {
        if (p.errorStatus() == ErrorStatus.NO_SUCH_NAME) {
            return new SnmpNoSuchNameException("no such name error encountered");
        }
        return new SnmpException(ErrorStatus.text(p.errorStatus()));
    }

    /** The variables of an answer without an error status (else its exception). */
    private static List<SnmpVariable> answered(Pdu p, State s) {
        if (p.errorStatus() != 0) {
            throw errorStatus(p);
        }
        if (p.isDeferred()) {
            return fromOctets(p, s, Integer.MAX_VALUE, true);
        }
        checkNonexistent(p.varBinds(), s);
        return toVariables(p.varBinds(), s);
    }

    /** A thread's cursor over received octets, for one answer at a time. */
    private static final class Scratch {
        final io.varbind.codec.VarBindCursor cursor = new io.varbind.codec.VarBindCursor();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * The first {@code max} variables of a deferred answer read straight from its octets, no
     * varbind objects between; when {@code checkNonexistent} and the session's {@code abortOnNonexistent}, the first noSuchObject or
     * noSuchInstance among all of them raises, as {@link #checkNonexistent} does.
     */
    private static List<SnmpVariable> fromOctets(Pdu p, State s, int max, boolean checkNonexistent) {
        Scratch sc = SCRATCH.get();
        io.varbind.codec.VarBindCursor c = sc.cursor.reset(p);
        boolean abort = checkNonexistent && s.flag(ABORT_ON_NONEXISTENT);
        List<SnmpVariable> out = new ArrayList<>(Math.min(max, 16));
        io.varbind.session.ReceivedVariables.Format format = null;
        while (c.next()) {
            int tag = c.valueTag();
            boolean nonexistent = abort && (tag == BerTags.NO_SUCH_OBJECT || tag == BerTags.NO_SUCH_INSTANCE);
            if (out.size() < max || nonexistent) {
                if (format == null) {
                    format = new io.varbind.session.ReceivedVariables.Format(s.tree(), s.flag(LONG_NAMES),
                            s.flag(NUMERIC), s.flag(SPRINT_VALUE), s.flag(ENUMS));
                }
                SnmpVariable v = format.of(c); // kept as its octets, formatted on first use
                if (nonexistent) {
                    throw nonexistent(tag, v);
                }
                out.add(v);
            } else if (!abort) {
                break;
            }
        }
        return out;
    }

    private static SnmpException nonexistent(int tag, SnmpVariable v) {
        // as easysnmp's validate_results: the index named only when there is one
        String what = v.oid() + (v.oidIndex() == null || v.oidIndex().isEmpty() ? "" : " with index " + v.oidIndex());
        if (tag == BerTags.NO_SUCH_OBJECT) {
            return new SnmpNoSuchObjectException("no such object " + what + " could be found");
        }
        return new SnmpNoSuchInstanceException("no such instance " + what + " could be found");
    }

    /**
     * GET or GETNEXT of {@code oids}; a v1 noSuchName raises, or with {@code retryNoSuch} drops the
     * failing varbind, asks again for the rest and puts a NOSUCHNAME placeholder in its place.
     * One stage on the engine's future unless a v1 retry may be needed.
     */
    private CompletableFuture<List<SnmpVariable>> getOrNext(State s, int type, List<String> specs, List<Oid> oids) {
        boolean retry = s.flag(RETRY_NO_SUCH) && s.config().settings().version == 1;
        CompletableFuture<io.varbind.engine.Response> f = request(s, Pdu.request(type, oids));
        if (!retry) {
            return f.thenApply(r -> answered(r.pdu(), s));
        }
        return f.thenCompose(r -> {
            Pdu p = r.pdu();
            if (p.errorStatus() == ErrorStatus.NO_SUCH_NAME && p.errorIndex() >= 1 && p.errorIndex() <= oids.size()) {
                int bad = p.errorIndex() - 1;
                List<Oid> rest = new ArrayList<>(oids);
                rest.remove(bad);
                List<String> restSpecs = new ArrayList<>(specs);
                restSpecs.remove(bad);
                CompletableFuture<List<SnmpVariable>> more = rest.isEmpty()
                        ? CompletableFuture.completedFuture(new ArrayList<>()) : getOrNext(s, type, restSpecs, rest);
                return more.thenApply(list -> {
                    List<SnmpVariable> out = new ArrayList<>(list);
                    out.add(bad, placeholder(specs.get(bad)));
                    return out;
                });
            }
            return CompletableFuture.completedFuture(answered(p, s));
        });
    }

    /**
     * The request PDUs of recent single-OID calls, by OID spelling, PDU type, tree and bestGuess:
     * a poller asks for the same OIDs again and again, and a PDU is immutable, so each is resolved
     * and built once. Unsynchronised on purpose: entries are immutable records (safely published
     * by their final fields), and a lost write costs one more resolution.
     */
    private record Prepared(int type, String spec, MibTree tree, int bestGuess, Pdu pdu) {
    }

    private final Prepared[] prepared = new Prepared[8];

    private Pdu preparedRequest(State s, int type, String spec) {
        if (spec == null) {
            throw new SnmpUnknownObjectIdException("unknown object id (None)");
        }
        int slot = (spec.hashCode() ^ type) & (prepared.length - 1);
        Prepared p = prepared[slot];
        if (p != null && p.type() == type && p.tree() == s.tree() && p.bestGuess() == s.bestGuess()
                && p.spec().equals(spec)) {
            return p.pdu();
        }
        Pdu pdu = Pdu.request(type, List.of(Oid.of(RequestNames.wireForm(resolve(s, spec)))));
        prepared[slot] = new Prepared(type, spec, s.tree(), s.bestGuess(), pdu);
        return pdu;
    }

    /** GET or GETNEXT of one OID: its variable straight from the answer, in one stage. */
    private CompletableFuture<SnmpVariable> getOrNextOne(int type, String oid) {
        try {
            State s = named();
            Pdu pdu = preparedRequest(s, type, oid);
            if (s.flag(RETRY_NO_SUCH) && s.config().settings().version == 1) {
                return getOrNext(s, type, List.of(oid), List.of(pdu.varBinds().get(0).oid())).thenApply(l -> l.get(0));
            }
            return request(s, pdu).thenApply(r -> {
                Pdu p = r.pdu();
                if (p.errorStatus() != 0) {
                    throw errorStatus(p);
                }
                List<SnmpVariable> vs;
                if (p.isDeferred()) {
                    vs = fromOctets(p, s, 1, true);
                } else {
                    checkNonexistent(p.varBinds(), s);
                    vs = p.varBinds().isEmpty() ? List.of() : List.of(toVariable(p.varBinds().get(0), s));
                }
                if (vs.isEmpty()) {
                    throw new SnmpException("the agent answered without a variable");
                }
                return vs.get(0);
            });
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * What this session's blocking waits took lately: whether the next one spins before parking
     * (only one-request calls count; a walk's wait says nothing of one answer's).
     */
    private final io.varbind.engine.AnswerTime answerTime = new io.varbind.engine.AnswerTime();

    /** The result of a call of one request (or one with retries), blocking. */
    private <T> T join(CompletableFuture<T> f) {
        long w = answerTime.beforeWait(f);
        try {
            return joinParked(f);
        } finally {
            answerTime.afterWait(w);
        }
    }

    /** The result of a call of many requests (walks, tables), parking at once. */
    private static <T> T joinParked(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnmpException("interrupted", e);
        }
    }

    /** easysnmp's text for a request that got no answer after every retry. */
    static final String TIMED_OUT = "timed out while connecting to remote host";

    private static RuntimeException rethrow(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SnmpTimeoutException t) {
            // easysnmp's words, made on the caller's thread, with what the engine knew beyond the
            // silence; the engine's own (address, tries) is the cause
            return new SnmpTimeoutException(TIMED_OUT + t.hint, t);
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
            State s = named();
            return getOrNext(s, BerTags.GET, oids, resolveAll(s, oids));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * A GET sent again and again with the same names (the {@link Poller}'s, every interval): the
     * names are resolved and the request PDU built once against the session's state, and reused
     * while that state lasts (a PDU is immutable). Resolving ten names cost about a third of the
     * poller's scheduler thread per poll.
     */
    static final class PreparedGet {
        /** What resolution depends on (the state itself changes once its target is made). */
        private final MibTree tree;
        private final int bestGuess;
        private final List<String> specs;
        private final Pdu pdu;

        private PreparedGet(State state, List<String> specs, Pdu pdu) {
            this.tree = state.tree();
            this.bestGuess = state.bestGuess();
            this.specs = specs;
            this.pdu = pdu;
        }
    }

    /**
     * Resolves {@code oids} once for {@link #getAsync(PreparedGet)}; throws as {@link #get(List)}
     * would. {@code like}, a GET prepared on another session, lends its PDU when it asks for the same
     * names on the same MIB tree and bestGuess (10,000 targets polling the same OIDs share one).
     */
    PreparedGet prepareGet(List<String> oids, PreparedGet like) {
        State s = named();
        if (like != null && like.tree == s.tree() && like.bestGuess == s.bestGuess() && like.specs.equals(oids)) {
            return new PreparedGet(s, like.specs, like.pdu);
        }
        return new PreparedGet(s, List.copyOf(oids), Pdu.request(BerTags.GET, resolveAll(s, oids)));
    }

    /** {@link #getAsync(List)} of a prepared GET; resolved again when the session's tree or bestGuess changed. */
    CompletableFuture<List<SnmpVariable>> getAsync(PreparedGet g) {
        try {
            State s = named();
            if (s.tree() != g.tree || s.bestGuess() != g.bestGuess
                    || (s.flag(RETRY_NO_SUCH) && s.config().settings().version == 1)) {
                return getAsync(g.specs);
            }
            return request(s, g.pdu).thenApply(r -> answered(r.pdu(), s));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<SnmpVariable> getAsync(String oid) {
        return getOrNextOne(BerTags.GET, oid);
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
            State s = named();
            return getOrNext(s, BerTags.GETNEXT, oids, resolveAll(s, oids));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public CompletableFuture<SnmpVariable> getNextAsync(String oid) {
        return getOrNextOne(BerTags.GETNEXT, oid);
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

    /** easysnmp's refusals of GETBULK operations on a version 1 session, word for word. */
    private static final String V1_GETBULK = "you cannot perform a bulk GET operation for SNMP version 1";
    private static final String V1_BULKWALK = "BULKWALK is not available for SNMP version 1";

    /** Negative GETBULK counts, refused before anything is sent, as easysnmp refuses them (max-repetitions first). */
    private static void checkBulkCounts(int nonRepeaters, int maxRepetitions) {
        if (maxRepetitions < 0) {
            throw new SnmpException("Bad value for max-repetitions");
        }
        if (nonRepeaters < 0) {
            throw new SnmpException("Bad value for non-repeaters");
        }
    }

    private static void refuseV1(State s, String message) {
        if (s.config().settings().version == 1) {
            throw new SnmpException(message);
        }
    }

    public CompletableFuture<List<SnmpVariable>> getBulkAsync(List<String> oids, int nonRepeaters, int maxRepetitions) {
        try {
            State s = named();
            refuseV1(s, V1_GETBULK);
            checkBulkCounts(nonRepeaters, maxRepetitions);
            List<Oid> resolved = resolveAll(s, oids);
            return request(s, Pdu.getBulk(nonRepeaters, maxRepetitions, resolved)).thenApply(r -> {
                if (r.pdu().errorStatus() != 0) {
                    throw errorStatus(r.pdu());
                }
                List<SnmpVariable> vs = r.pdu().isDeferred() ? fromOctets(r.pdu(), s, Integer.MAX_VALUE, false)
                        : toVariables(r.pdu().varBinds(), s);
                if (vs.isEmpty()) {
                    return unanswered(oids); // as easysnmp, which then leaves the request's list as it was
                }
                return vs;
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
            State s = named();
            if (bulk) {
                refuseV1(s, V1_BULKWALK);
            }
            Oid root = Oid.of(resolve(s, oid));
            // each varbind becomes a variable as it is read from the response's octets
            List<SnmpVariable> out = new ArrayList<>();
            return walk(s, root, bulk, nonRepeaters, maxRepetitions, new Collecting(reader(s), out)).thenApply(summary -> {
                if (summary.endOfMib()) {
                    // a v1 agent's noSuchName at the end of its view: easysnmp raises it, results and all
                    throw new SnmpNoSuchNameException("no such name error encountered");
                }
                return out;
            });
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
        return joinParked(walkAsync());
    }

    public List<SnmpVariable> walk(String oid) {
        return joinParked(walkAsync(oid));
    }

    public CompletableFuture<List<SnmpVariable>> bulkwalkAsync(String oid, int nonRepeaters, int maxRepetitions) {
        try {
            checkBulkCounts(nonRepeaters, maxRepetitions);
        } catch (SnmpException e) {
            return failed(e);
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
        return joinParked(bulkwalkAsync());
    }

    public List<SnmpVariable> bulkwalk(String oid) {
        return joinParked(bulkwalkAsync(oid));
    }

    public List<SnmpVariable> bulkwalk(String oid, int nonRepeaters, int maxRepetitions) {
        return joinParked(bulkwalkAsync(oid, nonRepeaters, maxRepetitions));
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
            State s = named();
            if (bulk) {
                refuseV1(s, V1_BULKWALK);
            }
            Oid root = Oid.of(resolve(s, oid));
            return walk(s, root, bulk, 0, maxRepetitions, new Collecting(reader(s), null) {
                @Override
                public void endOfResponse() {
                    if (!out.isEmpty()) {
                        sink.accept(out);
                        out = new ArrayList<>();
                    }
                }
            });
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * Streams a walk as the engine received it: {@code sink} gets each varbind the walk keeps, on
     * the engine's thread, for v1/v2c straight from the answer's octets through a cursor (no
     * {@link SnmpVariable} made), then {@link io.varbind.engine.VarBindSink#endOfResponse()} per
     * answer. The session's name resolution, target and walk rules are those of {@link #walkStreaming};
     * its display flags do not apply. For printers (the command line) and pipelines that format
     * values themselves.
     */
    public CompletableFuture<io.varbind.engine.Walk.WalkSummary> walkVarBinds(String oid, boolean bulk,
            int maxRepetitions, io.varbind.engine.VarBindSink sink) {
        try {
            State s = named();
            if (bulk) {
                refuseV1(s, V1_BULKWALK);
            }
            return walk(s, Oid.of(resolve(s, oid)), bulk, 0, maxRepetitions, sink);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    // --- requests answered as received (printers, pipelines that format values themselves)

    /**
     * GET of {@code oids}, the answer handed over as received: {@code sink} gets each of its
     * varbinds in order (for v1/v2c straight from the answer's octets through a cursor, no
     * {@link SnmpVariable} made), then {@link io.varbind.engine.VarBindSink#endOfResponse()}; the
     * future completes with the answer (its error status and index: the varbinds are handed over
     * whatever they say, a v1 noSuchName included). Name resolution and the target are the
     * session's; its display flags, {@code retryNoSuch} and {@code abortOnNonexistent} do not apply.
     */
    public CompletableFuture<io.varbind.engine.Response> getVarBinds(List<String> oids,
            io.varbind.engine.VarBindSink sink) {
        return requestVarBinds(BerTags.GET, oids, 0, 0, sink);
    }

    /** GETNEXT of {@code oids}, the answer handed over as received, as {@link #getVarBinds}. */
    public CompletableFuture<io.varbind.engine.Response> getNextVarBinds(List<String> oids,
            io.varbind.engine.VarBindSink sink) {
        return requestVarBinds(BerTags.GETNEXT, oids, 0, 0, sink);
    }

    /** GETBULK of {@code oids} (v2c, v3), the answer handed over as received, as {@link #getVarBinds}. */
    public CompletableFuture<io.varbind.engine.Response> getBulkVarBinds(List<String> oids, int nonRepeaters,
            int maxRepetitions, io.varbind.engine.VarBindSink sink) {
        if (nonRepeaters < 0 || maxRepetitions < 0) {
            return failed(new IllegalArgumentException("non-repeaters and max-repetitions must not be negative"));
        }
        return requestVarBinds(BerTags.GETBULK, oids, nonRepeaters, maxRepetitions, sink);
    }

    /**
     * SET of {@code oidValues} (converted as {@link #setMultiple} converts them), the answer handed
     * over as received, as {@link #getVarBinds}: what the agent says it set, or the error it gave.
     */
    public CompletableFuture<io.varbind.engine.Response> setVarBinds(List<SnmpVariable> oidValues,
            io.varbind.engine.VarBindSink sink) {
        try {
            State s = named();
            List<VarBind> vbs = new ArrayList<>(oidValues.size());
            for (SnmpVariable v : oidValues) {
                vbs.add(setBinding(s, v.name(), v.value(), v.snmpType()));
            }
            return request(s, new Pdu(BerTags.SET, 0, 0, 0, vbs)).thenApply(r -> handOver(r, sink));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private CompletableFuture<io.varbind.engine.Response> requestVarBinds(int type, List<String> oids,
            int nonRepeaters, int maxRepetitions, io.varbind.engine.VarBindSink sink) {
        try {
            State s = named();
            if (type == BerTags.GETBULK) {
                refuseV1(s, "getbulk");
            }
            List<Oid> resolved = resolveAll(s, oids);
            Pdu p = type == BerTags.GETBULK ? Pdu.getBulk(nonRepeaters, maxRepetitions, resolved)
                    : Pdu.request(type, resolved);
            return request(s, p).thenApply(r -> handOver(r, sink));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** Hands an answer's varbinds to {@code sink} (from the octets when deferred), then ends it. */
    private static io.varbind.engine.Response handOver(io.varbind.engine.Response r, io.varbind.engine.VarBindSink sink) {
        Pdu p = r.pdu();
        if (p.isDeferred()) {
            // a cursor of its own: the sink may call back into code that uses this thread's scratch
            io.varbind.codec.VarBindCursor c = new io.varbind.codec.VarBindCursor().reset(p);
            int[] arcs = new int[Oid.MAX_ARCS];
            while (c.next()) {
                sink.accept(c, arcs, c.oid(arcs));
            }
        } else {
            for (VarBind vb : p.varBinds()) {
                sink.accept(vb);
            }
        }
        sink.endOfResponse();
        return r;
    }

    // --- tables (the reading lives in io.varbind.session.TableReader)

    /**
     * The conceptual table {@code table} ({@code ifTable}, {@code IF-MIB::ifXTable},
     * {@code .1.3.6.1.2.1.2.2}) read column by column: GETBULK with {@code maxRepetitions} rows per
     * column and request, or GETNEXT when {@code getBulk} is false or the session is SNMPv1.
     */
    public CompletableFuture<SnmpTable> tableAsync(String table, boolean getBulk, int maxRepetitions) {
        try {
            State s = named();
            // each cell a SnmpVariable made from the answer's octets as it arrives (as walks make theirs)
            io.varbind.session.ReceivedVariables.Reader received = reader(s);
            var reader = new io.varbind.session.TableReader<>(s.tree(), resolve(s, table),
                    getBulk && s.config().settings().version != 1, maxRepetitions,
                    pdu -> request(s, pdu).thenApply(io.varbind.engine.Response::pdu),
                    io.varbind.session.TableReader.DEFAULT_MAX_CELLS, new VariableCells(received));
            return reader.read().thenApply(r -> SnmpTable.of(r, s.tree()));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * {@link #tableAsync}'s reading of a table, each cell made by
     * {@code cells} as its varbind is read (from the answer's octets for v1/v2c), on the thread that
     * completes the answer. For printers (the command line) that format cells themselves.
     */
    public <C> CompletableFuture<io.varbind.session.TableReader.Result<C>> tableCells(String table, boolean getBulk,
            int maxRepetitions, io.varbind.session.TableReader.Cells<C> cells) {
        try {
            State s = named();
            return new io.varbind.session.TableReader<>(s.tree(), resolve(s, table),
                    getBulk && s.config().settings().version != 1, maxRepetitions,
                    pdu -> request(s, pdu).thenApply(io.varbind.engine.Response::pdu),
                    io.varbind.session.TableReader.DEFAULT_MAX_CELLS, cells).read();
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** Table cells as easysnmp's variables, made from the received octets with the call's display flags. */
    private record VariableCells(io.varbind.session.ReceivedVariables.Reader reader)
            implements io.varbind.session.TableReader.Cells<SnmpVariable> {
        @Override
        public SnmpVariable cell(io.varbind.codec.VarBindCursor c, int[] arcs, int len) {
            return reader.of(c, arcs, len);
        }

        @Override
        public SnmpVariable cell(VarBind vb) {
            return reader.of(vb);
        }

        @Override
        public SnmpVariable[] row(int columns) {
            return new SnmpVariable[columns];
        }
    }

    public CompletableFuture<SnmpTable> tableAsync(String table) {
        return tableAsync(table, true, 10);
    }

    public SnmpTable table(String table) {
        return joinParked(tableAsync(table));
    }

    public SnmpTable table(String table, boolean getBulk, int maxRepetitions) {
        return joinParked(tableAsync(table, getBulk, maxRepetitions));
    }

    // --- set

    /** A reader of received varbinds with the display flags the call started with. */
    private static io.varbind.session.ReceivedVariables.Reader reader(State s) {
        return new io.varbind.session.ReceivedVariables.Reader(s.tree(), s.flag(LONG_NAMES), s.flag(NUMERIC),
                s.flag(SPRINT_VALUE), s.flag(ENUMS));
    }

    /** A walk's sink that adds each varbind's variable to a list (a new one when {@code out} is null). */
    private static class Collecting implements io.varbind.engine.VarBindSink {
        private final io.varbind.session.ReceivedVariables.Reader reader;
        List<SnmpVariable> out;

        Collecting(io.varbind.session.ReceivedVariables.Reader reader, List<SnmpVariable> out) {
            this.reader = reader;
            this.out = out == null ? new ArrayList<>() : out;
        }

        @Override
        public void accept(io.varbind.codec.VarBindCursor c, int[] arcs, int len) {
            out.add(reader.of(c, arcs, len));
        }

        @Override
        public void accept(VarBind vb) {
            out.add(reader.of(vb));
        }
    }

    /** A walk with the call's own state; a target made for this call alone is released after it. */
    private CompletableFuture<io.varbind.engine.Walk.WalkSummary> walk(State s, Oid root, boolean bulk,
            int nonRepeaters, int maxRepetitions, io.varbind.engine.VarBindSink sink) {
        Target t = target(s);
        CompletableFuture<io.varbind.engine.Walk.WalkSummary> f = s.engine().walk(t, root, bulk, nonRepeaters,
                maxRepetitions, sink);
        return t == s.target() || t == state.target() ? f : f.whenComplete((r, e) -> release(s.withTarget(t)));
    }

    private VarBind setBinding(State s, String name, Object value, String snmpType) {
        Named n = boundName(s, name);
        return new VarBind(n.oid(), SetValues.convert(name, value, snmpType, n.node(), s.tree()));
    }

    /**
     * The names of recent set and notification bindings, resolved: an application sending the
     * same notification again and again (or setting the same objects) names the same OIDs each
     * time with other values, and resolving a name (a MIB search and a longest match) cost more
     * than the rest of an inform. As {@link #prepared}: unsynchronised, immutable entries.
     * (Only names: values change from one send to the next and are converted each time.)
     */
    private record Named(String spec, MibTree tree, int bestGuess, Oid oid, MibNode node) {
    }

    /** Made on the first set or notification: a session that only reads keeps no slots (272 B each). */
    private Named[] names;

    /** {@code spec}'s OID and MIB node (null when the MIB gives no type) under {@code s}'s tree. */
    private Named boundName(State s, String spec) {
        // two ways per name (a slot and its neighbour), so two names of one notification that
        // hash alike do not evict each other on every send
        int slot = spec == null ? 0 : (spec.hashCode() * 0x9E3779B9) >>> 26;
        Named[] names = this.names;
        if (names == null) {
            names = this.names = new Named[64];
        }
        for (int way = 0; way < 2; way++) {
            Named n = names[slot ^ way];
            if (n != null && n.tree() == s.tree() && n.bestGuess() == s.bestGuess() && n.spec().equals(spec)) {
                return n;
            }
        }
        int[] arcs = resolve(s, spec);
        MibTree t = s.tree();
        Match m = t.lookup(arcs, arcs.length);
        MibNode node = m == null ? null : m.node();
        if (node != null && node.baseType() == null && node.parent() != null && node.parent().baseType() != null) {
            // an instance named in a MIB (sysUpTimeInstance, { sysUpTime 0 }) has its object's type,
            // as Net-SNMP's lookup gives it
            node = node.parent();
        }
        node = node == null || node.baseType() == null ? null : node;
        Named n = new Named(spec, t, s.bestGuess(), Oid.of(arcs), node);
        names[names[slot] == null ? slot : slot ^ 1] = n;
        return n;
    }

    private CompletableFuture<Boolean> sendSet(State s, List<VarBind> vbs) {
        return request(s, new Pdu(BerTags.SET, 0, 0, 0, vbs)).thenApply(r -> {
            if (r.pdu().errorStatus() != 0) {
                throw errorStatus(r.pdu());
            }
            return Boolean.TRUE;
        });
    }

    public CompletableFuture<Boolean> setAsync(String oid, Object value, String snmpType) {
        try {
            State s = named();
            return sendSet(s, List.of(setBinding(s, oid, value, snmpType)));
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
            State s = named();
            List<VarBind> vbs = new ArrayList<>(oidValues.size());
            for (SnmpVariable v : oidValues) {
                vbs.add(setBinding(s, v.name(), v.value(), v.snmpType()));
            }
            return sendSet(s, vbs);
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
        State s = named();
        Target t = target(s);
        synchronized (this) {
            if (notifier == null) {
                Validated c = s.config();
                boolean v3usm = t.version() == 3 && t.processing().tls() == null;
                // made from one state: updateSession and close drop it with the state it belongs to
                notifier = new io.varbind.session.NotificationSender(s.engine(), t, c.target().portGiven(),
                        v3usm ? V3Support.trapProcessing(c) : null,
                        t.version() == 3 ? V3Support.informProcessing(c, t.processing()) : null,
                        (name, value, type) -> setBinding(s, name, value, type), spec -> boundName(s, spec).oid());
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

    /**
     * Releases this session's state (its localized keys are zeroed, a (D)TLS session of its own is
     * closed); the engine stays up. Afterwards every operation and {@link #updateSession} fail with
     * an {@link SnmpException}; calling it again does nothing. No checked exception.
     */
    @Override
    public void close() {
        State old;
        synchronized (this) {
            old = state;
            if (old.closed()) {
                return;
            }
            state = old.asClosed();
            dropNotifier();
        }
        release(old);
    }
}
