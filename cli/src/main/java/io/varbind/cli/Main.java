package io.varbind.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Entry point of {@code ./varbind}: exit 0 success, 1 SNMP or network error, 2 bad usage. */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    /**
     * The agent answered with an error status ("Error in packet"): 1, an SNMP error as CLI.md fixes
     * it (Net-SNMP's tools exit 2 there, the one deliberate difference in exit status).
     */
    public static final int EXIT_PACKET_ERROR = EXIT_ERROR;

    private static final String NETTY_JFR = "io.netty.jfr.enabled";
    private static final String HELP = "help";
    private static final String NIO_TRANSPORT = "varbind.transport.nio";
    private static final String JMX = "varbind.jmx";
    private static final Set<String> ONE_SHOT = Set.of("get", "getnext", "bulkget", "walk", "bulkwalk", "table",
            "set", "trap", "inform", "translate", "mib", "cds-training");

    private Main() {
    }

    public static void main(String[] args) {
        LogOptions.defaults(oneShot(args));
        startupDefaults(args);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        int code = run(args, out, System.err);
        out.flush();
        System.exit(code);
    }

    /**
     * System properties that make a one-shot command start faster, each set only when the command
     * line ({@code -D...} in {@code VARBIND_JAVA_OPTS}) has not set it. Netty 4.2 registers its
     * allocator's JFR event classes on first use when JFR is available, which initialises JFR's
     * event machinery (annotation proxies, generated handlers; about 80 ms of CPU) though nothing
     * records; and its native epoll transport is a library extracted from the jar to a temporary
     * file and loaded on every run, where one request gains nothing from it, so the commands that
     * send a few requests and exit use the JDK's NIO selector through the same engine. The
     * long-running ones (agent, bench-agent, trapd, demo) keep epoll. A one-shot command registers
     * no JMX MBean: the platform MBean server's start costs about 0.1 s of CPU, for counters nobody
     * can read before the command ends.
     */
    static void startupDefaults(String[] args) {
        setIfAbsent(NETTY_JFR, "false");
        if (oneShot(args)) {
            setIfAbsent(NIO_TRANSPORT, "true");
            setIfAbsent(JMX, "false");
        }
    }

    /** Whether the command line names a command that sends a few requests (or none) and exits. */
    static boolean oneShot(String[] args) {
        return args.length > 0 && ONE_SHOT.contains(args[0]);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Runs one command line with the given streams; returns the exit status. The plain lines of the
     * get and walk commands are read without picocli ({@link QuickCommandLine}), the others by it.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] normalized = normalize(args);
        int quick = QuickCommandLine.run(normalized, out, err);
        return quick >= 0 ? quick : commandLine(out, err, normalized).execute(normalized);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand only that one is
     * built, otherwise ({@code help}, which describes the others, options such as {@code --version},
     * no or an unknown command) all of them, for help and errors.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new VarbindCommand(out, err));
        Class<?> named = args.length > 0 && !HELP.equals(args[0]) ? VarbindCommand.SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(args[0], named);
        } else {
            VarbindCommand.SUBCOMMANDS.forEach(cl::addSubcommand);
        }
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
            err.println(Errors.line(ex));
            return Errors.exitCode(ex);
        });
        return cl;
    }

    /**
     * Net-SNMP reads its application options ({@code -C}) letter by letter, numbers attached:
     * {@code -Cib} is {@code -Ci -Cb}, {@code -CBr2} is {@code -CB -Cr 2}; {@code -Cf} takes the next
     * argument as its separator. picocli attaches values only to one-letter options, so each letter becomes an
     * option of its own here, its value the next argument. The detached forms ({@code -Cr 20}) pass
     * as they are.
     */
    static String[] normalize(String[] args) {
        List<String> out = new ArrayList<>(args.length + 2);
        for (String a : args) {
            if (a.length() > 3 && a.startsWith("-C") && !a.startsWith("-C=")) {
                splitAppOptions(a, out);
            } else {
                out.add(a);
            }
        }
        return out.toArray(new String[0]);
    }

    private static void splitAppOptions(String a, List<String> out) {
        int i = 2;
        while (i < a.length()) {
            char c = a.charAt(i);
            out.add("-C" + c);
            if (c == 'r' || c == 'n' || c == 'w' || c == 'c') {
                int j = i + 1;
                while (j < a.length() && Character.isDigit(a.charAt(j))) {
                    j++;
                }
                if (j > i + 1) {
                    out.add(a.substring(i + 1, j));
                }
                i = j;
            } else {
                // -Cf takes its separator from the next argument, as snmptable does (-Cf, is refused there)
                i++;
            }
        }
    }
}
