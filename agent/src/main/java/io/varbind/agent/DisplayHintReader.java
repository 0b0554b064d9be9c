package io.varbind.agent;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back octets that Net-SNMP printed through an octet-string DISPLAY-HINT (RFC 2579 section
 * 3.1), e.g. a PhysAddress {@code 1x:} as {@code 2:fc:0:0:0:1} or a DateAndTime as
 * {@code 2026-11-23,23:59:1.0,+0:0}, so a walk file taken with MIBs loaded serves the original
 * bytes. Hints with a repeat indicator ({@code *}) are not handled: {@link #parse} returns null.
 */
public final class DisplayHintReader {

    private record Spec(int length, char format, char separator) {
    }

    private DisplayHintReader() {
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
    public static byte[] parse(String hint, String text) {
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
