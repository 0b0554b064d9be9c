package io.varbind.engine;

import io.varbind.SnmpEngine;
import io.varbind.codec.Pdu;
import java.util.concurrent.CompletableFuture;

/**
 * The message processing of one target's messages (RFC 3412 section 4 roles, on the manager
 * side): how a request PDU becomes octets and how the answer's octets become a PDU again.
 * {@link CommunityMessageProcessing} does v1 and v2c; USM and TSM implement this for v3.
 *
 * <p>Calls come from event-loop threads and must not block. Implementations are shared by
 * every request to their targets, so they are thread-safe.
 */
public interface MessageProcessing {

    /**
     * Encodes {@code pdu} (its request-id already set) for {@code target} into {@code out} at
     * {@code off}; returns the number of octets. {@code correlationId} is what a response must
     * carry to be matched: the request-id for v1/v2c; for v3 the msgID to put in the header.
     * Called again for every retry (v3 refreshes its time fields).
     */
    int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off);

    /**
     * The correlation id of a received message (request-id or msgID), read without decoding it.
     *
     * @throws io.varbind.codec.BerDecodeException when the header is malformed
     */
    int correlationId(byte[] buf, int off, int len);

    /**
     * Decodes and checks a received message that matched a request to {@code target}: returns the
     * PDU (a Response, or a Report for v3) or throws an {@link io.varbind.SnmpException} saying
     * why the message is refused (wrong version or community, a failed digest, ...).
     */
    Pdu decodeResponse(Target target, byte[] buf, int off, int len);

    /**
     * {@link #decodeResponse} for an answer whose varbinds nobody reads: the Response to an
     * InformRequest echoes the inform's varbinds (RFC 3416 section 4.2.7), and its sender needs
     * only the request-id and the error fields. The returned PDU may carry no varbinds. The same
     * checks of version, community or security as {@link #decodeResponse}; the default is that method.
     */
    default Pdu decodeAcknowledgement(Target target, byte[] buf, int off, int len) {
        return decodeResponse(target, buf, off, len);
    }

    /**
     * Work to do before the first request to a target, such as SNMPv3 engine discovery; the
     * engine sends the request when the future completes, and fails it with the future's
     * exception. The default has nothing to do.
     */
    default CompletableFuture<Void> prepare(Target target, SnmpEngine engine) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * What to do with a Report PDU received for a request: return true to send the request again
     * once (for example after resynchronising time on usmStatsNotInTimeWindows), or throw the
     * {@link io.varbind.SnmpException} that ends the request (naming the report's counter). The
     * default ends the request with a {@link io.varbind.SnmpConnectionException}.
     *
     * @param alreadyRetried whether this request was already sent again after a report
     */
    default boolean onReport(Target target, Pdu report, boolean alreadyRetried) {
        throw new io.varbind.SnmpConnectionException("the agent answered with a report: "
                + (report.varBinds().isEmpty() ? "(no varbind)" : report.varBinds().get(0)));
    }

    /**
     * Whether a Report PDU completes the request as its answer (engine-id discovery) instead of
     * going to {@link #onReport}. Default false.
     */
    default boolean reportCompletes() {
        return false;
    }

    /** The TLS certificates and checks of a processing whose targets use TLS; null otherwise. */
    default TlsSecurity tls() {
        return null;
    }

    /** Words added to a timeout's message (for example what a silent v3 agent usually means); default none. */
    default String timeoutHint() {
        return "";
    }
}
