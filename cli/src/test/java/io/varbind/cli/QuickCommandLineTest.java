package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link QuickCommandLine} reads every line it accepts as picocli reads it: the same command, the
 * same option and argument values, the same logging properties; the lines it declines go to picocli
 * (help, errors, unusual spellings). Lines are drawn at random from well-formed option and value
 * pairs and from a soup of tokens picocli treats specially.
 */
class QuickCommandLineTest {
    private static final String[] COMMANDS = {"get", "getnext", "bulkget", "walk", "bulkwalk"};
    /** Option and value pairs as users write them, some attached ({@code -v2c}). */
    private static final String[][] PAIRS = {
        {"-v", "2c"}, {"-v1"}, {"-v", "3"}, {"-v2c"}, {"-c", "public"}, {"-cprivate"}, {"-c", "a b"},
        {"-l", "authPriv"}, {"-lnoAuthNoPriv"}, {"-u", "bob"}, {"-a", "SHA"}, {"-aMD5"}, {"-A", "pass phrase"},
        {"-x", "AES"}, {"-X", "secret1"}, {"-e", "0x8000000001"}, {"-E", "800000"}, {"-n", "ctx"}, {"-nctx"},
        {"-Z", "1,2"}, {"-t", "1"}, {"-t", "0.5"}, {"-t2"}, {"-r", "0"}, {"-r3"}, {"-T", "our_identity=ab:cd"},
        {"-T", "trust_cert=x"}, {"-On"}, {"-O", "fq"}, {"-Ov"}, {"-Oe"}, {"-OU"}, {"-M", "/tmp/mibs"},
        {"-M+/tmp/x"}, {"-m", "ALL"}, {"-mIF-MIB:SNMPv2-MIB"}, {"-D", "engine"}, {"-DALL"}, {"-D", "engine,agent"},
        {"-d"}, {"--debug"}, {"--json"}, {"-Cr", "20"}, {"-Cn", "1"}, {"-Cr", "0"},
    };
    /** Tokens picocli treats in its own ways: help, repeats, equals signs, numbers, files, separators. */
    private static final String[] SOUP = {
        "-v", "2c", "-c", "-c=public", "-c", "=x", "-h", "--help", "-V", "--version", "--", "@args.txt", "-", "",
        "-t", "1e3", "0x10", "-r", "-1", "+5", "007", "-r", "99999999999", "-Tour_identity=x", "-q", "-vx",
        "-Cr20", "-Cr", "-Cn", "-Cc", "-d", "-dv2c", "-D", "--json", "-On", "-O", "sysDescr.0", ".1.3.6.1",
        "udp:127.0.0.1:161", "host", "-m", "-M", "ALL", "-x", "-X", "-Z", "-e", "-t", "1.5", "-1.3", "--jso",
        "-J", "-Ox", "-ll", "2c", "-v=2c", "-t", " 1", "1 ", "\"q\"",
    };
    private static final String PROPERTY_PREFIX = LogOptions.PREFIX + "log.";

