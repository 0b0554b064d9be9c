package io.varbind.cli;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** The top-level {@code varbind} command; every feature is a subcommand. */
@Command(name = "varbind", mixinStandardHelpOptions = true, version = "varbind 0.1.0-SNAPSHOT",
        description = "SNMP command line: get, walk, set, translate, MIB dump, and a built-in agent.")
public final class VarbindCommand implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. {@link Main} adds them itself instead of
     * through {@code @Command(subcommands = ...)}: a command line that names one builds only that
     * one's model, since picocli's reflective model of all seventeen costs more CPU at start-up than
     * a GET (StartupTest checks the names against the annotations).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(GetCommands.Get.class, "get",
            GetCommands.GetNext.class, "getnext", GetCommands.BulkGet.class, "bulkget", WalkCommands.Walk.class, "walk",
            WalkCommands.BulkWalk.class, "bulkwalk", TableCommand.class, "table", SetCommand.class, "set",
            NotificationCommands.Trap.class, "trap", NotificationCommands.Inform.class, "inform", TrapdCommand.class, "trapd",
            DemoCommand.class, "demo",
            TranslateCommand.class, "translate", MibDumpCommand.class, "mib", AgentCommand.class, "agent",
            BenchAgentCommand.class, "bench-agent", CdsTrainingCommand.class, "cds-training",
            picocli.CommandLine.HelpCommand.class, "help");

    private static Map<String, Class<?>> subcommands(Object... classAndName) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < classAndName.length; i += 2) {
            m.put((String) classAndName[i + 1], (Class<?>) classAndName[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    final PrintStream out;
    final PrintStream err;

    VarbindCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new UsageException("a command is required (get, getnext, bulkget, walk, bulkwalk, set,"
                + " translate, mib dump, agent, demo); see ./varbind --help");
    }
}
