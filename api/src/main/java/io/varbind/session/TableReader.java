package io.varbind.session;

import io.varbind.SnmpException;
import io.varbind.SnmpNoSuchNameException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.engine.OidNotIncreasingException;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads a conceptual table column by column (RFC 3416 section 4.2.3's GETBULK over every column at
 * once, or GETNEXT): one cursor per column, each advanced only by answers under its own column and
 * strictly increasing, so a row whose cells arrive in different answers, a table that changes while
 * read, and an agent that answers outside the table all end in the right rows or a typed error.
 * Without a MIB node for the table, the entry ({@code table.1}) is walked and the columns found.
 */
public final class TableReader<C> {

    /**
     * What each cell becomes, made as its varbind is read: from the answer's octets through a
     * cursor when the engine left them there (v1/v2c), else from the decoded varbind (v3). Called on
     * the thread that completes the answer; a cell must not keep the cursor or {@code arcs}.
     */
    public interface Cells<C> {
        /** The cell of the varbind the cursor is on, named {@code arcs[0..len)}. */
        C cell(VarBindCursor c, int[] arcs, int len);

        /** The cell of a decoded varbind. */
        C cell(VarBind vb);

        /** A new row of {@code columns} empty cells. */
        C[] row(int columns);
    }

    /** Cells as varbind objects (what {@link #of} reads). */
    public static final Cells<VarBind> VARBINDS = new Cells<>() {
        @Override
        public VarBind cell(VarBindCursor c, int[] arcs, int len) {
            return new VarBind(Oid.of(arcs, len), c.value());
        }

        @Override
        public VarBind cell(VarBind vb) {
            return vb;
        }

        @Override
        public VarBind[] row(int columns) {
            return new VarBind[columns];
        }
    };

    /** At most this many cells (rows x columns) unless {@code varbind.table.maxCells} says otherwise. */
    public static final int DEFAULT_MAX_CELLS = Integer.getInteger("varbind.table.maxCells", 4_000_000);

    /** One column: its sub-identifier under the entry and its descriptor (the number when not in the MIB). */
    public record Column(int subid, String name) { }

    /**
     * What was read: the table and entry OIDs, the entry's MIB node (null without a MIB), the
     * columns in sub-identifier order, and the rows by index, each cell at its column's position.
     */
    public record Result<C>(int[] tableOid, int[] entryOid, MibNode entry, List<Column> columns,
            TreeMap<Oid, C[]> rows) { }

    private final int[] tableOid;
    private final int[] entryOid;
    private final MibNode entry;
    private final MibTree tree;
    private final boolean bulk;
    private final Function<Pdu, CompletableFuture<Pdu>> requester;
    private final int maxCells;
    /** Fixed columns from the MIB, or null when discovering them from the walk. */
    private final List<Column> fixedColumns;
    private final TreeMap<Integer, Column> seenColumns = new TreeMap<>();
    /** Cells by row index: at their column's position with the MIB's columns, by sub-identifier without. */
    private final TreeMap<Oid, C[]> fixedRows = new TreeMap<>();
    private final TreeMap<Oid, Map<Integer, C>> foundRows = new TreeMap<>();
    private final Cells<C> cells;
    /** The answer's cursor and a name buffer, made once per read: answers come one at a time. */
    private final VarBindCursor cursor = new VarBindCursor();
    private final int[] arcs = new int[Oid.MAX_ARCS];
    private final List<Cursor> cursors = new ArrayList<>();
    private int repetitions;
    private int columnsPerRequest;
    private int cellCount;

    /** One column's walk: the prefix its answers must stay under and the last OID taken. */
    private static final class Cursor {
        final int[] prefix;
        /** The column's position in the result, or -1 while discovering the columns. */
        final int position;
        /** The last OID taken, {@code last[0..lastLen)}: a buffer of its own, overwritten cell by cell. */
        final int[] last = new int[Oid.MAX_ARCS];
        int lastLen;
        boolean done;

        Cursor(int[] prefix, int position) {
            this.prefix = prefix;
            this.position = position;
            System.arraycopy(prefix, 0, last, 0, prefix.length);
            this.lastLen = prefix.length;
        }
    }

