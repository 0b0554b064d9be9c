package io.varbind.cli;

import io.varbind.agent.Notification;
import io.varbind.codec.VarBind;
import io.varbind.format.ValueFormat;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A notification as {@code snmptrapd -f -Lo} prints it by default (Net-SNMP 5.9): for SNMPv2
 * traps and informs (v2c, v3)
 * <pre>
 * 2026-12-06 01:29:56 localhost [UDP: [127.0.0.1]:45343-&gt;[127.0.0.1]:162]:
 * VARBIND&lt;TAB&gt;VARBIND...
 * </pre>
 * and for SNMPv1 traps
 * <pre>
 * 2026-12-06 01:29:56 192.0.2.5 [192.0.2.5] (via UDP: [127.0.0.1]:42058-&gt;[127.0.0.1]:162) TRAP, SNMP v1, community public
 * &lt;TAB&gt;ENTERPRISE Enterprise Specific Trap (17) Uptime: 0:00:43.21
 * &lt;TAB&gt;VARBIND&lt;TAB&gt;VARBIND...
 * </pre>
 * Varbinds are {@link NetSnmpOutput} lines under the {@code -O} flags. The sender's name is the
 * reverse lookup of its address (IPv4; snmptrapd prints {@code <UNKNOWN>} for IPv6), the v1 agent
 * address stays numeric, and a TCP destination is {@code [0.0.0.0]:0}, as snmptrapd shows them.
 * Over the secure transports snmptrapd 5.9.3 names no sender, with or without {@code -n}: a TLS
 * notification shows the listening address as given ({@code TLSTCP: 0.0.0.0:10162 [TLSTCP:
 * 0.0.0.0:10162]:}), a DTLS one {@code DTLSUDP: unknown [DTLSUDP: unknown]:}.
 */
