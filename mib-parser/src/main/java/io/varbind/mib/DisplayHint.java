package io.varbind.mib;

import java.nio.charset.StandardCharsets;

/**
 * Applies a DISPLAY-HINT (RFC 2579 section 3.1) to a value, as Net-SNMP prints it: hexadecimal
 * without zero padding, 'a' one character per octet, 't' UTF-8. Returns null when the hint is
 * malformed, so the caller can fall back to its default rendering.
 */
public final class DisplayHint {
    private DisplayHint() { }

    /** An octet-format hint such as {@code 255a}, {@code 1x:}, {@code 2d-1d-1d,1d:1d:1d.1d,1a1d:1d}. */
    public static String formatOctets(String hint, byte[] value) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length * 3);
        int pos = 0;   // in value
        int h = 0;     // in hint
        int specStart = 0;
        while (pos < value.length) {
            if (h >= hint.length()) {
                h = specStart; // the last specification repeats
            }
            specStart = h;
            boolean star = false;
            if (hint.charAt(h) == '*') {
                star = true;
                h++;
            }
            int len = 0;
            int digits = 0;
            while (h < hint.length() && Character.isDigit(hint.charAt(h))) {
                len = len * 10 + (hint.charAt(h++) - '0');
                if (++digits > 6) {
                    return null;
                }
            }
            if (h >= hint.length() || (digits == 0 && !star)) {
                return null;
            }
            if (digits == 0) {
                len = 1;
            } else if (len == 0) {
                return null; // would consume nothing, for ever
            }
            char fmt = hint.charAt(h++);
            if ("xdoat".indexOf(fmt) < 0) {
                return null;
            }
            char sep = 0;
            char term = 0;
            if (h < hint.length() && !Character.isDigit(hint.charAt(h)) && hint.charAt(h) != '*') {
                sep = hint.charAt(h++);
                if (star && h < hint.length() && !Character.isDigit(hint.charAt(h)) && hint.charAt(h) != '*') {
                    term = hint.charAt(h++);
                }
            }
            int repeat = 1;
            if (star) {
                repeat = value[pos] & 0xff;
                pos++;
            }
            for (int r = 0; r < repeat && pos < value.length; r++) {
                int n = Math.min(len, value.length - pos);
                if (fmt == 'a' || fmt == 't') {
                    out.append(new String(value, pos, n, fmt == 'a' ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
                } else {
                    long v = 0;
                    for (int i = 0; i < n; i++) {
                        v = (v << 8) | (value[pos + i] & 0xff);
                    }
                    out.append(fmt == 'x' ? Long.toHexString(v) : fmt == 'o' ? Long.toOctalString(v) : Long.toString(v));
                }
                pos += n;
                boolean last = r == repeat - 1;
                if (sep != 0 && pos < value.length && !(star && last && term != 0)) {
                    out.append(sep);
                }
            }
            if (term != 0 && pos < value.length) {
                out.append(term);
            }
        }
        return out.toString();
    }

    /** An integer-format hint: {@code d}, {@code d-2} (implied decimal point), {@code x}, {@code o}, {@code b}. */
    public static String formatInteger(String hint, long value) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        switch (hint.charAt(0)) {
            case 'x':
                return Long.toHexString(value);
            case 'o':
                return Long.toOctalString(value);
            case 'b':
                return Long.toBinaryString(value);
            case 'd': {
                if (hint.length() == 1) {
                    return Long.toString(value);
                }
                if (hint.charAt(1) != '-') {
                    return null;
                }
                int places;
                try {
                    places = Integer.parseInt(hint.substring(2));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (places <= 0 || places > 18) {
                    return places == 0 ? Long.toString(value) : null;
                }
                boolean neg = value < 0;
                String digits = Long.toString(Math.abs(value));
                while (digits.length() <= places) {
                    digits = "0" + digits;
                }
                String s = digits.substring(0, digits.length() - places) + "." + digits.substring(digits.length() - places);
                return neg ? "-" + s : s;
            }
            default:
                return null;
        }
    }
}
