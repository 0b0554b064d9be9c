package io.varbind.agent;

/**
 * An agent's counters as a JMX MXBean, registered for every running {@link SnmpAgent} as
 * {@code io.varbind:type=SnmpAgent,name=agent-N} and unregistered on close. The names follow
 * {@link AgentStatistics}, itself after SNMPv2-MIB's snmp group.
 */
public interface AgentStatisticsMXBean {
    long getInPackets();

    long getOutPackets();

    long getInAsnParseErrs();

    long getInBadVersions();

    long getInBadCommunityNames();

    long getSilentDrops();

    long getTooBig();

    long getInternalErrors();
}
