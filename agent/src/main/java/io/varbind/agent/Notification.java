package io.varbind.agent;

import io.varbind.SnmpVariable;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.session.ReceivedVariables;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One notification a {@link NotificationReceiver} accepted: where it came from, its security, its
 * kind and contents. {@link #variables()} renders the varbinds as a {@code Session} would (its
 * display flags are the receiver's), on first call, on the caller's thread; {@link #varBinds()}
 * are the decoded varbinds themselves. Immutable, safe to keep.
 */
public final class Notification {

    /** What was received. */
    public enum Kind {
        /** An SNMPv1 Trap-PDU. */
        TRAP_V1,
        /** An SNMPv2-Trap PDU (v2c or v3). */
        TRAP,
        /** An InformRequest (acknowledged after the callback returns). */
        INFORM
    }

    /** snmpTraps (RFC 3418): the generic v1 traps map under it (RFC 3584 section 3.1). */
    private static final Oid SNMP_TRAPS = Oid.of(1, 3, 6, 1, 6, 3, 1, 1, 5);
    private static final Oid SYS_UPTIME_0 = Oid.of(1, 3, 6, 1, 2, 1, 1, 3, 0);
    private static final Oid SNMP_TRAP_OID_0 = Oid.of(1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0);
    /** snmpTrapEnterprise.0 (RFC 3418): a translated v1 trap's enterprise. */
    private static final Oid SNMP_TRAP_ENTERPRISE_0 = Oid.of(1, 3, 6, 1, 6, 3, 1, 1, 4, 3, 0);

    private final InetSocketAddress source;
    private final InetSocketAddress destination;
    private final String transport;
    private final int version;
    private final String community;
    private final String securityName;
    private final String securityLevel;
    private final byte[] contextEngineId;
    private final String context;
    private final Kind kind;
    private final Oid enterprise;
    private final byte[] agentAddress;
    private final int genericTrap;
    private final int specificTrap;
    private final long v1Timestamp;
    private final List<VarBind> varBinds;
    private final NotificationReceiver.Display display;
    private volatile List<SnmpVariable> variables;

    Notification(InetSocketAddress source, InetSocketAddress destination, String transport, int version, String community, String securityName,
            String securityLevel, byte[] contextEngineId, String context, Kind kind, Oid enterprise,
            byte[] agentAddress, int genericTrap, int specificTrap, long v1Timestamp, List<VarBind> varBinds,
            NotificationReceiver.Display display) {
        this.source = source;
        this.destination = destination;
        this.transport = transport;
        this.version = version;
        this.community = community;
        this.securityName = securityName;
        this.securityLevel = securityLevel;
        this.contextEngineId = contextEngineId;
        this.context = context;
        this.kind = kind;
        this.enterprise = enterprise;
        this.agentAddress = agentAddress;
        this.genericTrap = genericTrap;
        this.specificTrap = specificTrap;
        this.v1Timestamp = v1Timestamp;
        this.varBinds = varBinds;
        this.display = display;
    }

    /** The sender's address and port. */
    public InetSocketAddress source() {
        return source;
    }

    /**
     * The receiver's address it arrived at: a datagram's own destination address (an endpoint
     * bound to {@code 0.0.0.0} under epoll, as snmptrapd shows it), else the endpoint's bound
     * address (a TCP connection's local address). Under NIO, and for IPv6 endpoints bound to
     * {@code [::]}, no destination can be read: the wildcard address bound is reported.
     */
    public InetSocketAddress destination() {
        return destination;
    }

    /** {@code udp}, {@code udp6}, {@code tcp} or {@code tcp6}. */
    public String transport() {
        return transport;
    }

    /** 1, 2 (= 2c) or 3, as {@code Session.version()}. */
    public int version() {
        return version;
    }

    /** The community (v1, v2c), or null for v3. */
    public String community() {
        return community;
    }

    /** The USM user (v3); for v1 and v2c the community, as RFC 3584 maps it. */
    public String securityName() {
        return securityName;
    }

    /** {@code noAuthNoPriv}, {@code authNoPriv} or {@code authPriv} (v1 and v2c: noAuthNoPriv). */
    public String securityLevel() {
        return securityLevel;
    }

    /** The context engine id (v3), hex; empty for v1 and v2c. */
    public String contextEngineId() {
        return java.util.HexFormat.of().formatHex(contextEngineId);
    }

    /** The context name (v3); empty for v1 and v2c. */
    public String context() {
        return context;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The notification's OID, numeric with a leading dot: snmpTrapOID.0's value, or for a v1 trap
     * its RFC 3584 section 3.1 translation (a generic trap n under snmpTraps as n+1, an
     * enterpriseSpecific one as enterprise.0.specific). Empty when a v2 notification lacks it.
     */
    public String trapOid() {
        if (kind == Kind.TRAP_V1) {
            return "." + trapOidValue();
        }
        for (VarBind vb : varBinds) {
            if (vb.oid().equals(SNMP_TRAP_OID_0) && vb.value().tag() == io.varbind.codec.BerTags.OBJECT_IDENTIFIER) {
                return "." + vb.value().oidValue();
            }
        }
        return "";
    }

    /** A v1 trap's RFC 3584 translation (the processor drops one whose enterprise leaves no room for it). */
    private Oid trapOidValue() {
        return genericTrap == 6 ? enterprise.append(0, specificTrap) : SNMP_TRAPS.append(genericTrap + 1);
    }

    /** Hundredths of a second: the v1 time-stamp, or sysUpTime.0's value; -1 when a v2 notification lacks it. */
    public long uptime() {
        if (kind == Kind.TRAP_V1) {
            return v1Timestamp;
        }
        for (VarBind vb : varBinds) {
            if (vb.oid().equals(SYS_UPTIME_0) && vb.value().tag() == io.varbind.codec.BerTags.TIMETICKS) {
                return vb.value().longValue();
            }
        }
        return -1;
    }

    /** v1: the enterprise, numeric with a leading dot; empty otherwise. */
    public String enterprise() {
        return enterprise == null ? "" : "." + enterprise;
    }

    /** v1: the agent-addr field, dotted; empty otherwise. */
    public String agentAddress() {
        if (agentAddress == null) {
            return "";
        }
        return (agentAddress[0] & 0xFF) + "." + (agentAddress[1] & 0xFF) + "." + (agentAddress[2] & 0xFF) + "."
                + (agentAddress[3] & 0xFF);
    }

    /** v1: generic-trap (0..6); -1 otherwise. */
    public int genericTrap() {
        return kind == Kind.TRAP_V1 ? genericTrap : -1;
    }

    /** v1: specific-trap; -1 otherwise. */
    public int specificTrap() {
        return kind == Kind.TRAP_V1 ? specificTrap : -1;
    }

    /** The varbinds as received (v2: sysUpTime.0 and snmpTrapOID.0 included, as snmptrapd prints them). */
    public List<VarBind> varBinds() {
        return varBinds;
    }

    /**
     * The notification as an SNMPv2-Trap's varbinds. For a v1 trap, RFC 3584 section 3.1's
     * translation: sysUpTime.0 (the time-stamp), snmpTrapOID.0 ({@link #trapOid()}), the trap's own
     * varbinds, and snmpTrapEnterprise.0 (the enterprise) appended unless one is among them (a
     * proxy's snmpTrapAddress.0 and snmpTrapCommunity.0 are not added: {@link #agentAddress()} and
     * {@link #community()} give them). For v2c and v3, {@link #varBinds()} itself.
     */
    public List<VarBind> v2VarBinds() {
        if (kind != Kind.TRAP_V1) {
            return varBinds;
        }
        List<VarBind> out = new ArrayList<>(varBinds.size() + 3);
        out.add(new VarBind(SYS_UPTIME_0, io.varbind.codec.Variable.timeTicks(v1Timestamp)));
        out.add(new VarBind(SNMP_TRAP_OID_0, io.varbind.codec.Variable.objectId(trapOidValue())));
        out.addAll(varBinds);
        boolean given = false;
        for (VarBind vb : varBinds) {
            given |= vb.oid().equals(SNMP_TRAP_ENTERPRISE_0);
        }
        if (!given) {
            out.add(new VarBind(SNMP_TRAP_ENTERPRISE_0, io.varbind.codec.Variable.objectId(enterprise)));
        }
        return List.copyOf(out);
    }

    /** The varbinds as easysnmp-style variables, under the receiver's display flags. */
    public List<SnmpVariable> variables() {
        List<SnmpVariable> v = variables;
        if (v == null) {
            List<SnmpVariable> out = new ArrayList<>(varBinds.size());
            for (VarBind vb : varBinds) {
                out.add(ReceivedVariables.of(vb, display.mibs(), display.useLongNames(), display.useNumeric(),
                        display.useSprintValue(), display.useEnums()));
            }
            v = List.copyOf(out);
            variables = v;
        }
        return v;
    }

    /** Never prints the community. */
    @Override
    public String toString() {
        return "Notification[" + kind + " " + trapOid() + " from " + transport + ":" + source + ", v"
                + (version == 2 ? "2c" : Integer.toString(version)) + (securityName != null && version == 3
                ? " user " + securityName : "") + ", " + varBinds.size() + " varbinds]";
    }
}
