package io.varbind.session;

/** Python 3's {@code repr} of a string and easysnmp's {@code strip_non_printable}, for SnmpVariable's text form. */
public final class PyRepr {

    private PyRepr() {
    }

    /** Python's {@code string.printable}: ASCII letters, digits, punctuation and whitespace. */
    static boolean inStringPrintable(char c) {
        return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    /**
     * easysnmp's {@code strip_non_printable}: drop every character outside {@code string.printable}
     * and, when any was dropped, append {@code (contains binary)} (after a space unless nothing is left).
     */
    public static String stripNonPrintable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inStringPrintable(c)) {
                b.append(c);
            }
        }
        if (b.length() != value.length()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("(contains binary)");
        }
        return b.toString();
    }

    /** Python 3 {@code repr(str)}, or {@code None} for null. */
    public static String repr(String s) {
        if (s == null) {
            return "None";
        }
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp >= 0x20 && cp < 0x7f) {
                b.append((char) cp);
            } else if (isPrintable(cp)) {
                b.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.append(String.format("\\U%08x", cp));
            }
        }
        return b.append(quote).toString();
    }

    /** Python's {@code str.isprintable} for one code point beyond ASCII. */
    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
