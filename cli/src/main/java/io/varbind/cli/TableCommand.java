package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpException;
import io.varbind.SnmpTable;
import io.varbind.SnmpVariable;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.format.OutputOptions;
import io.varbind.mib.MibNode;
import io.varbind.session.TableReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code table}: a conceptual table through {@link Session#table}, printed as Net-SNMP's
 * {@code snmptable} prints it for the same {@code -C} and {@code -O} flags, or one JSON object per
 * row with {@code --json}.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "A whole table, column-wise with GETBULK (GETNEXT with -CB or -v 1), printed as snmptable.")
final class TableCommand extends SnmpCommand {
    @Parameters(index = "0", paramLabel = "AGENT")
    String agent;

    @Parameters(index = "1", paramLabel = "TABLE")
    String table;

    @Option(names = "-Cf", paramLabel = "SEP", description = "fields delimited by SEP instead of padded")
    String separator;

    @Option(names = "-Ch", description = "print only the column headers")
    boolean headersOnly;

    @Option(names = "-CH", description = "print no column headers")
    boolean noHeaders;

    @Option(names = "-Ci", description = "print the index of each row")
    boolean showIndex;

    @Option(names = "-Cb", description = "brief column headers (their common prefix cut)")
    boolean brief;

    @Option(names = "-CB", description = "GETNEXT instead of GETBULK")
    boolean getNext;

    @Option(names = "-Cr", paramLabel = "N", description = "GETBULK: max-repetitions; GETNEXT: rows per batch (default 10)")
    int maxRepetitions = 10;

    @Option(names = "-Cw", paramLabel = "WIDTH", description = "print the table in parts no wider than WIDTH")
    int maxWidth;

    @Option(names = "-Cl", description = "left-justify the columns")
    boolean leftJustify;

    @Option(names = "-Cc", paramLabel = "WIDTH", description = "print every column WIDTH characters wide (cut to fit)")
    int columnWidth;

    @Override
    public Integer execute() {
        if (maxRepetitions < 1) {
            throw new UsageException("-Cr " + maxRepetitions + ": must be at least 1");
        }
        if (maxWidth < 0) {
            throw new UsageException("-Cw " + maxWidth + ": must be positive");
        }
        if (columnWidth < 0 || columnWidth == 1) {
            throw new UsageException("-Cc " + columnWidth + ": at least 2");
        }
        if (snmp.json) {
            return json(); // any table Session.table reads, named in any -O style
        }
        OutputOptions options = output().options();
        int[] tableOid;
        try {
            tableOid = tree().resolve(table, 0).oid();
        } catch (RuntimeException e) {
            throw new CliException(table + ": Unknown Object Identifier", e);
        }
        String tableName = output().name(tableOid);
        MibNode entry;
        try {
            entry = TableReader.entry(tree(), tableOid);
        } catch (SnmpException e) {
            entry = null;
        }
        if (entry == null || options.oidStyle() == OutputOptions.OidStyle.NUMERIC) {
            // snmptable takes the labels from the names it prints: none without a table node, or under -On
            throw new CliException("Was that a table? " + tableName);
        }
        List<String> labels = new ArrayList<>();
        for (TableReader.Column c : TableReader.columns(entry)) {
            labels.add(c.name());
        }
        NetSnmpTable out = new NetSnmpTable(tableName, labels, new NetSnmpTable.Layout(separator, headersOnly,
                noHeaders, showIndex, brief, leftJustify, maxWidth, columnWidth));
        if (headersOnly) {
            out.print(parent.out, List.of());
        } else {
            try (Session s = session(agent)) {
                boolean bulk = !getNext && snmp.versionNumber() != 1;
                // each cell printed from the answer's octets as it arrives: no SnmpVariable between
                NetSnmpOutput quick = output().quickFirst(String.join("", snmp.outputFlags));
                TableReader.Result<Cell> t = join(s.tableCells(table, bulk, maxRepetitions, new Cells(quick)));
                List<NetSnmpTable.Row> rows = rows(t, bulk, tableName);
                // snmptable's GETNEXT mode reads and prints -Cr rows at a time unless -Cw is given
                int batch = bulk || maxWidth != 0 ? Math.max(1, rows.size()) : maxRepetitions;
                for (int i = 0; i < rows.size(); i += batch) {
                    out.print(parent.out, rows.subList(i, Math.min(rows.size(), i + batch)));
                }
            }
        }
        out.finish(parent.out);
        parent.out.flush();
        return Main.EXIT_OK;
    }

    /** One cell as snmptable prints it (quick print, new lines as spaces) and its varbind's name. */
    record Cell(int[] name, String text) {
    }

