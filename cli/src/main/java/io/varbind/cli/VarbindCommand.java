package io.varbind.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;

/** The top-level {@code varbind} command; every feature is a subcommand. */
@Command(name = "varbind", mixinStandardHelpOptions = true, version = "varbind 0.1.0-SNAPSHOT",
        description = "SNMP command line: get, walk, set, translate, MIB dump, and a built-in agent.",
        subcommands = {GetCommands.Get.class, GetCommands.GetNext.class, GetCommands.BulkGet.class,
            WalkCommands.Walk.class, WalkCommands.BulkWalk.class, TableCommand.class, SetCommand.class, NotificationCommands.Trap.class, NotificationCommands.Inform.class, TrapdCommand.class, DemoCommand.class, TranslateCommand.class, MibDumpCommand.class, AgentCommand.class, BenchAgentCommand.class, CdsTrainingCommand.class, picocli.CommandLine.HelpCommand.class})
public final class VarbindCommand implements Runnable {

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
