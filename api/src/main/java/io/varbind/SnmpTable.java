package io.varbind;

import io.varbind.codec.Oid;
import io.varbind.mib.IndexCodec;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.session.TableReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conceptual table as {@link Session#table} read it: {@link #columns()} in MIB order and
 * {@link #rows()} in index order, each row's cells as {@link SnmpVariable}s (null where the agent
 * has no cell: sparse rows). Immutable in what it shows; safe to read from several threads.
 */
public final class SnmpTable {
    private final String name;
    private final String oid;
    private final List<String> columns;
    private final List<Row> rows;

    private SnmpTable(String name, String oid, List<String> columns, List<Row> rows) {
        this.name = name;
        this.oid = oid;
        this.columns = columns;
        this.rows = rows;
    }

    /** What every row of one table shares: the MIB, the entry, the column positions and the conversion. */
    private record Shape(MibTree tree, MibNode entry, Map<String, Integer> positions) {
    }

    /**
     * One row: its index as Net-SNMP prints it, the index decoded, and its cells by column name.
     * Each cell was made from the answer's octets as it arrived, with the display flags the read
     * started with; the index text and the decoded values are worked out when first asked for, on
     * the caller's thread (not the engine's event loop that completed the read), and then kept.
     */
    public static final class Row {
        private final Shape shape;
        private final Oid indexOid;
        private final SnmpVariable[] cells;
        private String index;
        private List<Object> indexValues;

        private Row(Shape shape, Oid indexOid, SnmpVariable[] cells) {
            this.shape = shape;
            this.indexOid = indexOid;
            this.cells = cells;
        }

        /** The index as Net-SNMP prints it after a column name, without the dot: {@code 1}, {@code "hello"}. */
        public String index() {
            String i = index;
            if (i == null) {
                int[] arcs = indexOid.toArray();
                i = IndexCodec.render(shape.tree, shape.entry, arcs, 0, arcs.length);
                i = i.startsWith(".") ? i.substring(1) : i;
                index = i; // a race computes the same immutable String twice, harmlessly
            }
            return i;
        }

        /** The index sub-identifiers, dotted: {@code 5.104.101.108.108.111}. */
        public String indexOid() {
            return indexOid.toString();
        }

        /**
         * Each INDEX component decoded by its MIB type (AUGMENTS followed, IMPLIED honoured): a
         * {@code Long} for integers, a {@code String} for octet strings (one character per octet,
         * ISO-8859-1, as easysnmp decodes them), dotted text for an IpAddress and for an OBJECT
         * IDENTIFIER. Empty when the MIB has no INDEX for the table or the index does not fit it.
         */
        public List<Object> indexValues() {
            List<Object> v = indexValues;
            if (v == null) {
                v = decode(shape, indexOid.toArray());
                indexValues = v; // immutable (List.copyOf), safe to share through a race
            }
            return v;
        }

        /** The cell of {@code column} (a name of {@link SnmpTable#columns()}), or null when the row has none. */
        public SnmpVariable get(String column) {
            Integer at = shape.positions.get(column);
            return at == null ? null : cells[at];
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Row(").append(index());
            for (String c : shape.positions.keySet()) {
                SnmpVariable v = get(c);
                if (v != null) {
                    sb.append(", ").append(v);
                }
            }
            return sb.append(')').toString();
        }
    }

    /** The table's descriptor (its dotted OID when the MIB does not know it). */
    public String name() {
        return name;
    }

    /** The table's OID, dotted, without a leading dot. */
    public String oid() {
        return oid;
    }

    /** The column descriptors in MIB order (sub-identifier order); the number for a column the MIB lacks. */
    public List<String> columns() {
        return columns;
    }

    /** The rows in index order (the agent's OID order). */
    public List<Row> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "SnmpTable(" + name + ", " + columns + ", " + rows.size() + " rows)";
    }

    /** Builds the table from what the reader read. */
    static SnmpTable of(TableReader.Result<SnmpVariable> r, MibTree tree) {
        List<String> columns = new ArrayList<>(r.columns().size());
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (TableReader.Column c : r.columns()) {
            positions.put(c.name(), columns.size());
            columns.add(c.name());
        }
        Shape shape = new Shape(tree, r.entry(), Collections.unmodifiableMap(positions));
        List<Row> rows = new ArrayList<>(r.rows().size());
        for (Map.Entry<Oid, SnmpVariable[]> e : r.rows().entrySet()) {
            rows.add(new Row(shape, e.getKey(), e.getValue()));
        }
        String name = r.entry() != null && r.entry().parent() != null ? r.entry().parent().name()
                : Oid.of(r.tableOid()).toString();
        return new SnmpTable(name, Oid.of(r.tableOid()).toString(), List.copyOf(columns),
                Collections.unmodifiableList(rows));
    }

    private static List<Object> decode(Shape shape, int[] index) {
        List<IndexCodec.IndexValue> decoded = shape.entry == null ? null
                : IndexCodec.decode(shape.tree, shape.entry, index, 0, index.length);
        if (decoded == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(decoded.size());
        for (IndexCodec.IndexValue v : decoded) {
            Object x = v.value();
            switch (v.kind()) {
                case IP_ADDRESS -> {
                    byte[] b = (byte[]) x;
                    out.add((b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff));
                }
                case FIXED_STRING, STRING, IMPLIED_STRING -> out.add(new String((byte[]) x, StandardCharsets.ISO_8859_1));
                case OID, IMPLIED_OID -> out.add(Oid.of((int[]) x).toString());
                default -> out.add(x);
            }
        }
        return List.copyOf(out);
    }
}
