package io.varbind.agent;

import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import io.varbind.mib.DisplayHint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads the output of Net-SNMP's {@code snmpwalk -On -OU -Oe} ({@code .1.3.6.1.2.1.1.1.0 = STRING:
 * text}) into OID/value pairs. Every type label Net-SNMP prints is understood, strings that span
 * several lines included; lines that describe no value (noSuchObject, end of MIB view) are skipped.
 * A line that makes no sense is collected as a warning ({@link #warnings()}) and skipped, so one
 * odd line in a large capture does not make the whole file unusable.
 */
public final class WalkFileParser {

    private static final int MAX_WARNINGS = 100;

    private final List<String> warnings = new ArrayList<>();
    private final Function<Oid, String> hints;
    private int warningCount;

    /** A parser that takes every {@code STRING:} text as the octets themselves. */
    public WalkFileParser() {
        this(null);
    }

    /**
     * A parser that reads an unquoted {@code STRING:} back through the DISPLAY-HINT
     * {@code hints} gives for its OID (null: none), for files captured with MIBs loaded.
     */
    public WalkFileParser(Function<Oid, String> hints) {
        this.hints = hints;
    }

    /** Problems met so far (at most 100 kept), each {@code file:line: what}. */
    public List<String> warnings() {
        return warnings;
    }

    public int warningCount() {
        return warningCount;
    }

    public void parse(Path file, BiConsumer<Oid, Variable> sink) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            parse(file.toString(), r, sink);
        } catch (IOException e) {
            throw new WalkFileException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code reader}; {@code source} names it in warnings. The text is read as ISO-8859-1
     * so that every byte of an octet string survives (Net-SNMP prints raw bytes).
     */
    public void parse(String source, Reader reader, BiConsumer<Oid, Variable> sink) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String pendingOid = null;
        int pendingLine = 0;
        StringBuilder pending = new StringBuilder();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int eq = startOfValue(line);
            if (eq < 0) {
                if (pendingOid != null) {
                    pending.append('\n').append(line);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    warn(source, lineNo, "not an 'OID = TYPE: value' line");
                }
                continue;
            }
            if (pendingOid != null) {
                emit(source, pendingLine, pendingOid, pending.toString(), sink);
            }
            pendingOid = line.substring(0, line.indexOf('=')).trim();
            pendingLine = lineNo;
            pending.setLength(0);
            pending.append(line, eq, line.length());
        }
        if (pendingOid != null) {
            emit(source, pendingLine, pendingOid, pending.toString(), sink);
        }
    }

    /**
     * Where the value starts when {@code line} begins a new binding ({@code .1.3.6 = ...}), else
     * -1 (a continuation line of a multi-line value, or garbage).
     */
    static int startOfValue(String line) {
        int n = line.length();
        int i = 0;
        if (i < n && line.charAt(i) == '.') {
            i++;
        }
        int arcs = 0;
        while (i < n) {
            int start = i;
            while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return -1;
            }
            arcs++;
            if (i < n && line.charAt(i) == '.') {
                i++;
                continue;
            }
            break;
        }
        if (arcs < 2) {
            return -1;
        }
        if (!line.startsWith(" = ", i)) {
            // "OID =" with nothing after it: an empty value line some tools write.
            return line.length() == i + 2 && line.startsWith(" =", i) ? n : -1;
        }
        return i + 3;
    }

    private void emit(String source, int lineNo, String oidText, String valueText,
            BiConsumer<Oid, Variable> sink) {
        Oid oid;
        try {
            oid = Oid.parse(oidText);
        } catch (IllegalArgumentException e) {
            warn(source, lineNo, "bad OID '" + oidText + "'");
            return;
        }
        Variable v;
        try {
            v = parseValue(valueText);
            if (hints != null && v != null && v.tag() == io.varbind.codec.BerTags.OCTET_STRING
                    && valueText.startsWith("STRING: ") && !valueText.startsWith("STRING: \"")) {
                v = hinted(oid, valueText.substring(8), v);
            }
        } catch (RuntimeException e) {
            warn(source, lineNo, oidText + ": " + e.getMessage());
            return;
        }
        if (v != null) {
            sink.accept(oid, v);
        }
    }

    /** The octets behind a hinted string, or {@code plain} when there is no (non-text) hint. */
    private Variable hinted(Oid oid, String text, Variable plain) {
        String hint = hints.apply(oid);
        if (hint == null || DisplayHint.isText(hint)) {
            return plain;
        }
        byte[] octets = DisplayHint.parseOctets(hint, text);
        return octets == null ? plain : Variable.octetString(octets);
    }

    private void warn(String source, int lineNo, String what) {
        warningCount++;
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(source + ":" + lineNo + ": " + what);
        }
    }

    /**
     * One value as Net-SNMP prints it after {@code " = "}; null for the exception lines (no such
     * object, end of MIB view), which describe no instance. Throws IllegalArgumentException with
     * the reason when the text is not a value.
     */
    public static Variable parseValue(String text) {
        if (text.startsWith("Wrong Type (should be ")) {
            int close = text.indexOf("): ");
            if (close > 0) {
                text = text.substring(close + 3);
            }
        }
        if (text.equals("\"\"") || text.isEmpty()) {
            return Variable.octetString(new byte[0]);
        }
        if (text.startsWith("No Such Object") || text.startsWith("No Such Instance")
                || text.startsWith("No more variables")) {
            return null;
        }
        if (text.equals("NULL")) {
            return Variable.nullValue();
        }
        int colon = text.indexOf(": ");
        String label;
        String body;
        if (colon < 0) {
            if (!text.endsWith(":")) {
                throw new IllegalArgumentException("no type label in '" + abbreviate(text) + "'");
            }
            label = text.substring(0, text.length() - 1);
            body = "";
        } else {
            label = text.substring(0, colon);
            body = text.substring(colon + 2);
        }
        switch (label) {
            case "STRING":
                return Variable.octetString(unquote(body).getBytes(StandardCharsets.ISO_8859_1));
            case "Hex-STRING":
            case "BITS":
                return Variable.octetString(hex(body));
            case "INTEGER":
            case "Integer32":
                return Variable.integer((int) integer(body, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case "Gauge32":
            case "Unsigned32":
            case "UInteger32":
                return Variable.gauge32(integer(body, 0, 0xFFFFFFFFL));
            case "Counter32":
                return Variable.counter32(integer(body, 0, 0xFFFFFFFFL));
            case "Counter64":
                return Variable.counter64(unsigned64(firstWord(body)));
            case "Timeticks":
                return Variable.timeTicks(timeticks(body));
            case "OID":
                return Variable.objectId(oidValue(body));
            case "IpAddress":
                return Variable.ipAddress(ipv4(firstWord(body)));
            case "Network Address":
                return Variable.ipAddress(networkAddress(body));
            case "Opaque":
                return opaque(body);
            default:
                throw new IllegalArgumentException("unknown type label '" + label + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * Net-SNMP quotes a printable string that has no DISPLAY-HINT and escapes {@code "} and
     * {@code \} inside it with a backslash; a hinted string (DisplayString) is printed raw.
     */
    static String unquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() - 2);
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1 && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String firstWord(String s) {
        String t = s.trim();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    /** Hex octets separated by white space (Net-SNMP breaks long ones over several lines). */
    static byte[] hex(String body) {
        byte[] out = new byte[body.length() / 2 + 1];
        int n = 0;
        int i = 0;
        int len = body.length();
        while (i < len) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int hi = Character.digit(c, 16);
            int lo = i + 1 < len ? Character.digit(body.charAt(i + 1), 16) : -1;
            if (hi < 0 || lo < 0) {
                // BITS values may carry labels after the octets: "80 00 up(0)"; stop there.
                if (n > 0 && Character.isLetter(c)) {
                    break;
                }
                throw new IllegalArgumentException("bad hex octet at '" + abbreviate(body.substring(i)) + "'");
            }
            out[n++] = (byte) (hi << 4 | lo);
            i += 2;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** A number, or {@code label(number)} when printed without -Oe, or a DISPLAY-HINT d-N decimal. */
    static long integer(String body, long min, long max) {
        String t = body.trim();
        int open = t.lastIndexOf('(');
        if (open >= 0 && t.endsWith(")")) {
            t = t.substring(open + 1, t.length() - 1);
        } else {
            t = firstWord(t);
            int dot = t.indexOf('.');
            if (dot > 0 && t.indexOf('.', dot + 1) < 0) {
                t = t.substring(0, dot) + t.substring(dot + 1);
            }
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + abbreviate(body) + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("number out of range: " + v);
        }
        return v;
    }

    static long unsigned64(String t) {
        try {
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Counter64: '" + abbreviate(t) + "'");
        }
    }

    /** {@code (12345) 0:02:03.45} or plain {@code 12345} (-Ot). */
    static long timeticks(String body) {
        String t = body.trim();
        if (t.startsWith("(")) {
            int close = t.indexOf(')');
            if (close < 0) {
                throw new IllegalArgumentException("bad Timeticks '" + abbreviate(body) + "'");
            }
            t = t.substring(1, close);
        } else {
            t = firstWord(t);
        }
        return integer(t, 0, 0xFFFFFFFFL);
    }

    static Oid oidValue(String body) {
        String t = firstWord(body);
        if (t.equals("ccitt.0") || t.equals("SNMPv2-SMI::zeroDotZero") || t.equals("zeroDotZero")) {
            return Oid.of(0, 0);
        }
        try {
            return Oid.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OID value '" + abbreviate(t) + "' is not numeric (walk with -On)");
        }
    }

    static byte[] ipv4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bad IpAddress '" + abbreviate(t) + "'");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) integer(parts[i], 0, 255);
        }
        return b;
    }

    /** Net-SNMP prints a NetworkAddress as colon-separated hex octets. */
    static byte[] networkAddress(String body) {
        byte[] b = hex(body.trim().replace(':', ' '));
        if (b.length != 4) {
            throw new IllegalArgumentException("bad Network Address '" + abbreviate(body) + "'");
        }
        return b;
    }

    static Variable opaque(String body) {
        String t = body.trim();
        if (t.startsWith("Float: ")) {
            return Variable.opaqueFloat(Float.parseFloat(t.substring(7).trim()));
        }
        if (t.startsWith("Double: ")) {
            return Variable.opaqueDouble(Double.parseDouble(t.substring(8).trim()));
        }
        if (t.startsWith("Int64: ")) {
            return Variable.opaqueInt64(Long.parseLong(t.substring(7).trim()));
        }
        if (t.startsWith("UInt64: ")) {
            return Variable.opaqueUInt64(unsigned64(t.substring(8).trim()));
        }
        return Variable.opaque(hex(t));
    }
}
