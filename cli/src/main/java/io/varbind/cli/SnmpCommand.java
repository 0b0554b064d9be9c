package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.codec.Variable;
import io.varbind.engine.Response;
import io.varbind.engine.VarBindSink;
import io.varbind.format.OutputOptions;
import io.varbind.mib.DisplayHint;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What get, getnext, bulkget, walk, bulkwalk and set share: Net-SNMP's options mapped onto a
 * {@link Session}, and the output of its results. A thin shell over the public API.
 */
abstract class SnmpCommand implements Callable<Integer> {
    @ParentCommand
    VarbindCommand parent;

    @Mixin
    SnmpOptions snmp;

    @Mixin
    MibOptions mib;

    @Mixin
    LogOptions log;

    private MibTree tree;
    private NetSnmpOutput output;
    /** The agent as the command line spelt it: Net-SNMP names it so in its timeout message. */
    private String peer;

    private static final String UNKNOWN = "unknown object id (";

    /**
     * snmpget's line for a name it cannot read: {@code bogus.1: Unknown Object Identifier (Sub-id
     * not found: (top) -> bogus)} when the first label is no name at all, else without the detail
     * (Net-SNMP's detail for the other cases depends on its parser's state).
     */
    private String unknownObject(String spec) {
        String line = spec + ": Unknown Object Identifier";
        if (!spec.contains("::") && !spec.isEmpty() && Character.isLetter(spec.charAt(0))) {
            int dot = spec.indexOf('.');
            String label = dot < 0 ? spec : spec.substring(0, dot);
            if (tree().node(label) == null) {
                return line + " (Sub-id not found: (top) -> " + label + ")";
            }
        }
        return line;
    }

    /** Whether a timeout prints snmpget's line; trap and inform keep theirs (snmpinform's differs). */
    boolean timeoutAsSnmpget() {
        return true;
    }

    /** The command itself; {@link #call()} turns what it throws into Net-SNMP's messages. */
    abstract Integer execute();

    /**
     * Runs the command; a timeout becomes snmpget's own line ({@code Timeout: No Response from
     * AGENT.}) and a name that cannot be read its {@code NAME: Unknown Object Identifier}, printed
     * as they are.
     */
    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (RuntimeException e) {
            Throwable t = e;
            while ((t instanceof java.util.concurrent.CompletionException
                    || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof io.varbind.SnmpTimeoutException && peer != null && timeoutAsSnmpget()) {
                throw CliException.verbatim("Timeout: No Response from " + peer + ".", t);
            }
            if (t instanceof io.varbind.SnmpUnknownObjectIdException u && u.name() != null) {
                throw CliException.verbatim(unknownObject(u.name()), t);
            }
            if (t instanceof io.varbind.SnmpUnknownObjectIdException && t.getMessage() != null
                    && t.getMessage().startsWith(UNKNOWN) && t.getMessage().endsWith(")")) {
                throw CliException.verbatim(unknownObject(t.getMessage().substring(UNKNOWN.length(),
                        t.getMessage().length() - 1)), t);
            }
            throw e;
        }
    }

    /**
     * An OID TYPE VALUE triple of snmpset/snmptrap as Net-SNMP's snmp_add_var reads it: {@code =}
     * takes the MIB's type, and an OCTET STRING with a DISPLAY-HINT is read through the hint
     * ({@code ifPhysAddress.1 = 0:11:22:33:44:55} is six octets), BITS through {@code b}; {@code b}
     * is a list of bit numbers or the MIB's bit names ({@code 1 3 9} is {@code 50 40}); the other
     * letters as the session reads them.
     */
    SnmpVariable typed(String name, String typeWord, String value) {
        // Net-SNMP reads the first letter of TYPE alone
        String type = typeWord.isEmpty() ? "" : typeWord.substring(0, 1);
        if (type.isEmpty() || "=iuctaosxdbnUIFDC".indexOf(type.charAt(0)) < 0) {
            throw CliException.verbatim(name + ": Bad variable type (\"" + typeWord + "\")", null);
        }
        MibNode node = null;
        try {
            int[] oid = tree().resolve(name, 0).oid();
            io.varbind.mib.Match m = tree().lookup(oid, oid.length);
            node = m == null ? null : m.node();
        } catch (RuntimeException unknown) {
            // the session reports the name it cannot read
        }
        if (type.equals("=") && (node == null || node.baseType() == null)) {
            // no MIB type to take: snmp_add_var refuses '=' as a type of its own
            throw CliException.verbatim(name + ": Bad variable type (\"" + typeWord + "\")", null);
        }
        String mibType = node == null ? null : netSnmpType(node.baseType());
        String given = GIVEN_TYPES.get(type);
        if (mibType != null && given != null && !compatible(type.charAt(0), mibType)) {
            throw CliException.verbatim(name + ": Bad variable type (Type of attribute is " + mibType + ", not " + given
                    + ")", null);
        }
        checkValue(name, type.equals("=") ? mibLetter(mibType) : type.charAt(0), value, node);
        if (!type.equals("=") && !type.equals("b")) {
            return SnmpVariable.of(name, value, type);
        }
        if (type.equals("b") || node != null && "BITS".equals(node.baseType())) {
            return SnmpVariable.of(name, bits(name, value, node), "s");
        }
        if (node != null && "OCTET STRING".equals(node.baseType()) && node.hint() != null
                && !DisplayHint.isText(node.hint())) {
            byte[] octets = DisplayHint.parseOctets(node.hint(), value);
            if (octets != null) {
                return SnmpVariable.of(name, octets, null);
            }
        }
        return SnmpVariable.of(name, value, null);
    }

