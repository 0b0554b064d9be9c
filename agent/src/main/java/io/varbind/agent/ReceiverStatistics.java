package io.varbind.agent;

import io.varbind.usm.UsmStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link NotificationReceiver} saw and did: messages received, notifications delivered and
 * informs acknowledged, and every drop by its reason (the usmStats counters of RFC 3414 under
 * their names). Updated from the event loops and the executor; read any time.
 */
public final class ReceiverStatistics {
    final LongAdder received = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder queueFull = new LongAdder();
    final LongAdder callbackErrors = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder badCommunities = new LongAdder();
    final LongAdder unsupportedPdus = new LongAdder();
    final LongAdder unknownSecurityModels = new LongAdder();
    final LongAdder unknownEngineIds = new LongAdder();
    final LongAdder unknownUserNames = new LongAdder();
    final LongAdder unsupportedSecLevels = new LongAdder();
    final LongAdder wrongDigests = new LongAdder();
    final LongAdder decryptionErrors = new LongAdder();
    final LongAdder notInTimeWindows = new LongAdder();
    final LongAdder unknownTsmNames = new LongAdder();
    /** Socket-level events of the receiver's endpoints (connection caps, idle closes, (D)TLS sessions). */
    final AgentStatistics sockets = new AgentStatistics();

    ReceiverStatistics() {
    }

    /** Counts one message under a usmStats (or snmpIn...) counter name; returns the new count. */
    long usm(String counter) {
        LongAdder a = switch (counter) {
            case UsmStats.UNKNOWN_ENGINE_IDS -> unknownEngineIds;
            case UsmStats.UNKNOWN_USER_NAMES -> unknownUserNames;
            case UsmStats.UNSUPPORTED_SEC_LEVELS -> unsupportedSecLevels;
            case UsmStats.WRONG_DIGESTS -> wrongDigests;
            case UsmStats.DECRYPTION_ERRORS -> decryptionErrors;
            case UsmStats.NOT_IN_TIME_WINDOWS -> notInTimeWindows;
            case "snmpUnknownSecurityModels" -> unknownSecurityModels;
            default -> malformed;
        };
        a.increment();
        return a.sum();
    }

    /** TSM notifications (over TLS/DTLS) from a securityName that is not accepted (no {@code tsmUser}). */
    public long unknownTsmNames() {
        return unknownTsmNames.sum();
    }

    /** TLS and DTLS sessions refused: an untrusted client certificate, or one no certSecName rule maps. */
    public long tlsSessionsRefused() {
        return sockets.tlsSessionsRefused.sum();
    }

    /** {@code tcp:}/{@code tls:} connections closed at accept: over the total or per-source cap. */
    public long tcpConnectionsRefused() {
        return sockets.tcpConnectionsRefused.sum();
    }

    /** {@code tcp:}/{@code tls:} connections open now. */
    public int tcpConnections() {
        return sockets.tcpConnectionsOpen.get();
    }

    /** {@code tcp:}/{@code tls:} connections closed after the idle timeout (also in the middle of a message). */
    public long tcpIdleClosed() {
        return sockets.tcpIdleClosed.sum();
    }

    /** Messages received, accepted or not. */
    public long received() {
        return received.sum();
    }

    /** Notifications handed to the callback (it returned or threw). */
    public long delivered() {
        return delivered.sum();
    }

    /** Informs acknowledged with a Response. */
    public long acknowledged() {
        return acknowledged.sum();
    }

    /** Notifications dropped because the callback's queue was full (informs left unacknowledged). */
    public long droppedQueueFull() {
        return queueFull.sum();
    }

    /** Callbacks that threw (the notification counts as delivered; an inform is still acknowledged). */
    public long callbackErrors() {
        return callbackErrors.sum();
    }

    /** Messages that did not decode, or broke a rule of the message format. */
    public long malformed() {
        return malformed.sum();
    }

    public long badCommunities() {
        return badCommunities.sum();
    }

    /** Well-formed messages that carry no notification (a GET, a Response, ...). */
    public long unsupportedPdus() {
        return unsupportedPdus.sum();
    }

    public long unknownSecurityModels() {
        return unknownSecurityModels.sum();
    }

    /** usmStatsUnknownEngineIDs: v3 from an engine without users here, and discovery probes. */
    public long unknownEngineIds() {
        return unknownEngineIds.sum();
    }

    public long unknownUserNames() {
        return unknownUserNames.sum();
    }

    public long unsupportedSecLevels() {
        return unsupportedSecLevels.sum();
    }

    public long wrongDigests() {
        return wrongDigests.sum();
    }

    public long decryptionErrors() {
        return decryptionErrors.sum();
    }

    public long notInTimeWindows() {
        return notInTimeWindows.sum();
    }

    @Override
    public String toString() {
        return "received=" + received() + " delivered=" + delivered() + " acknowledged=" + acknowledged()
                + " queueFull=" + droppedQueueFull() + " malformed=" + malformed() + " badCommunities="
                + badCommunities() + " unsupportedPdus=" + unsupportedPdus() + " unknownEngineIds="
                + unknownEngineIds() + " unknownUserNames=" + unknownUserNames() + " unsupportedSecLevels="
                + unsupportedSecLevels() + " wrongDigests=" + wrongDigests() + " decryptionErrors="
                + decryptionErrors() + " notInTimeWindows=" + notInTimeWindows() + " tcpConnectionsRefused="
                + tcpConnectionsRefused() + " tcpIdleClosed=" + tcpIdleClosed();
    }
}
