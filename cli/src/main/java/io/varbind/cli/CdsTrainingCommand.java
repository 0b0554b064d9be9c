package io.varbind.cli;

import io.varbind.agent.SnmpAgent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: the run that {@code ./varbind} records its class-data-sharing archive from, once after
 * each build. It loads what the one-shot commands load (translate, get, walk against a built-in
 * agent on a free loopback port), so that each of them starts from the archive, not only the
 * command that happened to run first.
 */
@Command(name = "cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        run(sink, "translate", "sysDescr.0");
        run(sink, "translate", "-On", "IF-MIB::ifDescr.1");
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").community("public")
                .writeCommunity("private").demoData().build()) {
            String target = "udp:127.0.0.1:" + agent.udpEndpoints().get(0).getPort();
            // read without picocli (QuickCommandLine), as these lines are
            Main.run(new String[] {"get", "-v2c", "-c", "public", target, "sysDescr.0", "sysUpTime.0"}, sink, sink);
            Main.run(new String[] {"bulkwalk", "-v2c", "-c", "public", target, "system"}, sink, sink);
            Main.run(new String[] {"walk", "-On", "-v2c", "-c", "public", target, "ifTable"}, sink, sink);
            // and by picocli, for the lines it reads
            run(sink, "get", "-v2c", "-c", "public", "--", target, "sysDescr.0", "sysUpTime.0");
        }
        return Main.EXIT_OK;
    }

    private static void run(PrintStream sink, String... args) {
        Main.commandLine(sink, sink, args).execute(args);
    }
}