final class TrapdFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] GENERIC = {"Cold Start", "Warm Start", "Link Down", "Link Up",
        "Authentication Failure", "EGP Neighbor Loss", "Enterprise Specific"};

    private final NetSnmpOutput output;
    private final boolean resolveNames;
    /** The {@code tls:} endpoints' bound hosts by port (a wildcard stays the wildcard, as snmptrapd prints it). */
    private volatile java.util.Map<Integer, String> tlsHosts = java.util.Map.of();

    TrapdFormat(NetSnmpOutput output, boolean resolveNames) {
        this.output = output;
        this.resolveNames = resolveNames;
    }

    /**
     * The receiver's bound endpoints ({@code tls:HOST:PORT} and others, as
     * {@code NotificationReceiver.endpoints()} lists them): TLS entries show the address listened on.
     */
    void boundEndpoints(java.util.List<String> endpoints) {
        java.util.Map<Integer, String> hosts = new java.util.HashMap<>();
        for (String e : endpoints) {
            if (e.startsWith("tls:")) {
                int colon = e.lastIndexOf(':');
                hosts.put(Integer.parseInt(e.substring(colon + 1)), e.substring(4, colon));
            }
        }
        tlsHosts = java.util.Map.copyOf(hosts);
    }

    /** The whole entry, ending with a newline. */
    String format(Notification n, LocalDateTime when) {
        StringBuilder sb = new StringBuilder(256).append(TIME.format(when)).append(' ');
        if (n.kind() == Notification.Kind.TRAP_V1) {
            String agent = n.agentAddress();
            sb.append(agent).append(" [").append(agent).append("] (via ").append(transport(n))
                    .append(") TRAP, SNMP v1, community ").append(n.community()).append("\n\t")
                    .append(output.name(io.varbind.codec.Oid.parse(n.enterprise()).toArray())).append(' ')
                    .append(GENERIC[Math.min(6, Math.max(0, n.genericTrap()))]).append(" Trap (")
                    .append(n.specificTrap()).append(") Uptime: ").append(ValueFormat.timeticks(n.uptime(), false))
                    .append('\n');
            for (VarBind vb : n.varBinds()) {
                sb.append('\t').append(output.line(vb));
            }
            return sb.append('\n').toString();
        }
        String secure = secureTransport(n);
        if (secure != null) {
            sb.append(secure).append(" [").append(secure).append("]:\n");
        } else {
            sb.append(senderName(n.source())).append(" [").append(transport(n)).append("]:\n");
        }
        boolean first = true;
        for (VarBind vb : n.varBinds()) {
            if (!first) {
                sb.append('\t');
            }
            first = false;
            sb.append(output.line(vb));
        }
        return sb.append('\n').toString();
    }

    /**
     * What snmptrapd prints for both the sender and its transport over TLS and DTLS (checked against
     * snmptrapd 5.9.3 in {@code TrapdCommandTest}); null for the other transports.
     */
    private String secureTransport(Notification n) {
        if (n.transport().equals("dtls")) {
            return "DTLSUDP: unknown";
        }
        if (!n.transport().equals("tls")) {
            return null;
        }
        InetSocketAddress d = n.destination();
        if (d == null) {
            return "TLSTCP: unknown";
        }
        String host = tlsHosts.get(d.getPort());
        if (host == null) {
            host = d.getAddress() instanceof Inet6Address ? "[" + d.getAddress().getHostAddress() + "]"
                    : d.getAddress().getHostAddress();
        }
        return "TLSTCP: " + host + ":" + d.getPort();
    }

    /** {@code UDP: [src]:port->[dst]:port}, {@code TCP: [src]:port->[0.0.0.0]:0}, {@code UDP/IPv6: [src]:port}. */
    private static String transport(Notification n) {
        InetSocketAddress s = n.source();
        boolean v6 = s.getAddress() instanceof Inet6Address;
        boolean tcp = n.transport().startsWith("tcp");
        String src = "[" + s.getAddress().getHostAddress().replaceFirst("%.*$", "") + "]:" + s.getPort();
        if (v6) {
            return (tcp ? "TCP/IPv6: " : "UDP/IPv6: ") + src;
        }
        InetSocketAddress d = n.destination();
        String dst = tcp || d == null ? "[0.0.0.0]:0" : "[" + d.getAddress().getHostAddress() + "]:" + d.getPort();
        return (tcp ? "TCP: " : "UDP: ") + src + "->" + dst;
    }

    private String senderName(InetSocketAddress s) {
        InetAddress a = s.getAddress();
        if (a instanceof Inet6Address) {
            return "<UNKNOWN>";
        }
        return resolveNames ? a.getHostName() : a.getHostAddress();
    }

    /** One JSON object: the notification's fields and its variables with easysnmp's fields. */
    String json(Notification n, LocalDateTime when) {
        StringBuilder sb = new StringBuilder(256).append("{\"time\":").append(NetSnmpOutput.quote(TIME.format(when)))
                .append(",\"transport\":").append(NetSnmpOutput.quote(n.transport()))
                .append(",\"source\":").append(NetSnmpOutput.quote(n.source().getAddress().getHostAddress()))
                .append(",\"source_port\":").append(n.source().getPort())
                .append(",\"version\":").append(NetSnmpOutput.quote(n.version() == 2 ? "2c" : "" + n.version()))
                .append(",\"kind\":").append(NetSnmpOutput.quote(switch (n.kind()) {
                    case TRAP_V1 -> "trap1";
                    case TRAP -> "trap";
                    case INFORM -> "inform";
                }));
        if (n.version() == 3) {
            sb.append(",\"security_name\":").append(NetSnmpOutput.quote(n.securityName()))
                    .append(",\"security_level\":").append(NetSnmpOutput.quote(n.securityLevel()))
                    .append(",\"context\":").append(NetSnmpOutput.quote(n.context()));
        } else {
            sb.append(",\"community\":").append(NetSnmpOutput.quote(n.community()));
        }
        sb.append(",\"trap_oid\":").append(NetSnmpOutput.quote(n.trapOid())).append(",\"uptime\":").append(n.uptime());
        if (n.kind() == Notification.Kind.TRAP_V1) {
            sb.append(",\"enterprise\":").append(NetSnmpOutput.quote(n.enterprise()))
                    .append(",\"agent_address\":").append(NetSnmpOutput.quote(n.agentAddress()))
                    .append(",\"generic_trap\":").append(n.genericTrap())
                    .append(",\"specific_trap\":").append(n.specificTrap());
        }
        sb.append(",\"variables\":[");
        boolean first = true;
        for (VarBind vb : n.varBinds()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(output.json(vb));
        }
        return sb.append("]}").toString();
    }
}
