package io.varbind;

import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.mib.IndexCodec;
import io.varbind.mib.MibTree;
import io.varbind.session.TableReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A conceptual table as {@link Session#table} read it: {@link #columns()} in MIB order and
 * {@link #rows()} in index order, each row's cells as {@link SnmpVariable}s (null where the agent
 * has no cell: sparse rows). Immutable.
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

    /** One row: its index as Net-SNMP prints it, the index decoded, and its cells by column name. */
    public static final class Row {
        private final String index;
        private final String indexOid;
        private final List<Object> indexValues;
        private final Map<String, SnmpVariable> cells;

        private Row(String index, String indexOid, List<Object> indexValues, Map<String, SnmpVariable> cells) {
            this.index = index;
            this.indexOid = indexOid;
            this.indexValues = indexValues;
            this.cells = cells;
        }

        /** The index as Net-SNMP prints it after a column name, without the dot: {@code 1}, {@code "hello"}. */
        public String index() {
            return index;
        }

        /** The index sub-identifiers, dotted: {@code 5.104.101.108.108.111}. */
        public String indexOid() {
            return indexOid;
        }

        /**
         * Each INDEX component decoded by its MIB type (AUGMENTS followed, IMPLIED honoured): a
         * {@code Long} for integers, a {@code String} for octet strings (one character per octet,
         * ISO-8859-1, as easysnmp decodes them), dotted text for an IpAddress and for an OBJECT
         * IDENTIFIER. Empty when the MIB has no INDEX for the table or the index does not fit it.
         */
        public List<Object> indexValues() {
            return indexValues;
        }

        /** The cell of {@code column} (a name of {@link SnmpTable#columns()}), or null when the row has none. */
        public SnmpVariable get(String column) {
            return cells.get(column);
        }

        @Override
        public String toString() {
            return "Row(" + index + ", " + cells.values() + ")";
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

    /** Builds the table from what the reader read, each cell converted with the session's display flags. */
    static SnmpTable of(TableReader.Result r, MibTree tree, Function<VarBind, SnmpVariable> convert) {
        List<String> columns = new ArrayList<>(r.columns().size());
        for (TableReader.Column c : r.columns()) {
            columns.add(c.name());
        }
        List<Row> rows = new ArrayList<>(r.rows().size());
        for (Map.Entry<Oid, VarBind[]> e : r.rows().entrySet()) {
            int[] index = e.getKey().toArray();
            String printed = IndexCodec.render(tree, r.entry(), index, 0, index.length);
            Map<String, SnmpVariable> cells = new HashMap<>();
            VarBind[] vbs = e.getValue();
            for (int i = 0; i < vbs.length; i++) {
                if (vbs[i] != null) {
                    cells.put(columns.get(i), convert.apply(vbs[i]));
                }
            }
            rows.add(new Row(printed.startsWith(".") ? printed.substring(1) : printed, e.getKey().toString(),
                    indexValues(tree, r, index), Collections.unmodifiableMap(cells)));
        }
        String name = r.entry() != null && r.entry().parent() != null ? r.entry().parent().name()
                : Oid.of(r.tableOid()).toString();
        return new SnmpTable(name, Oid.of(r.tableOid()).toString(), List.copyOf(columns),
                Collections.unmodifiableList(rows));
    }

    private static List<Object> indexValues(MibTree tree, TableReader.Result r, int[] index) {
        List<IndexCodec.IndexValue> decoded = r.entry() == null ? null
                : IndexCodec.decode(tree, r.entry(), index, 0, index.length);
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
        return Collections.unmodifiableList(out);
    }
}
