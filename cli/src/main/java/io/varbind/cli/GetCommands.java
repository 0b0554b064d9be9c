package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
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
        @Override
        public Integer call() {
            try (Session s = session(agent)) {
                print(s.get(oids));
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "getnext", mixinStandardHelpOptions = true,
            description = "GETNEXT: the values following the OIDs (as snmpgetnext).")
    static final class GetNext extends OidsCommand {
        @Override
        public Integer call() {
            try (Session s = session(agent)) {
                print(s.getNext(oids));
            }
            return Main.EXIT_OK;
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
        public Integer call() {
            try (Session s = session(agent)) {
                List<SnmpVariable> r = new java.util.ArrayList<>(s.getBulk(oids, nonRepeaters, maxRepetitions));
                // an empty answer (-Cr0) comes back as the request's variables without a type, as
                // easysnmp has it; snmpbulkget prints nothing for it
                r.removeIf(v -> v.snmpType() == null);
                print(r);
            }
            return Main.EXIT_OK;
        }
    }
}
