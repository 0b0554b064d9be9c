package io.varbind.agent;

import io.varbind.codec.Variable;
import io.varbind.usm.EngineState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The agent's own objects, served as snmpd serves them: SNMPv2-MIB's snmp group (RFC 3418 section
 * 2), SNMP-USER-BASED-SM-MIB's usmStats (RFC 3414 section 5) and SNMP-FRAMEWORK-MIB's snmpEngine
 * (RFC 3411 section 5), all read from the live {@link AgentStatistics} and engine.
 */
final class AgentMib {

    static final String SNMP_GROUP = "1.3.6.1.2.1.11";
    static final String USM_STATS = "1.3.6.1.6.3.15.1.1";
    static final String SNMP_ENGINE = "1.3.6.1.6.3.10.2.1";

    private AgentMib() {
    }

    /** The three groups by subtree root. */
    static Map<String, SubtreeHandler> handlers(AgentStatistics s, EngineState engine, int maxMessageSize) {
        Map<Integer, Supplier<Variable>> snmp = new LinkedHashMap<>();
        snmp.put(1, counter(s.inPackets));
        snmp.put(2, counter(s.outPackets));
        snmp.put(3, counter(s.inBadVersions));
        snmp.put(4, counter(s.inBadCommunityNames));
        snmp.put(5, counter(s.inBadCommunityUses));
        snmp.put(6, counter(s.inAsnParseErrs));
        snmp.put(20, counter(s.tooBig)); // snmpOutTooBigs
        snmp.put(30, () -> Variable.integer(2)); // snmpEnableAuthenTraps: disabled(2), the agent sends no traps
        snmp.put(31, counter(s.silentDrops));
        snmp.put(32, () -> Variable.counter32(0)); // snmpProxyDrops: the agent is no proxy
        Map<Integer, Supplier<Variable>> usm = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            usm.put(i, counter(s.usm(i)));
        }
        Map<Integer, Supplier<Variable>> eng = new LinkedHashMap<>();
        byte[] id = engine.engineId();
        eng.put(1, () -> Variable.octetString(id));
        eng.put(2, () -> Variable.integer(engine.boots()));
        eng.put(3, () -> Variable.integer(engine.time()));
        eng.put(4, () -> Variable.integer(maxMessageSize));
        Map<String, SubtreeHandler> out = new LinkedHashMap<>();
        out.put(SNMP_GROUP, new ScalarGroup(SNMP_GROUP, snmp));
        out.put(USM_STATS, new ScalarGroup(USM_STATS, usm));
        out.put(SNMP_ENGINE, new ScalarGroup(SNMP_ENGINE, eng));
        return out;
    }

    private static Supplier<Variable> counter(LongAdder a) {
        return () -> Variable.counter32(a.sum() & 0xFFFFFFFFL); // Counter32 wraps (RFC 2578 section 7.1.6)
    }
}