    /**
     * @param tableOid       the table, its entry, or (without a MIB) any OID whose {@code .1} is the entry
     * @param bulk           GETBULK (v2c, v3) or GETNEXT
     * @param maxRepetitions rows asked per column in one GETBULK (halved on tooBig)
     * @param requester      sends a request PDU and completes with the response PDU
     * @throws SnmpException when the MIB says the OID is no table
     */
    public TableReader(MibTree tree, int[] tableOid, boolean bulk, int maxRepetitions,
            Function<Pdu, CompletableFuture<Pdu>> requester, int maxCells, Cells<C> cells) {
        this.cells = cells;
        if (maxRepetitions < 1) {
            throw new IllegalArgumentException("max-repetitions must be at least 1");
        }
        this.tree = tree;
        this.bulk = bulk;
        this.requester = requester;
        this.maxCells = maxCells;
        this.repetitions = maxRepetitions;
        MibNode row = entry(tree, tableOid);
        if (row == null) {
            this.tableOid = tableOid.clone();
            this.entryOid = append(tableOid, 1);
            this.entry = null;
            this.fixedColumns = null;
            cursors.add(new Cursor(entryOid, -1));
        } else {
            this.tableOid = row.parent().oid();
            this.entryOid = row.oid();
            this.entry = row;
            this.fixedColumns = columns(row);
            for (int i = 0; i < fixedColumns.size(); i++) {
                cursors.add(new Cursor(append(entryOid, fixedColumns.get(i).subid()), i));
            }
        }
        this.columnsPerRequest = cursors.size();
    }

    /** A reader whose cells are varbind objects; arguments as the constructor's. */
    public static TableReader<VarBind> of(MibTree tree, int[] tableOid, boolean bulk, int maxRepetitions,
            Function<Pdu, CompletableFuture<Pdu>> requester, int maxCells) {
        return new TableReader<>(tree, tableOid, bulk, maxRepetitions, requester, maxCells, VARBINDS);
    }

    /**
     * The conceptual row (entry) of the table or entry at {@code oid}; null when the MIB has no
     * node there.
     *
     * @throws SnmpException when the MIB's node there is no table
     */
    public static MibNode entry(MibTree tree, int[] oid) {
        MibNode node = tree.node(oid);
        if (node == null) {
            return null;
        }
        if ("row".equals(node.nodeType()) && node.parent() != null) {
            return node;
        }
        MibNode row = "table".equals(node.nodeType()) ? node.children().stream()
                .filter(c -> "row".equals(c.nodeType())).findFirst().orElse(null) : null;
        if (row == null) {
            throw new SnmpException("not a table: " + node.qualifiedName());
        }
        return row;
    }

    /**
     * The columns of {@code entry} that can be read, in sub-identifier order: every child but the
     * not-accessible ones (the INDEX objects of most tables), as snmptable lists them.
     *
     * @throws SnmpException when there is none
     */
    public static List<Column> columns(MibNode entry) {
        List<Column> cols = new ArrayList<>();
        int depth = entry.oidLength();
        for (MibNode c : entry.children()) {
            if (!"not-accessible".equals(c.access()) && c.oidLength() == depth + 1) {
                cols.add(new Column(c.oid()[depth], c.name()));
            }
        }
        if (cols.isEmpty()) {
            throw new SnmpException("no readable columns in " + entry.parent().qualifiedName());
        }
        return List.copyOf(cols);
    }

    private static int[] append(int[] oid, int arc) {
        int[] out = Arrays.copyOf(oid, oid.length + 1);
        out[oid.length] = arc;
        return out;
    }

    /** Reads the whole table; the future fails with the typed error that ended the read. */
    public CompletableFuture<Result<C>> read() {
        return step();
    }

