package io.varbind.mib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DISPLAY-HINT rendering (RFC 2579 section 3.1) as Net-SNMP's sprint_value applies it: octet-string
 * hints ({@code 1x:}, {@code 255a}, {@code 2d-1d-1d,1d:1d:1d.1d,1a1d:1d}) and integer hints
 * ({@code d-2}, {@code x}, {@code o}, {@code b}). Net-SNMP quirks kept: hex fields are not
 * zero-padded ({@code 2:fc:0:0:0:1}), a separator is only written when more octets follow, and the
 * last specification repeats until the octets run out; a field without a width is one octet wide.
 * Checked against Net-SNMP's own renderers (DisplayHintOracleTest). The one implementation: the
 * session's value formatting and the MIB tools use it alike.
 */
public final class DisplayHint {

    private DisplayHint() {
    }

    /** Renders {@code octets} with an octet-string hint; null when the hint is not one (caller falls back). */
    public static String octets(String hint, byte[] octets) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int pos = 0;
        int h = 0;
        int lastSpec = 0;
        boolean again = false;
        while (pos < octets.length) {
            if (h >= hint.length()) {
                h = lastSpec; // RFC 2579: the last specification is reused for the remaining octets
                again = true;
            }
            int specStart = h;
            int repeat = 1;
            if (hint.charAt(h) == '*') {
                h++;
                if (!again) { // Net-SNMP reads a repeat count only on the first pass over the hint
                    repeat = octets[pos++] & 0xff;
                }
            }
            int width = 0;
            boolean digits = false;
            while (h < hint.length() && Character.isDigit(hint.charAt(h))) {
                width = width * 10 + (hint.charAt(h++) - '0');
                digits = true;
                if (width > 65535) {
                    return null;
                }
            }
            if (h >= hint.length()) {
                return null; // no format letter
            }
            char code = hint.charAt(h++);
            if ("xdoat".indexOf(code) < 0) {
                return null;
            }
            if (!digits || width == 0) {
                width = 1;
            }
            char separator = 0;
            char terminator = 0;
            if (h < hint.length() && isPlainChar(hint.charAt(h))) {
                separator = hint.charAt(h++);
            }
            if (h < hint.length() && isPlainChar(hint.charAt(h)) && hint.charAt(specStart) == '*') {
                terminator = hint.charAt(h++);
            }
            lastSpec = specStart;
            for (int r = 0; r < repeat && pos < octets.length; r++) {
                int n = Math.min(width, octets.length - pos);
                if (code == 'a' || code == 't') { // Net-SNMP shows a NUL octet as '.'
                    out.append(new String(octets, pos, n, code == 'a' ? StandardCharsets.ISO_8859_1
                            : StandardCharsets.UTF_8).replace('\0', '.'));
                } else {
                    long value = 0;
                    for (int i = 0; i < width && i < 8; i++) { // a short last field: zero-filled (Net-SNMP reads on)
                        value = (value << 8) | (i < n ? octets[pos + i] & 0xff : 0);
                    }
                    String text = switch (code) {
                        case 'x' -> Long.toHexString(value);
                        case 'o' -> Long.toOctalString(value);
                        default -> Long.toUnsignedString(value);
                    };
                    if (code == 'x' && width == 1 && separator == 0 && h >= hint.length() && text.length() == 1) {
                        out.append('0'); // Net-SNMP: a last field of one hex octet, unseparated, has two digits
                    }
                    out.append(text);
                }
                pos += n;
                if (separator != 0 && pos < octets.length) {
                    out.append(separator); // Net-SNMP: also before a terminator
                }
            }
            if (terminator != 0 && pos < octets.length) {
                out.append(terminator);
            }
        }
        return out.toString();
    }

    private static boolean isPlainChar(char c) {
        return c != '*' && !Character.isDigit(c);
    }

    /**
     * Renders an integer with an integer hint ({@code d}, {@code d-N}, {@code x}, {@code o}, {@code b});
     * null when the hint is not one. {@code d-N} places a decimal point N digits from the right,
     * as Net-SNMP does ({@code 1234} with {@code d-2} is {@code 12.34}; {@code 5} is {@code .05}).
     */
    public static String integer(String hint, long value, boolean unsigned) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        char code = hint.charAt(0);
        switch (code) {
            case 'x':
                return Long.toHexString(value);
            case 'X':
                return Long.toHexString(value).toUpperCase();
            case 'o':
                return Long.toOctalString(value);
            case 'b': { // Net-SNMP: the 32 bits of the value, all of them
                String bits = Long.toBinaryString(value & 0xFFFFFFFFL);
                return "0".repeat(32 - bits.length()) + bits;
            }
            case 'd': {
                String digits = unsigned ? Long.toUnsignedString(value) : Long.toString(value);
                if (hint.length() > 2 && hint.charAt(1) == '-') {
                    int shift;
                    try {
                        shift = Integer.parseInt(hint.substring(2));
                    } catch (NumberFormatException e) {
                        return digits;
                    }
                    if (shift <= 0 || shift > 64) {
                        return digits;
                    }
                    boolean negative = digits.startsWith("-");
                    String abs = negative ? digits.substring(1) : digits;
                    String s;
                    if (shift < abs.length()) {
                        s = abs.substring(0, abs.length() - shift) + "." + abs.substring(abs.length() - shift);
                    } else {
                        s = "." + "0".repeat(shift - abs.length()) + abs;
                    }
                    return negative ? "-" + s : s;
                }
                return digits;
            }
            default:
                return null;
        }
    }

    // Reading back: the octets behind text that Net-SNMP printed through an octet-string hint, e.g. a
    // PhysAddress 1x: as 2:fc:0:0:0:1 or a DateAndTime as 2026-11-23,23:59:1.0,+0:0, so a walk file
    // taken with MIBs loaded serves the original bytes (the agent's walk-file loading). Hints with a
    // repeat indicator (*) are not read back: parseOctets returns null.

    private record Spec(int length, char format, char separator) {
    }

    /** True when printing through {@code hint} is plain text (a/t only), which needs no reading back. */
    public static boolean isText(String hint) {
        List<Spec> specs = specs(hint);
        if (specs == null) {
            return false;
        }
        for (Spec s : specs) {
            if (s.format() != 'a' && s.format() != 't') {
                return false;
            }
        }
        return true;
    }

    /** The octets {@code text} was printed from, or null when it does not fit the hint. */
    public static byte[] parseOctets(String hint, String text) {
        List<Spec> specs = specs(hint);
        if (specs == null || specs.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int pos = 0;
        int i = 0;
        while (pos < text.length()) {
            Spec s = specs.get(Math.min(i++, specs.size() - 1));
            int start = pos;
            switch (s.format()) {
                case 'x', 'd', 'o' -> {
                    int radix = s.format() == 'x' ? 16 : s.format() == 'd' ? 10 : 8;
                    long v = 0;
                    while (pos < text.length() && Character.digit(text.charAt(pos), radix) >= 0
                            && (s.format() != 'x' || pos - start < 2 * s.length())) {
                        v = v * radix + Character.digit(text.charAt(pos), radix);
                        pos++;
                    }
                    if (pos == start || s.length() > 8) {
                        return null;
                    }
                    for (int k = s.length() - 1; k >= 0; k--) {
                        out.write((int) (v >>> (8 * k)));
                    }
                }
                case 'a', 't' -> {
                    int end = text.length();
                    if (s.separator() != 0) {
                        int sep = text.indexOf(s.separator(), pos);
                        end = sep < 0 ? end : sep;
                    }
                    if (s.format() == 'a') {
                        end = Math.min(end, pos + s.length());
                    }
                    for (int k = pos; k < end; k++) {
                        out.write(text.charAt(k));
                    }
                    pos = end;
                    if (pos == start) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
            if (s.separator() != 0 && pos < text.length()) {
                if (text.charAt(pos) != s.separator()) {
                    return null;
                }
                pos++;
            }
        }
        return out.toByteArray();
    }

    /** The octet-format specifications of a hint; null when it is not one this reader handles. */
    private static List<Spec> specs(String hint) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        List<Spec> out = new ArrayList<>();
        int i = 0;
        int n = hint.length();
        while (i < n) {
            if (hint.charAt(i) == '*') {
                return null;
            }
            int start = i;
            while (i < n && Character.isDigit(hint.charAt(i))) {
                i++;
            }
            if (i == start || i >= n) {
                return null;
            }
            int length = Integer.parseInt(hint.substring(start, i));
            char format = hint.charAt(i++);
            if ("xdoat".indexOf(format) < 0) {
                return null;
            }
            char sep = 0;
            if (i < n && !Character.isDigit(hint.charAt(i)) && hint.charAt(i) != '*') {
                sep = hint.charAt(i++);
            }
            out.add(new Spec(length, format, sep));
        }
        return out;
    }
}
