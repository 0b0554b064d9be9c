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
        @Override
        boolean timeoutAsSnmpget() {
            return false;
        }

        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1..*", arity = "2..*",
                paramLabel = "UPTIME TRAPOID [OID TYPE VALUE]... | ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]...")
        List<String> words;

        /** OID TYPE VALUE triples from {@code words[from]} on ({@code =} as TYPE: the MIB's), after sysUpTime.0. */
        List<SnmpVariable> variables(String uptime, int from) {
            int n = words.size() - from;
            if (n % 3 != 0) {
                throw new UsageException("OID TYPE VALUE triples expected after the trap's fields, got " + n + " words");
            }
            List<SnmpVariable> vars = new ArrayList<>(n / 3 + 1);
            String ticks = uptime.isEmpty() ? hostUptime() : uptime;
            if (ticks != null) {
                vars.add(SnmpVariable.of("sysUpTime.0", ticks, "t"));
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

        String word(int i, String what) {
            if (i >= words.size()) {
                throw new UsageException("missing " + what);
            }
            return words.get(i);
        }

        static int number(String text, String what) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(what + " '" + text + "' is not a number");
            }
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
                if (inform && s.version() != 1) {
                    s.inform(word(1, "TRAPOID"), variables(word(0, "UPTIME"), 2));
                    return Main.EXIT_OK;
                }
                if (s.version() == 1) {
                    String enterprise = word(0, "ENTERPRISE");
                    String agentAddr = word(1, "AGENT-ADDR");
                    int generic = number(word(2, "GENERIC"), "GENERIC");
                    int specific = number(word(3, "SPECIFIC"), "SPECIFIC");
                    String uptime = word(4, "UPTIME");
                    s.trapV1(enterprise, agentAddr, generic, specific, variables(uptime, 5));
                } else {
                    s.trap(word(1, "TRAPOID"), variables(word(0, "UPTIME"), 2));
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
                    throw new UsageException("inform needs SNMPv2c or SNMPv3 (-v 2c or -v 3)");
                }
                s.inform(word(1, "TRAPOID"), variables(word(0, "UPTIME"), 2));
            }
            return Main.EXIT_OK;
        }
    }
}