    private CompletableFuture<Result<C>> step() {
        List<Cursor> batch = new ArrayList<>();
        for (Cursor c : cursors) {
            if (!c.done && batch.size() < columnsPerRequest) {
                batch.add(c);
            }
        }
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(result());
        }
        List<Oid> oids = new ArrayList<>(batch.size());
        for (Cursor c : batch) {
            oids.add(Oid.of(c.last, c.lastLen));
        }
        Pdu request = bulk ? Pdu.getBulk(0, repetitions, oids) : Pdu.request(BerTags.GETNEXT, oids);
        return requester.apply(request).thenCompose(response -> {
            take(batch, response);
            return step();
        });
    }

    /** Applies one response to the cursors it answers; throws what ends the read. */
    private void take(List<Cursor> batch, Pdu response) {
        int status = response.errorStatus();
        if (status == 1 && (bulk && repetitions > 1 || columnsPerRequest > 1)) {
            // tooBig: ask for fewer rows, then fewer columns, per request
            if (bulk && repetitions > 1) {
                repetitions = Math.max(1, repetitions / 2);
            } else {
                columnsPerRequest = Math.max(1, columnsPerRequest / 2);
            }
            return;
        }
        if (status == ErrorStatus.NO_SUCH_NAME && !bulk && response.errorIndex() >= 1
                && response.errorIndex() <= batch.size()) {
            batch.get(response.errorIndex() - 1).done = true; // SNMPv1: that column ran off the end of the MIB
            return;
        }
        if (status != 0) {
            throw status == ErrorStatus.NO_SUCH_NAME ? new SnmpNoSuchNameException("no such name error encountered")
                    : new SnmpException(ErrorStatus.text(status));
        }
        int n = batch.size();
        int limit;
        boolean progress = false;
        if (response.isDeferred()) {
            // each cell read from the answer's octets: no varbind objects between
            VarBindCursor c;
            if (!bulk) {
                int count = 0;
                for (c = cursor.reset(response); c.next();) {
                    count++;
                }
                checkCount(count, n);
            }
            limit = bulk ? n * repetitions : n;
            c = cursor.reset(response);
            for (int i = 0; i < limit && c.next(); i++) {
                Cursor col = batch.get(i % n);
                if (!col.done) {
                    int len = c.oid(arcs);
                    if (advance(col, arcs, len, c.valueTag())) {
                        put(col, arcs, len, cells.cell(c, arcs, len));
                    }
                    progress = true;
                }
            }
        } else {
            List<VarBind> vbs = response.varBinds();
            checkCount(vbs.size(), n);
            limit = Math.min(vbs.size(), bulk ? n * repetitions : n);
            for (int i = 0; i < limit; i++) {
                Cursor col = batch.get(i % n);
                if (!col.done) {
                    VarBind vb = vbs.get(i);
                    int[] a = vb.oid().toArray();
                    if (advance(col, a, a.length, vb.value().tag())) {
                        put(col, a, a.length, cells.cell(vb));
                    }
                    progress = true;
                }
            }
        }
        if (!progress) {
            throw new SnmpException("agent answered no variables for the table's columns");
        }
    }

    private void checkCount(int count, int n) {
        if (!bulk && count != n) {
            throw new SnmpException("agent answered " + count + " variables to a GETNEXT of " + n);
        }
    }

    /**
     * Moves a column's cursor to the varbind named {@code arcs[0..len)} with value tag {@code tag}:
     * false when it left the column (its part of the table is read); throws when it did not increase.
     */
    private boolean advance(Cursor c, int[] arcs, int len, int tag) {
        int cut = entryOid.length;
        if (tag == BerTags.END_OF_MIB_VIEW || tag == BerTags.NO_SUCH_OBJECT || tag == BerTags.NO_SUCH_INSTANCE
                || !under(arcs, len, c.prefix) || len < cut + 2) {
            c.done = true;
            return false;
        }
        if (Oid.compare(arcs, len, c.last, c.lastLen) <= 0) {
            throw new OidNotIncreasingException(Oid.of(c.last, c.lastLen), Oid.of(arcs, len));
        }
        System.arraycopy(arcs, 0, c.last, 0, len);
        c.lastLen = len;
        return true;
    }

    /** Files a cell under its row (and column) once its cursor took it. */
    private void put(Cursor c, int[] arcs, int len, C cell) {
        int cut = entryOid.length;
        int subid = arcs[cut];
        if (fixedColumns == null) {
            seenColumns.computeIfAbsent(subid, s -> new Column(s, columnName(s)));
        }
        if (++cellCount > maxCells) {
            throw new SnmpException("table " + Oid.of(tableOid) + " has more than " + maxCells
                    + " cells (varbind.table.maxCells)");
        }
        Oid index = Oid.of(Arrays.copyOfRange(arcs, cut + 1, len));
        if (c.position >= 0) {
            fixedRows.computeIfAbsent(index, k -> cells.row(fixedColumns.size()))[c.position] = cell;
        } else {
            foundRows.computeIfAbsent(index, k -> new TreeMap<>()).put(subid, cell);
        }
    }

    private String columnName(int subid) {
        MibNode n = tree.node(append(entryOid, subid));
        return n != null ? n.name() : Integer.toString(subid);
    }

    private static boolean under(int[] arcs, int len, int[] prefix) {
        if (len <= prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (arcs[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private Result<C> result() {
        if (fixedColumns != null) {
            return new Result<>(tableOid, entryOid, entry, fixedColumns, fixedRows);
        }
        List<Column> cols = List.copyOf(seenColumns.values());
        Map<Integer, Integer> position = new TreeMap<>();
        for (int i = 0; i < cols.size(); i++) {
            position.put(cols.get(i).subid(), i);
        }
        TreeMap<Oid, C[]> rows = new TreeMap<>();
        for (Map.Entry<Oid, Map<Integer, C>> e : foundRows.entrySet()) {
            C[] row = cells.row(cols.size());
            for (Map.Entry<Integer, C> cell : e.getValue().entrySet()) {
                row[position.get(cell.getKey())] = cell.getValue();
            }
            rows.put(e.getKey(), row);
        }
        return new Result<>(tableOid, entryOid, entry, cols, rows);
    }
}