    /** Table cells formatted as each varbind is read from the answer. */
    private record Cells(NetSnmpOutput quick) implements TableReader.Cells<Cell> {
        @Override
        public Cell cell(VarBindCursor c, int[] arcs, int len) {
            int[] name = Arrays.copyOf(arcs, len);
            return new Cell(name, quick.value(name, c.value()).replace('\n', ' '));
        }

        @Override
        public Cell cell(VarBind vb) {
            int[] name = vb.oid().toArray();
            return new Cell(name, quick.value(name, vb.value()).replace('\n', ' '));
        }

        @Override
        public Cell[] row(int columns) {
            return new Cell[columns];
        }
    }

    /**
     * The rows as snmptable lists them: GETBULK walks the entry, so a row comes where its first cell
     * comes in column order; GETNEXT reads rows in index order.
     */
    /**
     * The index of a cell named {@code arcs}, cut from its printed name: under -OX from the first
     * {@code [} of the name as snmptable prints it (quick print on), else as {@link #index(String,
     * String, OutputOptions.OidStyle)}.
     */
    private String index(int[] arcs, String tableName) {
        if (output().options().extendedIndex()) {
            String name = output().quickFirst(String.join("", snmp.outputFlags)).name(arcs);
            int bracket = name.indexOf('[');
            return bracket < 0 ? "" : name.substring(bracket);
        }
        return index(output().name(arcs), tableName, output().options().oidStyle());
    }

    private List<NetSnmpTable.Row> rows(TableReader.Result<Cell> t, boolean bulk, String tableName) {
        Collection<Cell[]> order;
        if (bulk) {
            Set<Cell[]> seen = new LinkedHashSet<>();
            for (int c = 0; c < t.columns().size(); c++) {
                for (Cell[] r : t.rows().values()) {
                    if (r[c] != null) {
                        seen.add(r);
                    }
                }
            }
            order = seen;
        } else {
            order = t.rows().values();
        }
        List<NetSnmpTable.Row> out = new ArrayList<>(order.size());
        for (Cell[] r : order) {
            String[] cells = new String[r.length];
            String index = null;
            for (int i = 0; i < cells.length; i++) {
                if (r[i] == null) {
                    continue;
                }
                cells[i] = r[i].text();
                if (index == null) {
                    index = index(r[i].name(), tableName);
                }
            }
            if (output().options().extendedIndex() && (index == null || index.isEmpty())) {
                return List.of(); // snmptable -OX finds no [ in a name (-Ob too): it takes no rows at all
            }
            out.add(new NetSnmpTable.Row(index, cells));
        }
        return out;
    }

    /**
     * The index as snmptable cuts it from a cell's printed name: past the module's {@code ::} (or
     * under -Of past the table's and the entry's names), then past the column's name.
     */
    private static String index(String name, String tableName, OutputOptions.OidStyle style) {
        int p = switch (style) {
            case SHORT -> 0;
            case MODULE -> name.indexOf(':') + 1;
            default -> {
                int entryEnd = name.indexOf('.', Math.min(name.length(), tableName.length() + 1));
                yield entryEnd < 0 ? name.length() : entryEnd + 1;
            }
        };
        int dot = name.indexOf('.', p);
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private int json() {
        try (Session s = session(agent)) {
            SnmpTable t = s.table(table, !getNext && snmp.versionNumber() != 1, maxRepetitions);
            for (SnmpTable.Row r : t.rows()) {
                StringBuilder sb = new StringBuilder("{\"table\":").append(NetSnmpOutput.quote(t.name()))
                        .append(",\"index\":").append(NetSnmpOutput.quote(r.index())).append(",\"index_values\":[");
                for (int i = 0; i < r.indexValues().size(); i++) {
                    Object x = r.indexValues().get(i);
                    sb.append(i == 0 ? "" : ",").append(x instanceof Long ? x.toString() : NetSnmpOutput.quote(x.toString()));
                }
                sb.append("],\"cells\":{");
                boolean first = true;
                for (String c : t.columns()) {
                    SnmpVariable v = r.get(c);
                    if (v == null) {
                        continue;
                    }
                    sb.append(first ? "" : ",").append(NetSnmpOutput.quote(c)).append(":{\"value\":")
                            .append(NetSnmpOutput.quote(v.value())).append(",\"snmp_type\":")
                            .append(NetSnmpOutput.quote(v.snmpType())).append('}');
                    first = false;
                }
                parent.out.println(sb.append("}}"));
            }
        }
        parent.out.flush();
        return Main.EXIT_OK;
    }
}
