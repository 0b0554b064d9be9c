package io.varbind;

import io.varbind.mib.MibTree;
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
        private boolean useLongNames;
        private boolean useNumeric;
        private boolean useSprintValue;
        private boolean useEnums;
        private int bestGuess;
        private boolean retryNoSuch;
        private boolean abortOnNonexistent;
        private MibTree mibs;

        private Builder() {
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
            b.useLongNames = useLongNames;
            b.useNumeric = useNumeric;
            b.useSprintValue = useSprintValue;
            b.useEnums = useEnums;
            b.bestGuess = bestGuess;
            b.retryNoSuch = retryNoSuch;
            b.abortOnNonexistent = abortOnNonexistent;
            b.mibs = mibs;
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

        // ENGINE-SEAM: engine(SnmpEngine) lands with io.varbind.SnmpEngine

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
            this.useLongNames = b.useLongNames;
            this.useNumeric = b.useNumeric;
            this.useSprintValue = b.useSprintValue;
            this.useEnums = b.useEnums;
            this.bestGuess = b.bestGuess;
            this.retryNoSuch = b.retryNoSuch;
            this.abortOnNonexistent = b.abortOnNonexistent;
        }
    }

    /** Releases this session's state; the shared engine stays up. No checked exception. */
    @Override
    public void close() {
    }
}
