package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One command line run by varbind (in this JVM) or by a Net-SNMP tool, for the diff tests. */
final class ToolRuns {
    private ToolRuns() {
    }

    /** Exit status, stdout, stderr. */
    record Run(int code, String out, String err) {
    }

    /** {@code ./varbind ARGS} through {@link Main#run}. */
    static Run ours(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code /usr/bin/TOOL ARGS} beside {@code agent}, with the MIB folders the tests use and
     * Net-SNMP's default modules first, then the rest ({@code MIBS=+ALL}, as varbind's tree).
     */
    static Run theirs(SnmpdAgent agent, String tool, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/" + tool);
        cmd.addAll(args);
        ProcessBuilder pb = agent.netSnmpTool(cmd);
        pb.environment().put("MIBDIRS", NetSnmpTools.mibDirs());
        pb.environment().put("MIBS", "+ALL");
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        // stderr is small (a few lines): read after stdout without a second thread
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }
}
