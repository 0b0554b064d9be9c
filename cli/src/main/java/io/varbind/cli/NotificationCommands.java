package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trap} and {@code inform}: snmptrap's and snmpinform's arguments onto
 * {@link Session#trap}, {@link Session#trapV1} and {@link Session#inform}. The agent's port
 * defaults to 162. An empty UPTIME is now: the host's uptime, as Net-SNMP reads it on Linux
 * ({@code /proc/uptime}), else the engine's.
 */
final class NotificationCommands {
    private NotificationCommands() {
    }

    /** AGENT and the words after it, whose meaning depends on the version. */
    abstract static class NotificationCommand extends SnmpCommand {
        static final String MISSING_UPTIME = "Missing up-time parameter";
        static final String MISSING_TRAP_OID = "Missing trap-oid parameter";
        /** snmpinform's line for -v 1 (there is no SNMPv1 InformRequest). */
        static final String NO_V1_INFORM = "Cannot send INFORM as SNMPv1 PDU";

        @Override
        boolean timeoutAsSnmpget() {
            return false;
        }

        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1..*", arity = "0..*",
                paramLabel = "UPTIME TRAPOID [OID TYPE VALUE]... | ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]...")
        List<String> words = new ArrayList<>();

        /** OID TYPE VALUE triples from {@code words[from]} on ({@code =} as TYPE: the MIB's), after sysUpTime.0. */
        List<SnmpVariable> variables(String uptime, int from) {
            int n = words.size() - from;
            if (n % 3 != 0) {
                // snmptrap's line, naming the OID whose TYPE or VALUE is missing
                throw UsageException.verbatim(words.get(words.size() - n % 3) + ": Missing type/value for variable");
            }
            List<SnmpVariable> vars = new ArrayList<>(n / 3 + 1);
            String ticks = uptime.isEmpty() ? hostUptime() : Long.toString(atol(uptime));
            if (ticks != null) {
                vars.add(SnmpVariable.of(".1.3.6.1.2.1.1.3.0", ticks, "t")); // sysUpTime.0, by number: -m '' knows no name
            }
            for (int i = from; i < words.size(); i += 3) {
                vars.add(typed(words.get(i), words.get(i + 1), words.get(i + 2)));
            }
            return vars;
        }

        /** Hundredths of a second since the host booted, or null (then the engine's uptime). */
        static String hostUptime() {
            try {
                String s = Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0];
                return Long.toString((long) (Double.parseDouble(s) * 100));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The field {@code i}, or snmptrap's line for the missing one ({@code Missing trap-oid parameter}). */
        String word(int i, String missing) {
            if (i >= words.size()) {
                throw UsageException.verbatim(missing);
            }
            return words.get(i);
        }

        /** TRAPOID, after UPTIME is known to be there (snmptrap names the first field missing). */
        String trapOid() {
            word(0, MISSING_UPTIME);
            return word(1, MISSING_TRAP_OID);
        }

        /** C's atol, as snmptrap reads GENERIC, SPECIFIC and UPTIME: leading digits, else 0 ({@code x} is 0). */
        static long atol(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?\\d+)").matcher(text);
            if (!m.find()) {
                return 0;
            }
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }

        static int number(String text) {
            return (int) atol(text);
        }
    }

    @Command(name = "trap", mixinStandardHelpOptions = true,
            description = "Sends a trap, as snmptrap: AGENT UPTIME TRAPOID [OID TYPE VALUE]...; with -v 1:"
                    + " AGENT ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]... (empty UPTIME: now;"
                    + " default port 162).")
    static final class Trap extends NotificationCommand {
        @Option(names = "-Ci", description = "send an inform and wait for its acknowledgement, as snmpinform")
        boolean inform;

        @Override
        public Integer execute() {
            try (Session s = session(agent)) {
                if (inform && s.version() == 1) {
                    throw CliException.verbatim(NO_V1_INFORM, null);
                }
                if (inform) {
                    s.inform(trapOid(), variables(word(0, MISSING_UPTIME), 2));
                    return Main.EXIT_OK;
                }
                if (s.version() == 1) {
                    // snmptrap's lines for a missing v1 field
                    String enterprise = word(0, "No enterprise oid");
                    String agentAddr = word(1, "Missing agent parameter");
                    int generic = number(word(2, "Missing generic-trap parameter"));
                    int specific = number(word(3, "Missing specific-trap parameter"));
                    String uptime = word(4, "Missing uptime parameter");
                    s.trapV1(enterprise, agentAddr, generic, specific, variables(uptime, 5));
                } else {
                    s.trap(trapOid(), variables(word(0, MISSING_UPTIME), 2));
                }
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "inform", mixinStandardHelpOptions = true,
            description = "Sends an inform and waits for its acknowledgement, as snmpinform:"
                    + " AGENT UPTIME TRAPOID [OID TYPE VALUE]... (empty UPTIME: now; default port 162).")
    static final class Inform extends NotificationCommand {
        @Override
        public Integer execute() {
            try (Session s = session(agent)) {
                if (s.version() == 1) {
                    throw CliException.verbatim(NO_V1_INFORM, null);
                }
                s.inform(trapOid(), variables(word(0, MISSING_UPTIME), 2));
            }
            return Main.EXIT_OK;
        }
    }
}
