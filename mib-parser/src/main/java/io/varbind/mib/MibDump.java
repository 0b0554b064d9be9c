package io.varbind.mib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/** {@code mib dump --format jsonl} (CLI.md): one JSON object per node and per named type. */
public final class MibDump {
    private MibDump() { }

    /**
     * Writes every node and type of the given modules (all loaded modules when {@code modules} is
     * null or contains "ALL"), one JSON object per line, fields as CLI.md lists them; fields that do
     * not apply are left out.
     */
    public static void writeJsonl(MibTree tree, Collection<String> modules, Appendable out) {
        try {
            for (MibModule m : tree.select(modules)) {
                for (MibNode n : m.nodes()) {
                    out.append(json(n)).append('\n');
                }
                for (MibType t : m.types().values()) {
                    out.append(json(t)).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One node as a JSON object (no trailing newline). */
    public static String json(MibNode n) {
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "module", n.module());
        field(sb, "name", n.name());
        field(sb, "oid", n.oidString());
        field(sb, "kind", n.kind());
        field(sb, "nodetype", n.nodeType());
        facts(sb, n.facts, n.tc());
        field(sb, "access", n.access());
        field(sb, "status", n.status());
        field(sb, "units", n.units());
        field(sb, "defval", n.defval());
        if ("row".equals(n.nodeType())) {
            if (!n.index().isEmpty()) {
                list(sb, "index", n.index());
                sb.append(",\"implied\":").append(n.implied());
            }
            field(sb, "augments", n.augments());
        }
        if (!n.objects().isEmpty()) {
            list(sb, n.mibKind() == MibKind.NOTIFICATION ? "objects" : "members", n.objects());
        }
        return sb.append('}').toString();
    }

    /** One type as a JSON object (no trailing newline). */
    public static String json(MibType t) {
        StringBuilder sb = new StringBuilder(128).append('{');
        field(sb, "module", t.module());
        field(sb, "name", t.name());
        sb.append(",\"oid\":null");
        field(sb, "kind", t.kind());
        facts(sb, t.facts, t.tc());
        field(sb, "status", t.status());
        return sb.append('}').toString();
    }

    private static void facts(StringBuilder sb, TypeFacts f, String tc) {
        field(sb, "base", f.base);
        field(sb, "tc", tc);
        field(sb, "hint", f.hint);
        if (f.enumLabels != null) {
            sb.append(",\"enums\":{");
            for (int i = 0; i < f.enumLabels.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                str(sb, f.enumLabels[i]);
                sb.append(':').append(f.enumValues[i]);
            }
            sb.append('}');
        }
        if (f.bitLabels != null) {
            sb.append(",\"bits\":{");
            for (int i = 0; i < f.bitLabels.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                str(sb, f.bitLabels[i]);
                sb.append(':').append(f.bitValues[i]);
            }
            sb.append('}');
        }
        ranges(sb, "ranges", f.ranges);
        ranges(sb, "sizes", f.sizes);
    }

    private static void ranges(StringBuilder sb, String name, List<long[]> r) {
        if (r == null) {
            return;
        }
        sb.append(",\"").append(name).append("\":[");
        for (int i = 0; i < r.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(bound(r.get(i)[0])).append(',').append(bound(r.get(i)[1])).append(']');
        }
        sb.append(']');
    }

    private static String bound(long v) {
        return v == Long.MIN_VALUE ? "\"MIN\"" : v == Long.MAX_VALUE ? "\"MAX\"" : Long.toString(v);
    }

    private static void list(StringBuilder sb, String name, List<String> items) {
        sb.append(",\"").append(name).append("\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            str(sb, items.get(i));
        }
        sb.append(']');
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null) {
            return;
        }
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
        str(sb, value);
    }

    static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

}
