package io.varbind.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * One listening address of the agent in Net-SNMP's spelling: {@code [udp:|tcp:|udp6:|tcp6:]host:port},
 * IPv6 hosts in brackets, a port range {@code low-high} for many agents at once, a bare port for
 * every address ({@code udp:16100}). {@code tls:} (or {@code tlstcp:}) is TLS over TCP and
 * {@code dtls:} (or {@code dtlsudp:}) DTLS over UDP, RFC 6353: {@code secure} with {@code tcp} or not.
 */
public record Endpoint(boolean tcp, String host, int portLow, int portHigh, boolean secure) {

    public Endpoint {
        if (portLow < 0 || portHigh > 65535 || portHigh < portLow) {
            throw new IllegalArgumentException("bad port range " + portLow + "-" + portHigh);
        }
    }

    /** A plain UDP or TCP endpoint. */
    public Endpoint(boolean tcp, String host, int portLow, int portHigh) {
        this(tcp, host, portLow, portHigh, false);
    }

    /** The transport's prefix: {@code udp}, {@code tcp}, {@code tls} or {@code dtls}. */
    public String transport() {
        return secure ? (tcp ? "tls" : "dtls") : (tcp ? "tcp" : "udp");
    }

    public int portCount() {
        return portHigh - portLow + 1;
    }

    /** Parses a comma-separated list. */
    public static List<Endpoint> parseList(String text) {
        List<Endpoint> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no endpoint in '" + text + "'");
        }
        return out;
    }

    public static Endpoint parse(String spec) {
        String s = spec;
        boolean tcp = false;
        boolean v6 = false;
        boolean secure = false;
        int colon = s.indexOf(':');
        if (colon > 0 && !s.startsWith("[")) {
            String prefix = s.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            switch (prefix) {
                case "udp": s = s.substring(colon + 1); break;
                case "tcp": tcp = true; s = s.substring(colon + 1); break;
                case "udp6": v6 = true; s = s.substring(colon + 1); break;
                case "tcp6": tcp = true; v6 = true; s = s.substring(colon + 1); break;
                case "tls": case "tlstcp": tcp = true; secure = true; s = s.substring(colon + 1); break;
                case "dtls": case "dtlsudp": secure = true; s = s.substring(colon + 1); break;
                default: break;
            }
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in endpoint '" + spec + "'");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("no port in endpoint '" + spec + "'");
            }
            port = rest.substring(1);
        } else {
            int last = s.lastIndexOf(':');
            if (last < 0) {
                host = v6 ? "::" : "0.0.0.0";
                port = s;
            } else {
                host = s.substring(0, last);
                port = s.substring(last + 1);
                if (host.contains(":")) {
                    throw new IllegalArgumentException("IPv6 address needs brackets in endpoint '" + spec + "'");
                }
            }
        }
        int dash = port.indexOf('-');
        try {
            int low = Integer.parseInt(dash < 0 ? port : port.substring(0, dash));
            int high = dash < 0 ? low : Integer.parseInt(port.substring(dash + 1));
            return new Endpoint(tcp, host, low, high, secure);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + port + "' in endpoint '" + spec + "'");
        }
    }

    /** What binds one port of an endpoint (a Netty bind, a DTLS server); may throw Netty's unchecked bind errors. */
    @FunctionalInterface
    interface PortBinder {
        void bind(Endpoint endpoint, java.net.InetSocketAddress address) throws Exception;
    }

    /**
     * Binds every port of every endpoint, in order, with {@code binder}: the one loop of the agent's
     * and the notification receiver's listening. A host that does not resolve, and a failed bind
     * ("Address already in use", which Netty rethrows unchecked), become {@link AgentException}s
     * naming the endpoint and port.
     */
    static void bindEach(List<Endpoint> endpoints, PortBinder binder) {
        for (Endpoint e : endpoints) {
            for (int port = e.portLow(); port <= e.portHigh(); port++) {
                java.net.InetSocketAddress addr = new java.net.InetSocketAddress(e.host(), port);
                if (addr.isUnresolved()) {
                    throw new AgentException("cannot resolve host '" + e.host() + "' of endpoint " + e);
                }
                try {
                    binder.bind(e, addr);
                } catch (AgentException ex) {
                    throw ex;
                } catch (Exception ex) {
                    throw new AgentException("cannot listen on " + e.transport() + ":" + bracketed(e.host()) + ":"
                            + port + ": " + ex.getMessage(), ex);
                }
            }
        }
    }

    /** {@code host:port}, an IPv6 address in brackets: how endpoints are written. */
    static String hostPort(java.net.InetSocketAddress a) {
        return bracketed(a.getAddress().getHostAddress()) + ":" + a.getPort();
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        String h = bracketed(host);
        return transport() + ":" + h + ":" + (portLow == portHigh ? "" + portLow : portLow + "-" + portHigh);
    }
}