    @Test
    void everyLineReadQuicklyIsReadTheSameWayByPicocli() throws Exception {
        Random random = new Random(13);
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            String[] line = i % 2 == 0 ? wellFormed(random) : soup(random);
            if (compare(line)) {
                accepted++;
            }
        }
        assertTrue(accepted > 1000, "too few lines read quickly to compare: " + accepted);
    }

    @Test
    void thePlainLinesAreReadQuickly() {
        for (String[] line : List.of(
                new String[] {"get", "-v2c", "-c", "public", "udp:127.0.0.1:161", "sysDescr.0", "sysUpTime.0"},
                new String[] {"get", "-v", "3", "-l", "authPriv", "-u", "u", "-a", "SHA", "-A", "aaaaaaaa", "-x", "AES",
                    "-X", "bbbbbbbb", "host", "sysDescr.0"},
                new String[] {"getnext", "-On", "host", ".1.3.6.1"},
                new String[] {"walk", "-v1", "host"},
                new String[] {"bulkwalk", "-Cr", "50", "-Oq", "host", "ifTable"},
                new String[] {"bulkget", "-Cn", "1", "-Cr", "5", "host", "sysUpTime.0", "ifDescr"})) {
            assertNotNull(QuickCommandLine.parse(line), String.join(" ", line));
        }
        for (String[] line : List.of(new String[] {"get", "--help"}, new String[] {"get", "host"},
                new String[] {"walk"}, new String[] {"walk", "h", "o", "x"}, new String[] {"translate", "sysDescr.0"},
                new String[] {"get", "-v2c", "-v1", "h", "o"}, new String[] {"get", "-t", "1e3", "h", "o"},
                new String[] {"get", "--", "h", "o"}, new String[] {"get", "@file"})) {
            assertNull(QuickCommandLine.parse(line), String.join(" ", line));
        }
    }

    @Test
    void errorsAfterParsingAreReportedAsPicoclisHandlerReportsThem() {
        String[] line = {"get", "-v", "4", "udp:127.0.0.1:161", "sysDescr.0"};
        assertNotNull(QuickCommandLine.parse(line));
        ByteArrayOutputStream quickErr = new ByteArrayOutputStream();
        ByteArrayOutputStream picoErr = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int quick = QuickCommandLine.run(line, sink, new PrintStream(quickErr, true, StandardCharsets.UTF_8));
        int pico = Main.commandLine(sink, new PrintStream(picoErr, true, StandardCharsets.UTF_8), line).execute(line);
        assertEquals(Main.EXIT_USAGE, quick);
        assertEquals(pico, quick);
        assertEquals(picoErr.toString(StandardCharsets.UTF_8), quickErr.toString(StandardCharsets.UTF_8));
    }

    private static String[] wellFormed(Random random) {
        List<String> line = new ArrayList<>();
        String command = COMMANDS[random.nextInt(COMMANDS.length)];
        line.add(command);
        int options = random.nextInt(6);
        List<String> positional = new ArrayList<>();
        positional.add(random.nextBoolean() ? "udp:127.0.0.1:161" : "localhost");
        int oids = command.endsWith("walk") ? random.nextInt(2) : 1 + random.nextInt(3);
        for (int i = 0; i < oids; i++) {
            positional.add(random.nextBoolean() ? "sysDescr.0" : ".1.3.6.1.2.1." + random.nextInt(9));
        }
        List<String[]> pieces = new ArrayList<>();
        for (int i = 0; i < options; i++) {
            pieces.add(PAIRS[random.nextInt(PAIRS.length)]);
        }
        // options before, between and after the arguments, as picocli allows
        for (String p : positional) {
            pieces.add(random.nextInt(pieces.size() + 1), new String[] {p});
        }
        for (String[] p : pieces) {
            line.addAll(Arrays.asList(p));
        }
        return line.toArray(String[]::new);
    }

    private static String[] soup(Random random) {
        List<String> line = new ArrayList<>();
        line.add(COMMANDS[random.nextInt(COMMANDS.length)]);
        int n = 1 + random.nextInt(7);
        for (int i = 0; i < n; i++) {
            line.add(random.nextInt(3) == 0 ? PAIRS[random.nextInt(PAIRS.length)][0] : SOUP[random.nextInt(SOUP.length)]);
        }
        return line.toArray(String[]::new);
    }

    /** Compares both readings of {@code line}; true when the quick reader accepted it. */
    private static boolean compare(String[] line) throws Exception {
        String shown = String.join(" | ", line);
        Properties saved = (Properties) System.getProperties().clone();
        try {
            clearLogProperties();
            SnmpCommand quick = QuickCommandLine.parse(line);
            if (quick == null) {
                return false;
            }
            Map<String, String> quickProps = logProperties();
            clearLogProperties();
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            CommandLine cl = Main.commandLine(sink, sink, line);
            CommandLine.ParseResult parsed;
            try {
                parsed = cl.parseArgs(line);
            } catch (CommandLine.ParameterException e) {
                fail("read quickly, refused by picocli (" + e.getMessage() + "): " + shown);
                return false;
            }
            assertTrue(parsed.hasSubcommand(), shown);
            Object pico = parsed.subcommand().commandSpec().userObject();
            assertEquals(pico.getClass(), quick.getClass(), shown);
            assertEquals(values(pico), values(quick), shown);
            assertEquals(logProperties(), quickProps, shown);
            return true;
        } finally {
            System.setProperties(saved);
        }
    }

    /** Every option and argument field of the command and its option groups, by name. */
    private static Map<String, Object> values(Object command) throws Exception {
        SnmpCommand c = (SnmpCommand) command;
        Map<String, Object> out = new TreeMap<>();
        fields(command, command.getClass(), out);
        fields(c.snmp, SnmpOptions.class, out);
        fields(c.mib, MibOptions.class, out);
        return out;
    }

    private static void fields(Object o, Class<?> type, Map<String, Object> out) throws Exception {
        for (Class<?> t = type; t != null && t != Object.class && t != SnmpCommand.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                out.put(t.getSimpleName() + "." + f.getName(), v instanceof List<?> l ? new ArrayList<>(l) : v);
            }
        }
    }

    private static void clearLogProperties() {
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith(LogOptions.PREFIX)) {
                System.clearProperty(k);
            }
        }
    }

    private static Map<String, String> logProperties() {
        Map<String, String> out = new TreeMap<>();
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith(PROPERTY_PREFIX) || k.startsWith(LogOptions.PREFIX)) {
                out.put(k, System.getProperty(k));
            }
        }
        return out;
    }
}