    /** The letters snmp_add_var checks against the MIB's type, by the type name it prints. */
    private static final java.util.Map<String, String> GIVEN_TYPES = java.util.Map.of("i", "INTEGER", "u", "Unsigned32",
            "c", "Counter32", "t", "Timeticks", "a", "IpAddress", "o", "OBJECT IDENTIFIER", "s", "OCTET STRING", "x",
            "OCTET STRING", "d", "OCTET STRING", "b", "BITS");

    /** A MIB syntax as Net-SNMP names it in "Type of attribute is ...", or null when it checks nothing. */
    private static String netSnmpType(String base) {
        if (base == null) {
            return null;
        }
        return switch (base) {
            case "INTEGER", "Integer32", "Unsigned32", "Gauge32", "Counter32", "Counter64", "IpAddress", "OCTET STRING",
                    "OBJECT IDENTIFIER", "BITS", "Opaque" -> base;
            case "TimeTicks" -> "Timeticks";
            case "NetworkAddress" -> "IpAddress";
            default -> null;
        };
    }

    /** The letter whose value check {@code =} gets for an object of MIB type {@code mib}. */
    private static char mibLetter(String mib) {
        return mib == null ? '=' : switch (mib) {
            case "INTEGER", "Integer32" -> 'i';
            case "Unsigned32", "Gauge32" -> 'u';
            case "Counter32" -> 'c';
            case "Timeticks" -> 't';
            case "OBJECT IDENTIFIER" -> 'o';
            default -> '=';
        };
    }

    /** Whether snmp_add_var accepts letter {@code t} for an object of MIB type {@code mib}. */
    private static boolean compatible(char t, String mib) {
        return switch (t) {
            case 'i' -> mib.equals("INTEGER") || mib.equals("Integer32");
            case 'u' -> mib.equals("Unsigned32") || mib.equals("Gauge32");
            case 'c' -> mib.equals("Counter32");
            case 't' -> mib.equals("Timeticks");
            case 'a' -> mib.equals("IpAddress");
            case 'o' -> mib.equals("OBJECT IDENTIFIER");
            case 's', 'x', 'd' -> mib.equals("OCTET STRING") || mib.equals("BITS");
            case 'b' -> mib.equals("BITS") || mib.equals("OCTET STRING");
            default -> true;
        };
    }

    /**
     * snmp_add_var's complaints about a value, in its words: numbers that are none ({@code Value out
     * of range (abc)}), notations that do not read ({@code Bad value notation (zz)}), OID values no
     * MIB names.
     */
    private void checkValue(String name, char t, String value, MibNode node) {
        String v = value.trim();
        boolean ok = switch (t) {
            case 'i' -> io.varbind.session.SetValues.isInteger(v) || node != null && node.enumValue(v) != null;
            case 'u', 'c' -> io.varbind.session.SetValues.isInteger(v);
            case 't' -> v.matches("\\d+");
            case 'x' -> v.replaceAll("[\\s:]", "").matches("([0-9a-fA-F]{2})*");
            case 'd' -> v.matches("\\d{1,3}([.\\s]+\\d{1,3})*") && java.util.Arrays.stream(v.split("[.\\s]+"))
                    .allMatch(p -> Integer.parseInt(p) < 256);
            case 'F', 'D' -> v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
            default -> true;
        };
        if (!ok) {
            throw CliException.verbatim(name + ": " + (t == 'i' || t == 'u' || t == 'c' ? "Value out of range"
                    : "Bad value notation") + " (" + value + ")", null);
        }
        if (node != null) {
            checkRange(name, t, v, node);
        }
        if (t == 'o' && !v.isEmpty() && Character.isLetter(v.charAt(0))) {
            try {
                tree().resolve(v, 0);
            } catch (RuntimeException unknown) {
                int dot = v.indexOf('.');
                String label = v.contains("::") ? v : dot < 0 ? v : v.substring(0, dot);
                throw CliException.verbatim(name + ": Unknown Object Identifier (Sub-id not found: (top) -> " + label
                        + ")", null);
            }
        }
    }

