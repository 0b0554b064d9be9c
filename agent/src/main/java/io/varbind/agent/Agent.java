package io.varbind.agent;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import io.varbind.codec.Oid;
import io.varbind.mib.Match;
import io.varbind.mib.MibTree;

/**
 * A running command responder: data loaded, sockets bound. What {@code ./varbind agent} and
 * {@code ./varbind demo} start, and what tests start in-process.
 */
public final class Agent implements AutoCloseable {

    /**
     * How to run the agent. {@code dataFiles} empty means the built-in demo data; {@code v3} null
     * means v3 messages are dropped; {@code threads} 0 means one event loop per core.
     */
    public record Config(List<Endpoint> endpoints, List<Path> dataFiles, List<String> readCommunities,
            List<String> writeCommunities, int threads, V3MessageProcessor v3) {

        public Config {
            endpoints = List.copyOf(endpoints);
            dataFiles = List.copyOf(dataFiles);
            readCommunities = List.copyOf(readCommunities);
            writeCommunities = List.copyOf(writeCommunities);
        }

        /** Demo data, community {@code public} read-only and {@code private} read-write. */
        public static Config demo(List<Endpoint> endpoints) {
            return new Config(endpoints, List.of(), List.of("public"), List.of("private"), 1, null);
        }
    }

    private final AgentServer server;
    private final List<String> warnings;
    private final int instances;

    private Agent(AgentServer server, List<String> warnings, int instances) {
        this.server = server;
        this.warnings = warnings;
        this.instances = instances;
    }

    /** Loads the data and binds every endpoint; throws {@link AgentException} naming what failed. */
    public static Agent start(Config config) {
        List<String> warnings = new ArrayList<>();
        OidValueStore store = loadData(config.dataFiles(), warnings);
        MessageDispatcher dispatcher = new MessageDispatcher(new CommandResponder(store),
                new CommunityTable(config.readCommunities(), config.writeCommunities()), config.v3(),
                new AgentStatistics());
        AgentServer server = AgentServer.start(config.endpoints(), dispatcher, config.threads());
        return new Agent(server, List.copyOf(warnings), store.size());
    }

    /** The demo data set, or the union of the files (a later file wins for the same OID). */
    public static OidValueStore loadData(List<Path> files, List<String> warnings) {
        if (files.isEmpty()) {
            return DemoDataSet.build(System.nanoTime());
        }
        OidValueStore.Builder b = OidValueStore.builder();
        Function<Oid, String> hints = new MibHints();
        for (Path f : files) {
            WalkFileParser parser = new WalkFileParser(hints);
            int before = b.size();
            try {
                parser.parse(f, b::put);
            } catch (WalkFileException e) {
                throw new AgentException(e.getMessage(), e);
            }
            warnings.addAll(parser.warnings());
            if (parser.warningCount() > parser.warnings().size()) {
                warnings.add(f + ": " + (parser.warningCount() - parser.warnings().size()) + " more lines skipped");
            }
            if (b.size() == before && parser.warningCount() > 0) {
                throw new AgentException("data file " + f + " has no usable 'OID = TYPE: value' line (first problem: "
                        + parser.warnings().get(0) + ")");
            }
        }
        return b.build();
    }

    /**
     * DISPLAY-HINTs from the default MIB tree ($MIBDIRS), loaded on the first hinted-looking
     * string only, so files without such strings start without compiling MIBs.
     */
    private static final class MibHints implements Function<Oid, String> {
        private MibTree tree;
        private boolean failed;

        @Override
        public String apply(Oid oid) {
            if (tree == null && !failed) {
                try {
                    tree = MibTree.defaultTree();
                } catch (RuntimeException e) {
                    failed = true;
                }
            }
            if (tree == null) {
                return null;
            }
            int[] arcs = oid.toArray();
            Match m = tree.lookup(arcs, arcs.length);
            return m == null || m.node() == null ? null : m.node().hint();
        }
    }

    public List<InetSocketAddress> udpAddresses() {
        return server.boundAddresses(false);
    }

    public List<InetSocketAddress> tcpAddresses() {
        return server.boundAddresses(true);
    }

    public AgentStatistics statistics() {
        return server.dispatcher().statistics();
    }

    /** Lines of the data files that were skipped, each {@code file:line: why}. */
    public List<String> warnings() {
        return warnings;
    }

    /** Number of object instances served. */
    public int instances() {
        return instances;
    }

    @Override
    public void close() {
        server.close();
    }
}
