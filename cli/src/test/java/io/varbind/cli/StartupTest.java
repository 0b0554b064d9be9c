package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The start-up shortcuts of {@link Main} change nothing a user sees: the table of subcommands is
 * the annotations' names, a command line naming one builds only that one, and help, version and
 * unknown commands still see them all.
 */
class StartupTest {

    @Test
    void subcommandTableNamesEachClassAsItsAnnotationDoes() {
        assertEquals(17, VarbindCommand.SUBCOMMANDS.size());
        VarbindCommand.SUBCOMMANDS.forEach((name, type) -> {
            Command c = type.getAnnotation(Command.class);
            assertEquals(c.name(), name, type.getName());
        });
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String name : VarbindCommand.SUBCOMMANDS.keySet()) {
            Map<String, CommandLine> subs = Main.commandLine(sink, sink, name, "x").getSubcommands();
            if (name.equals("help")) {
                assertEquals(VarbindCommand.SUBCOMMANDS.keySet(), subs.keySet(), "help describes the others");
            } else {
                assertEquals(List.of(name), new ArrayList<>(subs.keySet()));
            }
        }
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"bogus"}, {"GET"}}) {
            assertEquals(new ArrayList<>(VarbindCommand.SUBCOMMANDS.keySet()),
                    new ArrayList<>(Main.commandLine(sink, sink, args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void helpListsEveryVisibleCommandAndHelpOfOneCommandWorks() {
        String top = run(0, "--help");
        VarbindCommand.SUBCOMMANDS.forEach((name, type) -> {
            boolean hidden = type.getAnnotation(Command.class).hidden();
            assertEquals(!hidden, top.contains("\n  " + name + " "), name + " in\n" + top);
        });
        assertTrue(run(0, "help", "get").startsWith("Usage: varbind get "));
        assertTrue(run(0, "get", "--help").startsWith("Usage: varbind get "));
        assertTrue(run(0, "mib", "dump", "--help").startsWith("Usage: varbind mib dump "));
    }

    @Test
    void startupDefaultsYieldToPropertiesAlreadySet() {
        String jfr = System.getProperty("io.netty.jfr.enabled");
        String nio = System.getProperty("varbind.transport.nio");
        try {
            System.clearProperty("io.netty.jfr.enabled");
            System.clearProperty("varbind.transport.nio");
            Main.startupDefaults(new String[] {"agent", "--listen", "udp:127.0.0.1:1"});
            assertEquals("false", System.getProperty("io.netty.jfr.enabled"));
            assertEquals(null, System.getProperty("varbind.transport.nio"), "the agent keeps epoll");
            Main.startupDefaults(new String[] {"get", "127.0.0.1", "sysDescr.0"});
            assertEquals("true", System.getProperty("varbind.transport.nio"));
            System.setProperty("io.netty.jfr.enabled", "true");
            System.setProperty("varbind.transport.nio", "false");
            Main.startupDefaults(new String[] {"walk", "127.0.0.1"});
            assertEquals("true", System.getProperty("io.netty.jfr.enabled"));
            assertEquals("false", System.getProperty("varbind.transport.nio"));
        } finally {
            restore("io.netty.jfr.enabled", jfr);
            restore("varbind.transport.nio", nio);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static String run(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expectedCode, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
