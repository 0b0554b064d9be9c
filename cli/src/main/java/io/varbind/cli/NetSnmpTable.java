package io.varbind.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table laid out as Net-SNMP's {@code snmptable} lays it out: the title, right-justified columns
 * as wide as their widest cell plus one space ({@code -Cl} left), {@code -Cf SEP} delimited,
 * {@code -Ci} an index column, {@code -Cb} the labels' common prefix cut, {@code -Cw W} split into
 * parts no wider than W, {@code -Ch} only the labels, {@code -CH} no labels. Rows may come in
 * several passes (snmptable's GETNEXT mode prints each batch as it reads it): labels and title
 * only with the first, widths only growing.
 */
final class NetSnmpTable {

    /** The {@code -C} layout flags. */
    record Layout(String separator, boolean headersOnly, boolean noHeaders, boolean showIndex, boolean brief,
            boolean leftJustify, int maxWidth, int columnWidth) {
        /** The layout without {@code -Cc}. */
        Layout(String separator, boolean headersOnly, boolean noHeaders, boolean showIndex, boolean brief,
                boolean leftJustify, int maxWidth) {
            this(separator, headersOnly, noHeaders, showIndex, brief, leftJustify, maxWidth, 0);
        }
    }

    /** One row: its index as printed and its cells (null for a missing cell, printed {@code ?}). */
    record Row(String index, String[] cells) {
    }

    private final String tableName;
    private final Layout layout;
    private final String[] labels;
    private final int[] widths;
    private int indexWidth = 6; // snmptable starts it at strlen("index ")
    private boolean firstPass = true;
    private int entries;

    NetSnmpTable(String tableName, List<String> labels, Layout layout) {
        this.tableName = tableName;
        this.layout = layout;
        this.labels = labels.toArray(new String[0]);
        this.widths = new int[this.labels.length];
        int common = layout.brief && this.labels.length > 1 ? commonPrefix(this.labels) : 0;
        for (int i = 0; i < this.labels.length; i++) {
            this.labels[i] = this.labels[i].substring(common);
            widths[i] = layout.columnWidth > 0 ? layout.columnWidth - 1 : width(this.labels[i]);
        }
    }

    /**
     * snmptable's brief-label cut: the shortest run the neighbouring labels share, where a label that
     * is a prefix of the next counts one character short of its length.
     */
    private static int commonPrefix(String[] labels) {
        int common = labels[0].length();
        for (int i = 1; i < labels.length; i++) {
            String a = labels[i - 1];
            String b = labels[i];
            int k = 0;
            while (k < a.length() && k < b.length() && a.charAt(k) == b.charAt(k)) {
                k++;
            }
            int len = k == a.length() ? k - 1 : k;
            common = Math.min(common, len);
        }
        return Math.max(common, 0);
    }

    /** Width as C counts it: bytes of the UTF-8 text. */
    private static int width(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String pad(String s, int width, boolean left) {
        int n = width - width(s);
        if (n <= 0) {
            return s;
        }
        String spaces = " ".repeat(n);
        return left ? s + spaces : spaces + s;
    }

    private String field(int i, String text) {
        if (layout.columnWidth > 0) {
            // -Cc N: every column N wide, its text cut to N-1 characters (snmptable's %N.(N-1)s)
            int n = layout.columnWidth;
            String cut = text.length() > n - 1 ? text.substring(0, Math.max(0, n - 1)) : text;
            return pad(cut, n, layout.leftJustify);
        }
        if (layout.separator == null) {
            return pad(text, widths[i] + 1, layout.leftJustify);
        }
        return i == 0 && !layout.showIndex ? text : layout.separator + text;
    }

    private String index(String text) {
        return layout.separator == null ? pad(text, indexWidth, layout.leftJustify) : text;
    }

    /** Prints one pass of rows (all of them, unless reading in batches). */
    void print(PrintStream out, List<Row> rows) {
        entries += rows.size();
        if (rows.isEmpty() && !layout.headersOnly) {
            return;
        }
        for (Row r : rows) {
            if (layout.showIndex) {
                indexWidth = Math.max(indexWidth, width(r.index()));
            }
            for (int i = 0; i < widths.length; i++) {
                if (r.cells()[i] != null && layout.columnWidth == 0) {
                    widths[i] = Math.max(widths[i], width(r.cells()[i]));
                }
            }
        }
        boolean labelsToo = !layout.noHeaders && firstPass;
        if (labelsToo && !layout.headersOnly) {
            out.print("SNMP table: " + tableName + "\n\n");
        }
        int lastField = 0;
        int part = 0;
        StringBuilder sb = new StringBuilder();
        while (lastField != widths.length) {
            part++;
            if (part != 1 && !layout.noHeaders) {
                sb.append("\nSNMP table ").append(tableName).append(", part ").append(part).append("\n\n");
            }
            int first = lastField;
            int width = 0;
            if (layout.showIndex && labelsToo) {
                width = indexWidth;
                sb.append(index("index"));
            }
            int f;
            for (f = first; f < widths.length; f++) {
                if (layout.maxWidth != 0) {
                    width += widths[f] + 1;
                    if (f != first && width > layout.maxWidth) {
                        break;
                    }
                }
                if (labelsToo) {
                    sb.append(field(f, labels[f]));
                }
            }
            lastField = f;
            if (labelsToo) {
                sb.append('\n');
            }
            for (Row r : rows) {
                if (layout.showIndex) {
                    sb.append(index(r.index()));
                }
                for (int i = first; i < lastField; i++) {
                    sb.append(field(i, r.cells()[i] == null ? "?" : r.cells()[i]));
                }
                sb.append('\n');
            }
        }
        out.print(sb);
        firstPass = false;
    }

    /** After the last pass: snmptable's line for a table that had no rows. */
    void finish(PrintStream out) {
        if (entries == 0) {
            out.print(tableName + ": No entries\n");
        }
    }
}
