package io.varbind.cli;

import io.varbind.agent.Notification;
import io.varbind.codec.VarBind;
import io.varbind.format.OutputOptions;
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
        boolean valueOnly = output.options().valueOnly();
        if (n.kind() == Notification.Kind.TRAP_V1) {
            if (valueOnly && !n.varBinds().isEmpty()) {
                // snmptrapd writes a v1 entry into one buffer, and under -Ov each variable empties that
                // buffer before its value (mib.c sprint_realloc_variable): the last value alone is left
                return output.line(n.varBinds().get(n.varBinds().size() - 1)) + "\n";
            }
            String agent = n.agentAddress();
            sb.append(agent).append(" [").append(agent).append("] (via ").append(transport(n))
                    .append(") TRAP, SNMP v1, community ").append(n.community()).append("\n\t")
                    .append(output.name(io.varbind.codec.Oid.parse(n.enterprise()).toArray())).append(' ')
                    .append(generic(n.genericTrap())).append(" Trap (")
                    .append(specific(n)).append(") Uptime: ").append(uptime(n.uptime())).append('\n');
            for (VarBind vb : n.varBinds()) {
                sb.append('\t').append(output.line(vb));
            }
            return sb.append('\n').toString();
        }
        String secure = secureTransport(n);
        if (secure != null) {
            sb.append(secure).append(" [").append(secure).append("]:\n");
        } else {
            // with -n snmptrapd 5.9 names the sender by its transport text, as in the brackets
            String transport = transport(n);
            sb.append(resolveNames ? senderName(n.source()) : transport).append(" [").append(transport).append("]:\n");
        }
        if (valueOnly && !n.varBinds().isEmpty()) {
            // the variables share one buffer, emptied before each value under -Ov (as for v1 above)
            return sb.append(output.line(n.varBinds().get(n.varBinds().size() - 1))).append('\n').toString();
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
     * The specific code as snmptrapd prints it: the last label of ENTERPRISE.0.SPECIFIC in the output
     * style, so a TRAP-TYPE or NOTIFICATION-TYPE defined there shows its name
     * ({@code HHMSAGENT-MIB::hhmsCriticalStatus}, {@code hhmsCriticalStatus} under -Of/-Os) and an
     * unknown one its number; a negative code as an unsigned long (-1: 18446744073709551615).
     */
    private String specific(Notification n) {
        long code = n.specificTrap();
        if (code < 0) {
            return Long.toUnsignedString(code);
        }
        int[] e = io.varbind.codec.Oid.parse(n.enterprise()).toArray();
        int[] oid = java.util.Arrays.copyOf(e, e.length + 2);
        oid[e.length + 1] = (int) code;
        String name = output.name(oid);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The generic trap's name, snmptrapd's {@code Unknown Type} outside 0-6. */
    private static String generic(int code) {
        return code >= 0 && code < GENERIC.length ? GENERIC[code] : "Unknown Type";
    }

    /** A v1 trap's time stamp as snmptrapd prints it: as a Timeticks value's text under -Oq and -Ot. */
    private String uptime(long ticks) {
        OutputOptions o = output.options();
        return o.numericTimeticks() ? Long.toString(ticks) : ValueFormat.timeticks(ticks, o.bareValues());
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
            host = d.getAddress() instanceof Inet6Address ? "[" + address(d.getAddress()) + "]"
                    : d.getAddress().getHostAddress();
        }
        return "TLSTCP: " + host + ":" + d.getPort();
    }

    /** {@code UDP: [src]:port->[dst]:port}, {@code TCP: [src]:port->[0.0.0.0]:0}, {@code UDP/IPv6: [src]:port}. */
    private static String transport(Notification n) {
        InetSocketAddress s = n.source();
        boolean v6 = s.getAddress() instanceof Inet6Address;
        boolean tcp = n.transport().startsWith("tcp");
        String src = "[" + address(s.getAddress()) + "]:" + s.getPort();
        if (v6) {
            return (tcp ? "TCP/IPv6: " : "UDP/IPv6: ") + src;
        }
        InetSocketAddress d = n.destination();
        String dst = tcp || d == null ? "[0.0.0.0]:0" : "[" + d.getAddress().getHostAddress() + "]:" + d.getPort();
        return (tcp ? "TCP: " : "UDP: ") + src + "->" + dst;
    }

    /**
     * An address as snmptrapd prints it: IPv4 dotted, IPv6 as C's {@code inet_ntop} writes it (lower
     * case, the longest run of two or more zero groups as {@code ::}, the first of equal runs,
     * IPv4-mapped and IPv4-compatible addresses with their last 32 bits dotted), no scope.
     */
    static String address(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        }
        int best = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                best = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (i == best) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            if (i == 6 && best == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xFFFF)) {
                sb.append(b[12] & 0xFF).append('.').append(b[13] & 0xFF).append('.').append(b[14] & 0xFF).append('.')
                        .append(b[15] & 0xFF);
                break;
            }
            sb.append(Integer.toHexString(w[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private String senderName(InetSocketAddress s) {
        InetAddress a = s.getAddress();
        if (a instanceof Inet6Address) {
            return "<UNKNOWN>";
        }
        return a.getHostName();
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
