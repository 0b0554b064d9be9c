package io.varbind.format;

import java.nio.charset.StandardCharsets;

/**
 * DISPLAY-HINT rendering (RFC 2579 section 3.1) as Net-SNMP's sprint_value applies it: octet-string
 * hints ({@code 1x:}, {@code 255a}, {@code 2d-1d-1d,1d:1d:1d.1d,1a1d:1d}) and integer hints
 * ({@code d-2}, {@code x}, {@code o}, {@code b}). Net-SNMP quirks kept: hex fields are not
 * zero-padded ({@code 2:fc:0:0:0:1}), a separator is only written when more octets follow, and the
 * last specification repeats until the octets run out.
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
        while (pos < octets.length) {
            if (h >= hint.length()) {
                h = lastSpec; // RFC 2579: the last specification is reused for the remaining octets
            }
            int specStart = h;
            int repeat = 1;
            if (hint.charAt(h) == '*') {
                repeat = octets[pos++] & 0xff;
                h++;
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
                if (code == 'a') {
                    out.append(new String(octets, pos, n, StandardCharsets.ISO_8859_1));
                } else if (code == 't') {
                    out.append(new String(octets, pos, n, StandardCharsets.UTF_8));
                } else {
                    long value = 0;
                    for (int i = 0; i < n; i++) {
                        value = (value << 8) | (octets[pos + i] & 0xff);
                    }
                    out.append(switch (code) {
                        case 'x' -> Long.toHexString(value);
                        case 'o' -> Long.toOctalString(value);
                        default -> Long.toUnsignedString(value);
                    });
                }
                pos += n;
                if (separator != 0 && pos < octets.length && (terminator == 0 || r + 1 < repeat)) {
                    out.append(separator);
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
            case 'b':
                return Long.toBinaryString(value);
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
}
