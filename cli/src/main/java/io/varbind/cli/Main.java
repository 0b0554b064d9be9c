package io.varbind.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Entry point of {@code ./varbind}: exit 0 success, 1 SNMP or network error, 2 bad usage. */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        LogOptions.defaults();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        int code = run(args, out, System.err);
        out.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(normalize(args));
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new VarbindCommand(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setUnmatchedOptionsArePositionalParams(false);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("varbind: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            err.println("Try './" + c.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            err.println("varbind: " + Errors.describe(ex));
            return Errors.exitCode(ex);
        });
        return cl;
    }

    /**
     * Net-SNMP spells its application options with the number attached ({@code -Cr20}, {@code -Cn1});
     * picocli only attaches values to one-letter options, so {@code -Cr20} becomes {@code -Cr 20}.
     * The detached form {@code -Cr 20} is accepted as it is.
     */
    static String[] normalize(String[] args) {
        List<String> out = new ArrayList<>(args.length + 2);
        for (String a : args) {
            if (a.matches("-C[hHibBl]{2,}")) {
                for (char c : a.substring(2).toCharArray()) {
                    out.add("-C" + c); // snmptable's letters run together: -Cib
                }
            } else if (a.length() > 3 && (a.startsWith("-Cr") || a.startsWith("-Cn") || a.startsWith("-Cw"))
                    && a.substring(3).matches("\\d+")) {
                out.add(a.substring(0, 3));
                out.add(a.substring(3));
            } else {
                out.add(a);
            }
        }
        return out.toArray(new String[0]);
    }
}
