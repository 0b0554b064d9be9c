package io.varbind.cli;

import io.varbind.agent.Endpoint;
import io.varbind.agent.SnmpAgent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./varbind agent}: the built-in command responder, until interrupted. */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answers SNMP v1/v2c/v3 GET, GETNEXT, GETBULK and SET on every endpoint given,",
            "from snmpwalk -On -OU -Oe files, or from built-in demo data when no --data is given."})
final class AgentCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    LogOptions log;

    @ParentCommand
    VarbindCommand parent;

    @Option(names = "--listen", required = true, paramLabel = "ENDPOINT[,ENDPOINT...]",
            description = "udp:HOST:PORT, tcp:HOST:PORT, udp6:[::1]:PORT, tcp6:..., tls:HOST:PORT, dtls:HOST:PORT (with -T); a port range LOW-HIGH binds each port")
    List<String> listen = new ArrayList<>();

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
            description = "walk files (snmpwalk -On -OU -Oe output); a later file wins for the same OID")
    List<Path> data = new ArrayList<>();

    @Option(names = {"-c", "--community"}, paramLabel = "COMMUNITY",
            description = "read-only community (repeatable; default: public)")
    List<String> communities = new ArrayList<>();

    @Option(names = {"-w", "--rw-community"}, paramLabel = "COMMUNITY",
            description = "read-write community (repeatable; default: none, so SET is refused with noAccess)")
    List<String> rwCommunities = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "event-loop threads (default: one per core)")
    int threads;

    @Option(names = "--user", paramLabel = "NAME:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS",
            description = {"SNMPv3 USM user, read-only (repeatable); AUTHPROTO MD5|SHA|SHA-224..SHA-512,",
                "PRIVPROTO DES|3DES|AES|AES-192|AES-256|AES-192-C|AES-256-C; NAME:AUTHPROTO:AUTHPASS for authNoPriv"})
    List<String> users = new ArrayList<>();

    @Option(names = "--rw-user", paramLabel = "NAME:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS",
            description = "SNMPv3 USM user that may also SET (repeatable)")
    List<String> rwUsers = new ArrayList<>();

    @Option(names = "--engine-id", paramLabel = "HEX",
            description = "the agent's snmpEngineID (default: a random one of RFC 3411 format 5)")
    String engineIdHex;

    @Option(names = "--engine-boots", paramLabel = "N", description = "snmpEngineBoots to announce (default 1)")
    int engineBoots = 1;

    @Option(names = "--devices",
            description = "each port its own simulated device: sysName NAME-PORT, its own uptime and moving counters")
    boolean devices;

    @Option(names = {"-q", "--quiet"}, description = "no start-up and statistics lines on stderr")
    boolean quiet;

    @picocli.CommandLine.Mixin
    TlsListenOptions tls = new TlsListenOptions();

    @Override
    public Integer call() throws InterruptedException {
        SnmpAgent.Builder b = SnmpAgent.builder().threads(threads).statisticsMib();
        for (String l : listen) {
            try {
                Endpoint.parseList(l);
            } catch (IllegalArgumentException e) {
                throw new UsageException("agent --listen: " + e.getMessage());
            }
            b.listen(l);
        }
        (communities.isEmpty() ? List.of("public") : communities).forEach(b::community);
        rwCommunities.forEach(b::writeCommunity);
        if (engineIdHex != null) {
            try {
                b.engineId(engineIdHex);
            } catch (IllegalArgumentException e) {
                throw new UsageException("agent --engine-id: 5 to 32 octets in hex, got '" + engineIdHex + "'");
            }
        }
        if (engineBoots < 1) {
            throw new UsageException("agent --engine-boots: at least 1");
        }
        b.engineBoots(engineBoots);
        addUsers(b, users, false);
        addUsers(b, rwUsers, true);
        if (data.isEmpty()) {
            b.demoData();
        } else {
            data.forEach(b::data);
        }
        if (devices) {
            b.devicePerEndpoint();
        }
        TlsListenOptions.Settings t = tls.parse("agent");
        t.applyTo("agent", b::localCert, b::trustCert, b::certSecName);
        t.tsmUsers().forEach(b::readOnlyTsmUser);
        t.applyDtlsLimits(b::dtlsLimits);
        t.rwTsmUsers().forEach(b::tsmUser);
        SnmpAgent agent;
        try {
            agent = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("agent: " + e.getMessage());
        }
        for (String w : agent.warnings()) {
            parent.err.println("varbind agent: skipped " + w);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            if (!quiet) {
                parent.err.println("varbind agent: stopped; " + agent.statistics());
            }
            stopped.countDown();
        }, "varbind-agent-shutdown"));
        if (!quiet) {
            List<InetSocketAddress> udp = agent.udpEndpoints();
            List<InetSocketAddress> tcp = agent.tcpEndpoints();
            parent.err.println("varbind agent: " + agent.instances() + " instances from "
                    + (data.isEmpty() ? "the demo data set" : data.size() + " file(s)") + "; listening on "
                    + (listen.stream().anyMatch(l -> l.contains("tls"))
                            ? String.join(", ", agent.endpointNames())
                            : describe("udp", udp) + (tcp.isEmpty() ? "" : ", " + describe("tcp", tcp)))
                    + "; Ctrl-C stops");
        }
        stopped.await();
        return Main.EXIT_OK;
    }

    /** {@code NAME:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS}, the last two or four fields optional. */
    private static void addUsers(SnmpAgent.Builder b, List<String> specs, boolean rw) {
        for (String spec : specs) {
            String[] f = spec.split(":", -1);
            try {
                if (f.length != 1 && f.length != 3 && f.length != 5 || f[0].isEmpty()) {
                    throw new IllegalArgumentException("expected NAME:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS, got "
                            + f.length + " fields");
                }
                String auth = f.length >= 3 ? f[1] : null;
                String authPass = f.length >= 3 ? f[2] : null;
                String priv = f.length == 5 ? f[3] : null;
                String privPass = f.length == 5 ? f[4] : null;
                if (rw) {
                    b.user(f[0], auth, authPass, priv, privPass);
                } else {
                    b.readOnlyUser(f[0], auth, authPass, priv, privPass);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("agent " + (rw ? "--rw-user" : "--user") + ": " + e.getMessage());
            }
        }
    }

    private static String describe(String proto, List<InetSocketAddress> addrs) {
        if (addrs.isEmpty()) {
            return "no " + proto + " port";
        }
        if (addrs.size() > 3) {
            return addrs.size() + " " + proto + " ports (" + format(proto, addrs.get(0)) + " ... "
                    + format(proto, addrs.get(addrs.size() - 1)) + ")";
        }
        StringBuilder sb = new StringBuilder();
        for (InetSocketAddress a : addrs) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(format(proto, a));
        }
        return sb.toString();
    }

    static String format(String proto, InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        boolean v6 = host.contains(":");
        return proto + (v6 ? "6:[" + host + "]" : ":" + host) + ":" + a.getPort();
    }
}
