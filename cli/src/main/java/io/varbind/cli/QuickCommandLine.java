package io.varbind.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The common command lines of get, getnext, bulkget, walk and bulkwalk read without picocli.
 * picocli builds its model of a command from annotations by reflection, which cost a GET more CPU
 * than the GET itself (cli/README.md, Start-up). This reads the plain forms of the snmpcmd options
 * into the same command objects picocli fills and runs them the same way; anything it is not sure
 * picocli would read the same way (help, an unknown or repeated option, a value that looks like an
 * option, {@code @file}, {@code --}, a number in another spelling, a missing argument) it declines,
 * and picocli reads the whole line, errors and all. {@code QuickCommandLineTest} checks both readings
 * agree on every line it accepts.
 */
final class QuickCommandLine {
    /** The one-letter options of {@link SnmpOptions}, {@link MibOptions} and {@code -D}: each takes a value. */
    private static final String VALUE_OPTIONS = "vcluaAxXeEnZtrTOMmD";
    /** The options that may be given more than once (lists). */
    private static final String LIST_OPTIONS = "TOD";

    private QuickCommandLine() {
    }

    /**
     * Runs {@code args} when it is a line this reads; returns its exit status, or -1 when picocli
     * must read it.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SnmpCommand command = parse(args);
        if (command == null) {
            return -1;
        }
        command.parent = new VarbindCommand(out, err);
        try {
            return command.call();
        } catch (Exception e) {
            // as Main's execution exception handler (picocli hands it the exception call() threw)
            err.println(Errors.line(e));
            return Errors.exitCode(e);
        }
    }

    /** The command {@code args} names with its options and arguments set, or null to leave it to picocli. */
    static SnmpCommand parse(String[] args) {
        if (args.length < 2) {
            return null;
        }
        SnmpCommand command = switch (args[0]) {
            case "get" -> new GetCommands.Get();
            case "getnext" -> new GetCommands.GetNext();
            case "bulkget" -> new GetCommands.BulkGet();
            case "walk" -> new WalkCommands.Walk();
            case "bulkwalk" -> new WalkCommands.BulkWalk();
            default -> null;
        };
        if (command == null) {
            return null;
        }
        // -Cn/-Cr (bulkget), -Cr (bulkwalk)
        boolean cOptions = command instanceof GetCommands.BulkGet || command instanceof WalkCommands.BulkWalk;
        boolean walk = command instanceof WalkCommands.WalkBase;
        SnmpOptions snmp = new SnmpOptions();
        MibOptions mib = new MibOptions();
        LogOptions log = new LogOptions();
        List<String> positional = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> debugTokens = new ArrayList<>();
        boolean debug = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '@') {
                return null; // picocli reads @FILE as a file of arguments
            }
            if (a.charAt(0) != '-') {
                positional.add(a);
                continue;
            }
            String name;
            String value;
            if (a.equals("--json") || a.equals("-d") || a.equals("--debug")) {
                name = a.equals("--json") ? a : "-d";
                value = null;
            } else if (cOptions && (a.equals("-Cr") || a.equals("-Cn") && !walk)) {
                name = a;
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            } else if (a.length() >= 2 && VALUE_OPTIONS.indexOf(a.charAt(1)) >= 0) {
                name = a.substring(0, 2);
                if (a.length() > 2) {
                    value = a.substring(2);
                    if (value.indexOf('=') >= 0) {
                        return null; // picocli's -c=VALUE form, and splits at '=' inside a cluster
                    }
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return null;
                }
            } else {
                return null;
            }
            if (value != null && (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@')) {
                return null; // an empty value, or one picocli may take for an option
            }
            boolean list = name.length() == 2 && LIST_OPTIONS.indexOf(name.charAt(1)) >= 0;
            if (!seen.add(name) && !list) {
                return null; // picocli refuses a single-valued option given twice
            }
            switch (name) {
                case "--json" -> snmp.json = true;
                case "-d" -> debug = true;
                case "-v" -> snmp.version = value;
                case "-c" -> snmp.community = value;
                case "-l" -> snmp.securityLevel = value;
                case "-u" -> snmp.user = value;
                case "-a" -> snmp.authProtocol = value;
                case "-A" -> snmp.authPassword = value;
                case "-x" -> snmp.privProtocol = value;
                case "-X" -> snmp.privPassword = value;
                case "-e" -> snmp.securityEngineId = value;
                case "-E" -> snmp.contextEngineId = value;
                case "-n" -> snmp.context = value;
                case "-Z" -> snmp.bootsTime = value;
                case "-t" -> {
                    if (!value.matches("[0-9]{1,6}(\\.[0-9]{1,6})?")) {
                        return null;
                    }
                    snmp.timeout = Double.parseDouble(value);
                }
                case "-r" -> {
                    Integer n = smallNumber(value);
                    if (n == null) {
                        return null;
                    }
                    snmp.retries = n;
                }
                case "-T" -> snmp.transportParams.add(value);
                case "-O" -> snmp.outputFlags.add(value);
                case "-M" -> mib.dirs = value;
                case "-m" -> mib.modules = value;
                case "-D" -> debugTokens.add(value);
                case "-Cn", "-Cr" -> {
                    Integer n = smallNumber(value);
                    if (n == null) {
                        return null;
                    }
                    if (command instanceof GetCommands.BulkGet b) {
                        if (name.equals("-Cn")) {
                            b.nonRepeaters = n;
                        } else {
                            b.maxRepetitions = n;
                        }
                    } else {
                        ((WalkCommands.BulkWalk) command).maxRepetitions = n;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        if (positional.size() < 2 && !(walk && positional.size() == 1) || walk && positional.size() > 2) {
            return null; // picocli's errors for a missing or extra argument
        }
        if (command instanceof GetCommands.OidsCommand o) {
            o.agent = positional.get(0);
            o.oids = new ArrayList<>(positional.subList(1, positional.size()));
        } else {
            WalkCommands.WalkBase w = (WalkCommands.WalkBase) command;
            w.agent = positional.get(0);
            w.oid = positional.size() > 1 ? positional.get(1) : WalkCommands.DEFAULT_OID;
        }
        // the side effects of LogOptions' option methods, once the whole line is known to be ours
        if (debug) {
            log.debug(true);
        }
        for (String t : debugTokens) {
            log.tokens(t.split(","));
        }
        command.snmp = snmp;
        command.mib = mib;
        command.log = log;
        return command;
    }

    /** A plain decimal count as picocli reads an int; null for any other spelling (picocli's to read). */
    private static Integer smallNumber(String s) {
        return s.matches("[0-9]{1,9}") ? Integer.valueOf(s) : null;
    }
}
