package io.varbind.session;

import io.varbind.SnmpEngine;
import io.varbind.SnmpException;
import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.TrapV1Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.engine.MessageProcessing;
import io.varbind.engine.Target;
import io.varbind.engine.UsmMessageProcessing;
import io.varbind.engine.UsmTrapProcessing;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The notification originator of one {@link io.varbind.Session} (RFC 3413 section 3.2): builds
 * SNMPv2-Trap, InformRequest and SNMPv1 Trap PDUs from the session's names and values, and sends
 * them to the session's agent address at port 162 (10162 over TLS/DTLS) unless a port was given.
 *
 * <p>The variable list of an SNMPv2 notification starts with sysUpTime.0 and snmpTrapOID.0 (RFC
 * 3416 section 4.2.6); sysUpTime.0 is the engine's uptime unless the first given variable is
 * sysUpTime.0. A v3 trap goes out with this side as the authoritative engine
 * ({@link UsmTrapProcessing}); a v3 inform discovers the receiver's engine like any request, with
 * a processing of its own (a session's request processing holds the agent it discovered).
 */
public final class NotificationSender {
    /** sysUpTime.0 (RFC 3418). */
    public static final Oid SYS_UPTIME_0 = Oid.of(1, 3, 6, 1, 2, 1, 1, 3, 0);
    /** snmpTrapOID.0 (RFC 3418). */
    public static final Oid SNMP_TRAP_OID_0 = Oid.of(1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0);
    /** snmptrap's enterprise when none is given (Net-SNMP's default, {@code .1.3.6.1.4.1.3.1.1}). */
    private static final Oid DEFAULT_ENTERPRISE = Oid.of(1, 3, 6, 1, 4, 1, 3, 1, 1);

    /** Turns a name, a value and an optional type into a varbind exactly as {@code set} does. */
    @FunctionalInterface
    public interface Binder {
        VarBind bind(String name, Object value, String snmpType);
    }

    private final SnmpEngine engine;
    private final Target base;
    private final Binder binder;
    private final Function<String, Oid> resolver;
    private final Target trapTarget;
    private final Target informTarget;

    /**
     * @param base the session's request target (address, transport, version, community, timeouts)
     * @param portGiven whether the session names a port (else 162, or 10162 for TLS/DTLS)
     * @param trapProcessing the v3 trap processing (sender authoritative), null for v1/v2c
     * @param informProcessing the v3 inform processing (receiver discovered), null for v1/v2c
     */
    public NotificationSender(SnmpEngine engine, Target base, boolean portGiven, MessageProcessing trapProcessing,
            MessageProcessing informProcessing, Binder binder, Function<String, Oid> resolver) {
        this.engine = engine;
        this.base = base;
        this.binder = binder;
        this.resolver = resolver;
        InetSocketAddress to = base.address();
        if (!portGiven) {
            boolean secure = base.processing().tls() != null;
            to = new InetSocketAddress(to.getAddress(), secure ? 10162 : 162);
        }
        this.trapTarget = withProcessing(to, base, trapProcessing);
        this.informTarget = withProcessing(to, base, informProcessing);
    }

    private static Target withProcessing(InetSocketAddress to, Target b, MessageProcessing p) {
        MessageProcessing processing = b.version() == 3 && p != null ? p : b.version() == 3 ? b.processing() : null;
        return new Target(to, b.transport(), b.version(), b.community(), b.timeoutNanos(), b.retries(), b.localPort(),
                processing);
    }

    /** Where notifications go. */
    public InetSocketAddress destination() {
        return trapTarget.address();
    }

    /** An SNMPv2-Trap (v2c and v3); completes once sent. */
    public CompletableFuture<Void> trap(String trapOid, List<SnmpVariable> variables) {
        try {
            refuseV1("an SNMPv2 trap");
            Pdu pdu = new Pdu(BerTags.TRAP_V2, 0, 0, 0, bindings(trapOid, variables));
            Target t = trapTarget;
            return engine.sendUnconfirmed(t, (out, off, id) -> t.processing().encodeRequest(t, pdu, id, out, off));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** An InformRequest (v2c and v3); completes when the receiver's Response arrives. */
    public CompletableFuture<Void> inform(String trapOid, List<SnmpVariable> variables) {
        try {
            refuseV1("an inform");
            Pdu pdu = new Pdu(BerTags.INFORM, 0, 0, 0, bindings(trapOid, variables));
            return engine.request(informTarget, pdu).thenApply(r -> {
                if (r.pdu().errorStatus() != 0) {
                    throw new SnmpException("the receiver refused the inform: " + ErrorStatus.text(r.pdu().errorStatus()));
                }
                return null;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * An SNMPv1 Trap-PDU (v1 sessions only). An empty enterprise is Net-SNMP's default
     * {@code .1.3.6.1.4.1.3.1.1}; an empty agent address is this host's IPv4 address; the
     * time-stamp is the engine's uptime unless the first variable is sysUpTime.0.
     */
    public CompletableFuture<Void> trapV1(String enterprise, String agentAddress, int genericTrap, int specificTrap,
            List<SnmpVariable> variables) {
        try {
            if (base.version() != 0) {
                throw new SnmpException("a v1 trap needs a version 1 session");
            }
            if (genericTrap < 0 || genericTrap > 6) {
                throw new IllegalArgumentException("generic-trap must be 0..6, not " + genericTrap);
            }
            Oid ent = enterprise == null || enterprise.isEmpty() ? DEFAULT_ENTERPRISE : resolver.apply(enterprise);
            List<VarBind> vbs = new ArrayList<>(variables.size());
            long time = engine.uptimeTicks() & 0xFFFFFFFFL;
            for (int i = 0; i < variables.size(); i++) {
                VarBind vb = bind(variables.get(i));
                if (i == 0 && vb.oid().equals(SYS_UPTIME_0)) {
                    time = ticks(vb);
                } else {
                    vbs.add(vb);
                }
            }
            TrapV1Pdu pdu = new TrapV1Pdu(ent, agentAddress(agentAddress), genericTrap, specificTrap, time, vbs);
            CommunityMessage m = new CommunityMessage(0, base.community(), pdu);
            return engine.sendUnconfirmed(trapTarget, (out, off, id) -> SnmpMessageEncoder.encode(m, out, off));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void refuseV1(String what) {
        if (base.version() == 0) {
            throw new SnmpException(what + " is not available in SNMPv1: use trapV1");
        }
    }

    private VarBind bind(SnmpVariable v) {
        String type = v.snmpType();
        if ((type == null || type.isEmpty()) && resolver.apply(v.name()).equals(SYS_UPTIME_0)) {
            type = "t"; // sysUpTime.0 is sysUpTimeInstance to the MIBs, an OID without a type
        }
        return binder.bind(v.name(), v.value(), type);
    }

    private static long ticks(VarBind vb) {
        Variable v = vb.value();
        if (v.tag() != BerTags.TIMETICKS) {
            throw new IllegalArgumentException("sysUpTime.0 must be Timeticks, not " + BerTags.name(v.tag()));
        }
        return v.longValue();
    }

    /**
     * sysUpTime.0, snmpTrapOID.0, then the given variables (a leading sysUpTime.0 among them gives
     * the uptime); an immutable list, which the PDU keeps without copying it again.
     */
    List<VarBind> bindings(String trapOid, List<SnmpVariable> variables) {
        if (trapOid == null || trapOid.isEmpty()) {
            throw new IllegalArgumentException("a notification needs a trap OID");
        }
        VarBind[] out = new VarBind[variables.size() + 2];
        out[0] = new VarBind(SYS_UPTIME_0, Variable.timeTicks(engine.uptimeTicks() & 0xFFFFFFFFL));
        out[1] = trapOidBinding(trapOid);
        int n = 2;
        for (int i = 0; i < variables.size(); i++) {
            VarBind vb = bind(variables.get(i));
            if (i == 0 && vb.oid().equals(SYS_UPTIME_0)) {
                ticks(vb); // checks the type
                out[0] = vb;
            } else {
                out[n++] = vb;
            }
        }
        return List.of(n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }

    /** The last snmpTrapOID.0 binding made, by the trap OID as given: a sender repeats its few notifications. */
    private record TrapOidBinding(String spec, VarBind binding) {
    }

    private volatile TrapOidBinding lastTrapOid;

    private VarBind trapOidBinding(String trapOid) {
        TrapOidBinding last = lastTrapOid;
        if (last != null && last.spec().equals(trapOid)) {
            return last.binding(); // immutable: shared by every notification of that kind
        }
        VarBind b = new VarBind(SNMP_TRAP_OID_0, Variable.objectId(resolver.apply(trapOid)));
        lastTrapOid = new TrapOidBinding(trapOid, b);
        return b;
    }

    private static byte[] agentAddress(String text) {
        if (text == null || text.isEmpty()) {
            return hostAddress();
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (!(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("agent-addr must be an IPv4 address, not " + text);
            }
            return a.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("agent-addr " + text + " is not an address", e);
        }
    }

    /**
     * This host's address as snmptrap fills an empty agent-addr (Net-SNMP's get_myaddr): the first
     * IPv4 address of the first interface, by index, that is up and not the loopback; else 0.0.0.0.
     */
    private static byte[] hostAddress() {
        try {
            List<java.net.NetworkInterface> all = new ArrayList<>(
                    java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()));
            all.sort(java.util.Comparator.comparingInt(java.net.NetworkInterface::getIndex));
            for (java.net.NetworkInterface i : all) {
                if (!i.isUp() || i.isLoopback()) {
                    continue;
                }
                for (InetAddress a : java.util.Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getAddress();
                    }
                }
            }
        } catch (java.net.SocketException | RuntimeException e) {
            // no interface list: as Net-SNMP without one
        }
        return new byte[4];
    }

    /** Drops the localized keys of the v3 processings this sender made. */
    public void destroy() {
        if (trapTarget.processing() instanceof UsmTrapProcessing p) {
            p.destroy();
        }
        if (informTarget.processing() instanceof UsmMessageProcessing p && p != base.processing()) {
            p.destroy();
        }
    }
}
