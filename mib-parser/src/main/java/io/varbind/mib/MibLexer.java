package io.varbind.mib;

import java.util.Arrays;

/**
 * Splits module text (bytes read as ISO-8859-1, so any encoding passes) into tokens kept in parallel
 * int arrays: no object per token. Comments follow ASN.1 (X.680 11.6): "--" to the end of the line or
 * to the next "--". Quoted strings may span lines and are never copied unless asked for.
 */
final class MibLexer {
    static final int EOF = 0, IDENT = 1, NUMBER = 2, STRING = 3, HEXSTR = 4, ASSIGN = 5, LBRACE = 6,
            RBRACE = 7, LPAREN = 8, RPAREN = 9, RANGE = 10, BAR = 11, COMMA = 12, SEMI = 13, DOT = 14,
            LBRACKET = 15, RBRACKET = 16, OTHER = 17, COLON = 18;

    final byte[] src;
    int count;
    int[] type;
    int[] start;
    int[] end;
    private int[] lineStarts;
    private int lineCount;

    MibLexer(byte[] src) {
        this.src = src;
        int cap = Math.max(64, src.length / 12);
        type = new int[cap];
        start = new int[cap];
        end = new int[cap];
        lineStarts = new int[Math.max(16, src.length / 40)];
        lineStarts[0] = 0;
        lineCount = 1;
        tokenize();
    }

    private void add(int t, int s, int e) {
        if (count == type.length) {
            int n = count * 2;
            type = Arrays.copyOf(type, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
        }
        type[count] = t;
        start[count] = s;
        end[count] = e;
        count++;
    }

    private void newline(int next) {
        if (lineCount == lineStarts.length) {
            lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
        }
        lineStarts[lineCount++] = next;
    }

    private static boolean identChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private void tokenize() {
        final byte[] b = src;
        final int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c == '\n') {
                newline(++i);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b || c == 0xa0 || c == 0) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && b[i + 1] == '-') {
                i += 2;
                while (i < n) {
                    int d = b[i];
                    if (d == '\n' || d == '\r') {
                        break;
                    }
                    if (d == '-' && i + 1 < n && b[i + 1] == '-') {
                        i += 2;
                        break;
                    }
                    i++;
                }
                continue;
            }
            int s = i;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                i++;
                while (i < n) {
                    int d = b[i] & 0xff;
                    if (identChar(d)) {
                        // "--" inside an identifier starts a comment
                        if (d == '-' && i + 1 < n && b[i + 1] == '-') {
                            break;
                        }
                        i++;
                    } else {
                        break;
                    }
                }
                int e = i;
                while (e > s + 1 && b[e - 1] == '-') {
                    e--; // a trailing hyphen is not part of a descriptor
                }
                add(IDENT, s, e);
                continue;
            }
            if ((c >= '0' && c <= '9') || (c == '-' && i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '9')) {
                i++;
                while (i < n && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
                // tolerate descriptors that start with a digit (seen in vendor MIBs)
                if (i < n && c != '-' && (identChar(b[i] & 0xff) && !(b[i] == '-' && i + 1 < n && b[i + 1] == '-'))
                        && ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z' || b[i] == '_' || b[i] == '-')) {
                    while (i < n && identChar(b[i] & 0xff) && !(b[i] == '-' && i + 1 < n && b[i + 1] == '-')) {
                        i++;
                    }
                    add(IDENT, s, i);
                } else {
                    add(NUMBER, s, i);
                }
                continue;
            }
            switch (c) {
                case '"': {
                    i++;
                    while (i < n && b[i] != '"') {
                        if (b[i] == '\n') {
                            newline(i + 1);
                        }
                        i++;
                    }
                    if (i < n) {
                        i++;
                    }
                    add(STRING, s, i);
                    continue;
                }
                case '\'': {
                    i++;
                    while (i < n && b[i] != '\'' && b[i] != '\n') {
                        i++;
                    }
                    if (i < n && b[i] == '\'') {
                        i++;
                        if (i < n && ((b[i] | 0x20) == 'h' || (b[i] | 0x20) == 'b')) {
                            i++;
                        }
                    }
                    add(HEXSTR, s, i);
                    continue;
                }
                case ':':
                    if (i + 2 < n && b[i + 1] == ':' && b[i + 2] == '=') {
                        i += 3;
                        add(ASSIGN, s, i);
                    } else {
                        i++;
                        add(COLON, s, i);
                    }
                    continue;
                case '{': i++; add(LBRACE, s, i); continue;
                case '}': i++; add(RBRACE, s, i); continue;
                case '(': i++; add(LPAREN, s, i); continue;
                case ')': i++; add(RPAREN, s, i); continue;
                case '[': i++; add(LBRACKET, s, i); continue;
                case ']': i++; add(RBRACKET, s, i); continue;
                case '|': i++; add(BAR, s, i); continue;
                case ',': i++; add(COMMA, s, i); continue;
                case ';': i++; add(SEMI, s, i); continue;
                case '.':
                    if (i + 1 < n && b[i + 1] == '.') {
                        i += 2;
                        add(RANGE, s, i);
                    } else {
                        i++;
                        add(DOT, s, i);
                    }
                    continue;
                default:
                    i++;
                    add(OTHER, s, i);
            }
        }
        add(EOF, n, n);
    }

    String text(int t) {
        return new String(src, start[t], end[t] - start[t], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The contents of a quoted string token without its quotes. */
    String stringValue(int t) {
        int s = start[t] + 1;
        int e = end[t];
        if (e > s && src[e - 1] == '"') {
            e--;
        }
        return new String(src, s, Math.max(0, e - s), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    boolean is(int t, String word) {
        int len = end[t] - start[t];
        if (len != word.length()) {
            return false;
        }
        int s = start[t];
        for (int k = 0; k < len; k++) {
            if (src[s + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    int line(int t) {
        int off = start[Math.min(t, count - 1)];
        int lo = 0, hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= off) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    int column(int t) {
        int off = start[Math.min(t, count - 1)];
        return off - lineStarts[line(t) - 1] + 1;
    }
}
