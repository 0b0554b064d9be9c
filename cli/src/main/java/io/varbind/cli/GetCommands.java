package io.varbind.cli;

import io.varbind.Session;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code get}, {@code getnext} and {@code bulkget}. */
final class GetCommands {
    private GetCommands() {
    }

    /** The agent and one or more OIDs, as every get-style command takes them. */
    abstract static class OidsCommand extends SnmpCommand {
        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "OID")
        List<String> oids;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "GET: the values of the OIDs (as snmpget).")
    static final class Get extends OidsCommand {
        @Option(names = "-Cf", description = "do not fix errors and retry the request")
        boolean dontFix;

        @Override
        public Integer execute() {
            try (Session s = session(agent)) {
                return exchange(oids, !dontFix, "Error in packet", s::getVarBinds);
            }
        }
    }

    @Command(name = "getnext", mixinStandardHelpOptions = true,
            description = "GETNEXT: the values following the OIDs (as snmpgetnext).")
    static final class GetNext extends OidsCommand {
        @Option(names = "-Cf", description = "do not fix errors and retry the request")
        boolean dontFix;

        @Override
        public Integer execute() {
            try (Session s = session(agent)) {
                return exchange(oids, !dontFix, "Error in packet.", s::getNextVarBinds);
            }
        }
    }

    @Command(name = "bulkget", mixinStandardHelpOptions = true,
            description = "GETBULK (v2c/v3): non-repeaters then max-repetitions rows (as snmpbulkget).")
    static final class BulkGet extends OidsCommand {
        @Option(names = "-Cn", paramLabel = "N", description = "non-repeaters (default 0)")
        int nonRepeaters;

        @Option(names = "-Cr", paramLabel = "N", description = "max-repetitions (default 10)")
        int maxRepetitions = 10;

        @Override
        public Integer execute() {
            if (nonRepeaters > oids.size()) {
                throw new CliException("need more objects than <nonrep>"); // snmpbulkget's check
            }
            try (Session s = session(agent)) {
                return exchange(oids, false, "Error in packet.",
                        (names, sink) -> s.getBulkVarBinds(names, nonRepeaters, maxRepetitions, sink));
            }
        }
    }
}
