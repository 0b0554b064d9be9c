package io.varbind.agent;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent saw, named after the snmpGroup counters of SNMPv2-MIB (RFC 3418) where one
 * exists. Updated from every event-loop thread; read for logs and tests.
 */
public final class AgentStatistics {
    public final LongAdder inPackets = new LongAdder();
    public final LongAdder outPackets = new LongAdder();
    /** snmpInASNParseErrs: packets that are not a decodable SNMP message. */
    public final LongAdder inAsnParseErrs = new LongAdder();
    /** snmpInBadVersions. */
    public final LongAdder inBadVersions = new LongAdder();
    /** snmpInBadCommunityNames. */
    public final LongAdder inBadCommunityNames = new LongAdder();
    /** snmpSilentDrops: a response that did not fit even as tooBig, or a PDU type we do not answer. */
    public final LongAdder silentDrops = new LongAdder();
    /** Responses sent with error-status tooBig, or GETBULK responses shortened to fit. */
    public final LongAdder tooBig = new LongAdder();
    /** Requests that failed inside the agent (a bug); counted and dropped, never fatal. */
    public final LongAdder internalErrors = new LongAdder();

    @Override
    public String toString() {
        return "in=" + inPackets.sum() + " out=" + outPackets.sum() + " parseErrors=" + inAsnParseErrs.sum()
                + " badVersions=" + inBadVersions.sum() + " badCommunities=" + inBadCommunityNames.sum()
                + " drops=" + silentDrops.sum() + " tooBig=" + tooBig.sum() + " internalErrors=" + internalErrors.sum();
    }
}
