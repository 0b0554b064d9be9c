package io.varbind.session;

import java.util.Locale;

/**
 * Where a session sends: the transport ({@code udp udp6 tcp tcp6 tls dtls}), the host alone and the
 * port, parsed from a Net-SNMP style address ({@code tcp:host:port}, {@code [::1]:161}, {@code ::1}),
 * and whether that port was given (else it is the requests' default, 161 or 10161, and
 * notifications go to 162 or 10162).
 */
public record TargetAddress(String transport, String host, int port, boolean portGiven) {

    /** An address whose port was given. */
    public TargetAddress(String transport, String host, int port) {
        this(transport, host, port, true);
    }

    /** Net-SNMP's transport prefixes and the transport each one names. */
    private static final String[][] PREFIXES = {
        {"udp", "udp"}, {"udp6", "udp6"}, {"udpv6", "udp6"}, {"udpipv6", "udp6"},
        {"tcp", "tcp"}, {"tcp6", "tcp6"}, {"tcpv6", "tcp6"}, {"tcpipv6", "tcp6"},
        {"tls", "tls"}, {"tlstcp", "tls"}, {"dtls", "dtls"}, {"dtlsudp", "dtls"},
    };

    /**
     * Parses {@code hostname} with an optional transport prefix and port. {@code remotePort} is the
     * builder's separate port (0 = none); a port in both places is an error, as in easysnmp.
     *
     * @throws IllegalArgumentException for an empty host, a bad port, or two ports
     */
    public static TargetAddress parse(String hostname, int remotePort) {
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("hostname is empty");
        }
        if (remotePort < 0 || remotePort > 65535) {
            throw new IllegalArgumentException("remotePort " + remotePort + " is outside 0..65535");
        }
        String rest = hostname.trim();
        String transport = null;
        int colon = rest.indexOf(':');
        if (colon > 0) {
            String prefix = rest.substring(0, colon).toLowerCase(Locale.ROOT);
            for (String[] p : PREFIXES) {
                if (p[0].equals(prefix)) {
                    transport = p[1];
                    rest = rest.substring(colon + 1);
                    break;
                }
            }
        }
        String host;
        String portText = null;
        boolean ipv6Literal = false;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in hostname " + hostname);
            }
            host = rest.substring(1, close);
            ipv6Literal = true;
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + after + "' after ']' in hostname " + hostname);
            }
        } else if (rest.indexOf(':') != rest.lastIndexOf(':')) {
            host = rest; // a bare IPv6 address: no port can be told apart
            ipv6Literal = true;
        } else if (rest.indexOf(':') >= 0) {
            host = rest.substring(0, rest.indexOf(':'));
            portText = rest.substring(rest.indexOf(':') + 1);
        } else {
            host = rest;
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in hostname " + hostname);
        }
        if (transport == null) {
            transport = ipv6Literal ? "udp6" : "udp";
        }
        int port = 0;
        if (portText != null) {
            if (remotePort != 0) {
                throw new IllegalArgumentException("a remote port (" + remotePort
                        + ") was given yet the hostname " + hostname + " has a port too");
            }
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port '" + portText + "' in hostname " + hostname);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " in hostname " + hostname + " is outside 1..65535");
            }
        } else if (remotePort != 0) {
            port = remotePort;
        } else {
            port = transport.equals("tls") || transport.equals("dtls") ? 10161 : 161;
        }
        return new TargetAddress(transport, host, port, portText != null || remotePort != 0);
    }

    /** True for the stream transports (tcp, tcp6, tls). */
    public boolean isStream() {
        return transport.startsWith("tcp") || transport.equals("tls");
    }
}
