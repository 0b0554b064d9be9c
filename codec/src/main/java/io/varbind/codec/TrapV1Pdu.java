package io.varbind.codec;

import java.util.Arrays;
import java.util.List;

/** The SNMPv1 Trap-PDU (RFC 1157 section 4.1.6). Immutable. */
public final class TrapV1Pdu {
    private final Oid enterprise;
    private final byte[] agentAddr;
    private final int genericTrap;
    private final int specificTrap;
    private final long timestamp;
    private final List<VarBind> varBinds;

    public TrapV1Pdu(Oid enterprise, byte[] agentAddr, int genericTrap, int specificTrap, long timestamp,
            List<VarBind> varBinds) {
        if (agentAddr.length != 4) {
            throw new IllegalArgumentException("agent-addr needs 4 octets, got " + agentAddr.length);
        }
        if (timestamp < 0 || timestamp > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("time-stamp out of range: " + timestamp);
        }
        this.enterprise = enterprise;
        this.agentAddr = agentAddr.clone();
        this.genericTrap = genericTrap;
        this.specificTrap = specificTrap;
        this.timestamp = timestamp;
        this.varBinds = List.copyOf(varBinds);
    }

    public Oid enterprise() {
        return enterprise;
    }

    public byte[] agentAddr() {
        return agentAddr.clone();
    }

    byte[] agentAddrRaw() {
        return agentAddr;
    }

    public int genericTrap() {
        return genericTrap;
    }

    public int specificTrap() {
        return specificTrap;
    }

    public long timestamp() {
        return timestamp;
    }

    public List<VarBind> varBinds() {
        return varBinds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrapV1Pdu t && t.enterprise.equals(enterprise) && Arrays.equals(t.agentAddr, agentAddr)
                && t.genericTrap == genericTrap && t.specificTrap == specificTrap && t.timestamp == timestamp
                && t.varBinds.equals(varBinds);
    }

    @Override
    public int hashCode() {
        return enterprise.hashCode() * 31 + Arrays.hashCode(agentAddr) + genericTrap * 7 + specificTrap
                + Long.hashCode(timestamp) + varBinds.hashCode();
    }

    @Override
    public String toString() {
        return "Trap[enterprise=" + enterprise + ", generic=" + genericTrap + ", specific=" + specificTrap
                + ", time=" + timestamp + ", " + varBinds + "]";
    }
}
