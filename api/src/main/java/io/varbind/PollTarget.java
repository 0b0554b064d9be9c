package io.varbind;

import io.varbind.mib.MibTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One target of a {@link Poller}: an id, the {@link Session.Builder} settings of its agent, what
 * to read each poll (OIDs to GET, subtrees to walk, conceptual tables to read) and how often. Immutable; build one with
 * {@link #builder(String)}. Adding a target whose id the poller already has replaces it.
 */
public final class PollTarget {
    /** GET requests carry at most this many OIDs unless {@link Builder#maxOidsPerRequest} says otherwise. */
    public static final int DEFAULT_MAX_OIDS_PER_REQUEST = 24;

    private final String id;
    private final Session.Builder settings;
    private final List<String> oids;
    private final List<List<String>> getRequests;
    private final List<String> walks;
    private final List<String> tables;
    private final Duration interval;
    private final int maxRepetitions;
    private final String hostname;
    private final int version;

    private PollTarget(Builder b, String hostname, int version) {
        this.id = b.id;
        this.hostname = hostname;
        this.version = version;
        this.settings = b.settings;
        this.oids = Collections.unmodifiableList(new ArrayList<>(b.oids));
        this.walks = Collections.unmodifiableList(new ArrayList<>(b.walks));
        this.tables = Collections.unmodifiableList(new ArrayList<>(b.tables));
        this.interval = b.interval;
        this.maxRepetitions = b.maxRepetitions;
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < oids.size(); i += b.maxOidsPerRequest) {
            chunks.add(oids.subList(i, Math.min(oids.size(), i + b.maxOidsPerRequest)));
        }
        this.getRequests = Collections.unmodifiableList(chunks);
    }

    /** A builder for a target with this id (any non-empty string: the poller's key for it). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    /** The agent's host as the session settings give it (no secrets). */
    public String hostname() {
        return hostname;
    }

    /** The SNMP version of the session settings: 1, 2 (= 2c) or 3. */
    public int version() {
        return version;
    }

    /** The OIDs each poll GETs, in order. */
    public List<String> oids() {
        return oids;
    }

    /** The OIDs split into the GET requests each poll sends. */
    public List<List<String>> getRequests() {
        return getRequests;
    }

    /** The subtrees each poll walks (GETBULK, or GETNEXT for v1). */
    public List<String> walks() {
        return walks;
    }

    /**
     * The conceptual tables each poll reads ({@link Session#tableAsync(String, boolean, int)}: GETBULK
     * with {@link #maxRepetitions()}, GETNEXT for v1), after the walks.
     */
    public List<String> tables() {
        return tables;
    }

    public Duration interval() {
        return interval;
    }

    public int maxRepetitions() {
        return maxRepetitions;
    }

    /**
     * A new session with these settings on {@code engine}, naming with {@code mibs} unless the
     * settings chose their own tree. (A session without a tree asks {@link MibTree#defaultTree()}
     * on every operation, which checks the MIB folders on disk each time: too slow for a poller.)
     */
    Session openSession(SnmpEngine engine, MibTree mibs) {
        Session.Builder b = settings.copy().engine(engine);
        if (b.mibsValue() == null) {
            b.mibs(mibs);
        }
        return b.build();
    }

    /** Settings of a {@link PollTarget}. */
    public static final class Builder {
        private final String id;
        private Session.Builder settings = Session.builder();
        private final List<String> oids = new ArrayList<>();
        private final List<String> walks = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private Duration interval = Duration.ofSeconds(60);
        private int maxOidsPerRequest = DEFAULT_MAX_OIDS_PER_REQUEST;
        private int maxRepetitions = 10;

        private Builder(String id) {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("a poll target needs a non-empty id");
            }
            this.id = id;
        }

        /** The session settings, applied to a fresh {@link Session#builder()} (as {@link Easy} takes them). */
        public Builder session(Consumer<Session.Builder> settings) {
            Session.Builder b = Session.builder();
            settings.accept(b);
            this.settings = b;
            return this;
        }

        /** The session settings, copied from {@code settings} (later changes to it are not seen). */
        public Builder session(Session.Builder settings) {
            this.settings = settings.copy();
            return this;
        }

        /** OIDs to GET each poll, in any form {@link Session#get(String)} takes. */
        public Builder get(String... oids) {
            return get(List.of(oids));
        }

        public Builder get(List<String> oids) {
            for (String o : oids) {
                this.oids.add(Objects.requireNonNull(o, "null OID"));
            }
            return this;
        }

        /** Subtrees to walk each poll (GETBULK with {@link #maxRepetitions}, GETNEXT for v1). */
        public Builder walk(String... subtrees) {
            return walk(List.of(subtrees));
        }

        public Builder walk(List<String> subtrees) {
            for (String o : subtrees) {
                this.walks.add(Objects.requireNonNull(o, "null subtree"));
            }
            return this;
        }

        /**
         * Conceptual tables to read each poll ({@code ifTable}, {@code IF-MIB::ifXTable}, a dotted
         * OID), as {@link Session#table} reads them. Their cells come in {@link PollResult#variables()}
         * after the GETs and walks: table by table in the order given, each table row by row in index
         * order, each row's cells in column (MIB) order; a row's missing cells are simply absent.
         */
        public Builder table(String... tables) {
            return table(List.of(tables));
        }

        public Builder table(List<String> tables) {
            for (String t : tables) {
                this.tables.add(Objects.requireNonNull(t, "null table"));
            }
            return this;
        }

        /** How often the target is polled (default 60 s, at least 1 ms). */
        public Builder interval(Duration interval) {
            if (interval == null || interval.toNanos() < 1_000_000L) {
                throw new IllegalArgumentException("a poll interval must be at least 1 ms, not " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The most OIDs one GET carries; more are split over several requests (default 24). */
        public Builder maxOidsPerRequest(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxOidsPerRequest must be at least 1, not " + n);
            }
            this.maxOidsPerRequest = n;
            return this;
        }

        /** GETBULK max-repetitions of the walks and table reads (default 10). */
        public Builder maxRepetitions(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxRepetitions must be at least 1, not " + n);
            }
            this.maxRepetitions = n;
            return this;
        }

        /**
         * Checks the settings (by building a session, which never touches the network) and freezes them.
         *
         * @throws IllegalArgumentException for invalid session settings or nothing to read
         */
        public PollTarget build() {
            if (oids.isEmpty() && walks.isEmpty() && tables.isEmpty()) {
                throw new IllegalArgumentException("poll target " + id
                        + " has nothing to read: give OIDs to get, subtrees to walk or tables to read");
            }
            try (Session s = settings.build()) {
                return new PollTarget(this, s.hostname(), s.version());
            }
        }
    }

    @Override
    public String toString() {
        return "PollTarget[" + id + ", " + oids.size() + " OIDs, " + walks.size() + " walks, every " + interval + "]";
    }
}
