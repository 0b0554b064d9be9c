package io.varbind.cli;

import io.varbind.mib.MibDump;
import io.varbind.mib.MibTree;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./varbind mib dump}: the compiled facts of the loaded modules, one JSON object per line. */
@Command(name = "mib", mixinStandardHelpOptions = true, description = "MIB tools.",
        subcommands = MibDumpCommand.Dump.class)
final class MibDumpCommand implements Runnable {

    @ParentCommand
    VarbindCommand parent;

    @Override
    public void run() {
        throw new UsageException("mib: a subcommand is required: mib dump [-M DIRS] [-m MODULES] --format jsonl");
    }

    @Command(name = "dump", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Writes every node and type of the modules (-m; default all) as JSON lines (CLI.md).")
    static final class Dump implements Callable<Integer> {

        @ParentCommand
        MibDumpCommand mib;

        @Mixin
        MibOptions mibs;

        @Option(names = "--format", paramLabel = "jsonl", description = "output format (only jsonl)")
        String format = "jsonl";

        @Override
        public Integer call() {
            if (!"jsonl".equals(format)) {
                throw new UsageException("mib dump --format: only jsonl is supported, not '" + format + "'");
            }
            MibTree tree = mibs.tree();
            List<String> modules = mibs.moduleNames();
            if (modules != null) {
                for (String m : modules) {
                    if (tree.module(m) == null) {
                        throw new CliException("mib dump: module " + m + " not found on the MIB path");
                    }
                }
            }
            StringBuilder sb = new StringBuilder(1 << 16);
            MibDump.writeJsonl(tree, modules, sb);
            mib.parent.out.print(sb);
            mib.parent.out.flush();
            return Main.EXIT_OK;
        }
    }
}
