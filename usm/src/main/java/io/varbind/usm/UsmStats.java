package io.varbind.usm;

import io.varbind.codec.Oid;

/** The usmStats counters of RFC 3414 section 5 (usmStats = 1.3.6.1.6.3.15.1.1), by name and OID. */
public final class UsmStats {
    public static final String UNSUPPORTED_SEC_LEVELS = "usmStatsUnsupportedSecLevels";
    public static final String NOT_IN_TIME_WINDOWS = "usmStatsNotInTimeWindows";
    public static final String UNKNOWN_USER_NAMES = "usmStatsUnknownUserNames";
    public static final String UNKNOWN_ENGINE_IDS = "usmStatsUnknownEngineIDs";
    public static final String WRONG_DIGESTS = "usmStatsWrongDigests";
    public static final String DECRYPTION_ERRORS = "usmStatsDecryptionErrors";

    private static final String[] NAMES = {null, UNSUPPORTED_SEC_LEVELS, NOT_IN_TIME_WINDOWS, UNKNOWN_USER_NAMES,
        UNKNOWN_ENGINE_IDS, WRONG_DIGESTS, DECRYPTION_ERRORS};
    private static final Oid PREFIX = Oid.parse("1.3.6.1.6.3.15.1.1");

    private UsmStats() {
    }

    /** The counter named by a report varbind's OID ({@code usmStatsWrongDigests.0}), or null. */
    public static String name(Oid oid) {
        if (oid.size() >= PREFIX.size() + 1 && oid.startsWith(PREFIX)) {
            long n = oid.arc(PREFIX.size());
            if (n >= 1 && n < NAMES.length) {
                return NAMES[(int) n];
            }
        }
        return null;
    }

    /** The instance OID of a counter ({@code 1.3.6.1.6.3.15.1.1.N.0}). */
    public static Oid oid(String name) {
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return PREFIX.append(i, 0);
            }
        }
        throw new IllegalArgumentException("not a usmStats counter: " + name);
    }
}
