package io.varbind.agent;

import io.varbind.codec.Oid;
import io.varbind.usm.UsmStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent saw, named after the counters of SNMPv2-MIB's snmp group (RFC 3418) and
 * SNMP-USER-BASED-SM-MIB's usmStats (RFC 3414 section 5) where one exists; the agent also serves
 * those over SNMP. Updated from every event-loop thread; read for logs, tests and the MIB.
 */
public final class AgentStatistics implements AgentStatisticsMXBean {
    /** snmpInPkts: every message received, whatever became of it. */
    public final LongAdder inPackets = new LongAdder();
    /** snmpOutPkts (RFC 1907): messages sent. */
    public final LongAdder outPackets = new LongAdder();
    /** snmpInASNParseErrs: packets that are not a decodable SNMP message. */
    public final LongAdder inAsnParseErrs = new LongAdder();
    /** snmpInBadVersions. */
    public final LongAdder inBadVersions = new LongAdder();
    /** snmpInBadCommunityNames. */
    public final LongAdder inBadCommunityNames = new LongAdder();
    /** snmpInBadCommunityUses: a known community whose view allows nothing at all. */
    public final LongAdder inBadCommunityUses = new LongAdder();
    /** snmpSilentDrops: a response that did not fit even as tooBig, or a PDU type we do not answer. */
    public final LongAdder silentDrops = new LongAdder();
    /** Responses sent with error-status tooBig, or GETBULK responses shortened to fit. */
    public final LongAdder tooBig = new LongAdder();
    /** Requests that failed inside the agent (a bug, or a handler that threw); counted and dropped, never fatal. */
    public final LongAdder internalErrors = new LongAdder();
    /** snmpUnknownSecurityModels (RFC 3412): v3 messages of a model other than USM. */
    public final LongAdder unknownSecurityModels = new LongAdder();
    /** TCP connections closed at once because a connection cap was reached. */
    public final LongAdder tcpConnectionsRefused = new LongAdder();
    /** TCP connections closed for being idle. */
    public final LongAdder tcpIdleClosed = new LongAdder();
    /** TCP (and TLS) connections open now, those admitted under the caps. */
    public final java.util.concurrent.atomic.AtomicInteger tcpConnectionsOpen = new java.util.concurrent.atomic.AtomicInteger();
    /** snmpTsmInvalidCaches (RFC 5591): TSM messages that came over no authorized (D)TLS session. */
    public final LongAdder tsmInvalidCaches = new LongAdder();
    /**
     * (D)TLS sessions refused or failed in the handshake: an untrusted client certificate, one that
     * maps to no securityName, none at all, or a handshake not finished in time.
     */
    public final LongAdder tlsSessionsRefused = new LongAdder();
    /** (D)TLS sessions accepted (handshake done, client authorized). */
    public final LongAdder tlsSessionsAccepted = new LongAdder();
    /** DTLS datagrams dropped: not DTLS, for no session, a session's queue full, or a session cap reached. */
    public final LongAdder dtlsDropped = new LongAdder();

    /** usmStats 1 to 6, in the MIB's order (index 0 unused). */
    private final LongAdder[] usm = {null, new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
        new LongAdder(), new LongAdder()};

    /** A usmStats counter by its MIB name ({@link UsmStats#WRONG_DIGESTS}, ...). */
    public LongAdder usm(String name) {
        return usm[usmIndex(name)];
    }

    /** The number of a usmStats counter under usmStats ({@code usmStatsWrongDigests}: 5). */
    static int usmIndex(String name) {
        Oid instance = UsmStats.oid(name);
        return (int) instance.arc(instance.size() - 2);
    }

    /** A usmStats counter by its number under usmStats (1 unsupportedSecLevels ... 6 decryptionErrors). */
    LongAdder usm(int index) {
        return usm[index];
    }

    @Override
    public long getInPackets() {
        return inPackets.sum();
    }

    @Override
    public long getOutPackets() {
        return outPackets.sum();
    }

    @Override
    public long getInAsnParseErrs() {
        return inAsnParseErrs.sum();
    }

    @Override
    public long getInBadVersions() {
        return inBadVersions.sum();
    }

    @Override
    public long getInBadCommunityNames() {
        return inBadCommunityNames.sum();
    }

    @Override
    public long getSilentDrops() {
        return silentDrops.sum();
    }

    @Override
    public long getTooBig() {
        return tooBig.sum();
    }

    @Override
    public long getInternalErrors() {
        return internalErrors.sum();
    }

    @Override
    public String toString() {
        return "in=" + inPackets.sum() + " out=" + outPackets.sum() + " parseErrors=" + inAsnParseErrs.sum()
                + " badVersions=" + inBadVersions.sum() + " badCommunities=" + inBadCommunityNames.sum()
                + " drops=" + silentDrops.sum() + " tooBig=" + tooBig.sum() + " internalErrors=" + internalErrors.sum();
    }
}