    /**
     * The MIB's ranges and sizes, as snmp_add_var checks them: {@code Value out of range (0 ::
     * {(1..2147483647)})} for a number, {@code (Value does not match DISPLAY-HINT :: {(0..255)})} for
     * a hinted string given as text, {@code (Bad string length :: {(0..255)})} for other octets.
     */
    private static void checkRange(String name, char t, String v, MibNode node) {
        // (an enumeration label is not checked against the ranges, as in snmp_add_var)
        if ((t == 'i' || t == 'u') && !node.ranges().isEmpty()) {
            Long n = node.enumValue(v);
            Long value = io.varbind.session.SetValues.integer(v);
            if (n == null && value != null && !inRanges(node.ranges(), value)) {
                throw CliException.verbatim(name + ": Value out of range (" + v + " :: " + ranges(node.ranges()) + ")", null);
            }
        }
        if ((t == 's' || t == 'x' || t == 'd') && !node.sizes().isEmpty()) {
            int length;
            if (t == 's') {
                length = v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (t == 'x') {
                length = v.replaceAll("[\\s:]", "").length() / 2;
            } else {
                length = v.isEmpty() ? 0 : v.split("[.\\s]+").length;
            }
            if (!inRanges(node.sizes(), length)) {
                String why = t == 's' && node.hint() != null ? "Value does not match DISPLAY-HINT" : "Bad string length";
                throw CliException.verbatim(name + ": Value out of range (" + why + " :: " + ranges(node.sizes()) + ")",
                        null);
            }
        }
    }

    private static boolean inRanges(List<long[]> ranges, long value) {
        for (long[] r : ranges) {
            if (value >= r[0] && value <= r[1]) {
                return true;
            }
        }
        return false;
    }

    private static String ranges(List<long[]> ranges) {
        StringBuilder sb = new StringBuilder("{");
        for (long[] r : ranges) {
            sb.append(sb.length() > 1 ? ", " : "").append('(').append(r[0]).append("..").append(r[1]).append(')');
        }
        return sb.append('}').toString();
    }

    /** Net-SNMP's BITS notation: bit numbers or names, separated by spaces, tabs or commas. */
    static byte[] bits(String name, String value, MibNode node) {
        java.util.BitSet set = new java.util.BitSet();
        for (String word : value.split("[ ,\t]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Integer bit = node != null && node.bits() != null ? node.bits().get(word) : null;
            if (bit == null) {
                try {
                    bit = Integer.parseInt(word);
                } catch (NumberFormatException e) {
                    bit = -1;
                }
            }
            if (bit < 0 || bit > 65535) {
                throw CliException.verbatim(name + ": Value out of range (" + word + ")", null);
            }
            set.set(bit);
        }
        byte[] out = new byte[set.isEmpty() ? 0 : set.length() / 8 + (set.length() % 8 == 0 ? 0 : 1)];
        for (int b = set.nextSetBit(0); b >= 0; b = set.nextSetBit(b + 1)) {
            out[b / 8] |= (byte) (0x80 >>> (b % 8));
        }
        return out;
    }

    MibTree tree() {
        if (tree == null) {
            tree = mib.tree();
        }
        return tree;
    }

    NetSnmpOutput output() {
        if (output == null) {
            OutputOptions o;
            try {
                o = OutputOptions.parse(String.join("", snmp.outputFlags));
            } catch (IllegalArgumentException e) {
                throw new UsageException("-O: " + e.getMessage());
            }
            output = new NetSnmpOutput(tree(), o);
        }
        return output;
    }

    /** A session for {@code agent} with the options given; numeric names and plain values, for exact formatting. */
    Session session(String agent) {
        peer = agent;
        output(); // the MIB tree and the -O flags before any answer: answers are formatted as they arrive
        Session.Builder b = Session.builder().hostname(agent).version(snmp.versionNumber()).community(snmp.community)
                .timeout(snmp.timeout).retries(snmp.retries).mibs(tree()).useNumeric(true);
        if (snmp.securityLevel != null) {
            b.securityLevel(snmp.securityLevel);
        }
        if (snmp.user != null) {
            b.securityUsername(snmp.user);
        }
        if (snmp.authProtocol != null) {
            b.authProtocol(snmp.authProtocol);
        }
        if (snmp.authPassword != null) {
            b.authPassword(snmp.authPassword);
        }
        if (snmp.privProtocol != null) {
            b.privacyProtocol(snmp.privProtocol);
        }
        if (snmp.privPassword != null) {
            b.privacyPassword(snmp.privPassword);
        }
        if (snmp.securityEngineId != null) {
            b.securityEngineId(snmp.securityEngineId);
        }
        if (snmp.contextEngineId != null) {
            b.contextEngineId(snmp.contextEngineId);
        }
        if (snmp.context != null) {
            b.context(snmp.context);
        }
        if (snmp.bootsTime != null) {
            String[] bt = snmp.bootsTime.split(",");
            if (bt.length != 2) {
                throw new UsageException("-Z " + snmp.bootsTime + ": BOOTS,TIME expected");
            }
            b.engineBoots(Integer.parseInt(bt[0].trim())).engineTime(Integer.parseInt(bt[1].trim()));
        }
        var tp = snmp.transportParameters();
        if (tp.containsKey("our_identity")) {
            b.ourIdentity(tp.get("our_identity"));
        }
        if (tp.containsKey("their_identity")) {
            b.theirIdentity(tp.get("their_identity"));
        }
        if (tp.containsKey("their_hostname")) {
            b.theirHostname(tp.get("their_hostname"));
        }
        if (tp.containsKey("trust_cert")) {
            b.trustCert(tp.get("trust_cert"));
        }
        if (tp.containsKey("allow_tls10")) {
            String v = tp.get("allow_tls10").toLowerCase(java.util.Locale.ROOT);
            if (!List.of("yes", "no", "true", "false", "1", "0").contains(v)) {
                throw new UsageException("-T allow_tls10=" + v + ": yes or no");
            }
            b.allowTls10(v.equals("yes") || v.equals("true") || v.equals("1"));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    void print(VarBind vb) {
        parent.out.println(format(vb.oid().toArray(), vb.value()));
    }

    /** The output line (or JSON object) of a varbind named {@code arcs} with value {@code v}. */
    String format(int[] arcs, Variable v) {
        return snmp.json ? output().json(arcs, v) : output().line(arcs, v);
    }

    /**
     * One answer's varbinds as received, each formatted into its output line as it is read from the
     * answer's octets, kept with its name until the answer's error status says what is printed.
     */
    final class ReceivedLines implements VarBindSink {
        final List<int[]> names = new ArrayList<>();
        final List<String> lines = new ArrayList<>();

        @Override
        public void accept(VarBindCursor c, int[] arcs, int len) {
            add(Arrays.copyOf(arcs, len), c.value());
        }

        @Override
        public void accept(VarBind vb) {
            add(vb.oid().toArray(), vb.value());
        }

        private void add(int[] name, Variable v) {
            names.add(name);
            lines.add(format(name, v));
        }
    }

    /**
     * One request and its answer as snmpget/snmpgetnext/snmpbulkget/snmpset handle it: the answer's
     * varbinds printed as received; an error status printed as Net-SNMP prints it
     * ({@code Error in packet}, the reason, the failed object) and, when {@code fix}, the request
     * sent again without the failed variable while any is left (Net-SNMP's snmp_fix_pdu; {@code -Cf}
     * turns it off). Returns the exit status: 0, or {@link Main#EXIT_PACKET_ERROR} (1, CLI.md's SNMP error; Net-SNMP's
     * tools exit 2) after an error status.
     */
    int exchange(List<String> oids, boolean fix, String errorHead,
            BiFunction<List<String>, VarBindSink, CompletableFuture<Response>> send) {
        List<String> pending = new ArrayList<>(oids);
        int status = Main.EXIT_OK;
        while (!pending.isEmpty()) {
            ReceivedLines received = new ReceivedLines();
            Response r = join(send.apply(pending, received));
            int error = r.pdu().errorStatus();
            if (error == 0) {
                for (String line : received.lines) {
                    parent.out.println(line);
                }
                break;
            }
            int index = r.pdu().errorIndex();
            StringBuilder e = new StringBuilder(errorHead).append("\nReason: ").append(Errors.reason(error)).append('\n');
            if (index != 0) {
                e.append("Failed object: ");
                if (index >= 1 && index <= received.names.size()) {
                    e.append(output().name(received.names.get(index - 1))).append('\n');
                }
                e.append('\n');
            }
            parent.err.print(e);
            parent.err.flush();
            status = Main.EXIT_PACKET_ERROR;
            if (!fix || index < 1 || index > pending.size() || received.names.isEmpty()) {
                break;
            }
            pending.remove(index - 1);
        }
        parent.out.flush();
        return status;
    }

    /** The result of a request, its failure rethrown as it was raised. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new CliException(Errors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", e);
        }
    }
}
