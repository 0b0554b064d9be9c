package io.varbind.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.engine.OidNotIncreasingException;
import io.varbind.mib.MibTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link TableReader} against a scripted agent: dense and sparse tables read in many answers, a
 * table changing under the reader, answers outside the table, and agents that loop, go backwards,
 * answer nothing, never end or refuse with tooBig.
 */
class TableReaderTest {
    private static final MibTree TREE = MibTree.defaultTree();
    private static final String IF_ENTRY = "1.3.6.1.2.1.2.2.1";
    private static final int[] IF_TABLE = Oid.parse("1.3.6.1.2.1.2.2").toArray();
    /** ifTable's 22 columns, all readable. */
    private static final int IF_COLUMNS = 22;

    /** A cell whose value names its own OID, so a cell put in the wrong row or column shows. */
    private static Variable self(Oid oid) {
        return Variable.octetString(oid.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void cell(ScriptedTableAgent a, int column, String index) {
        Oid oid = Oid.parse(IF_ENTRY + "." + column + "." + index);
        a.data.put(oid, self(oid));
    }

    /** Something before and after the table, so that leaving it is seen. */
    private static ScriptedTableAgent agentWithNeighbours() {
        ScriptedTableAgent a = new ScriptedTableAgent();
        a.put("1.3.6.1.2.1.2.1.0", Variable.integer(3));
        a.put("1.3.6.1.2.1.4.1.0", Variable.integer(2));
        return a;
    }

    private static TableReader.Result<VarBind> read(ScriptedTableAgent a, int[] table, boolean bulk, int reps, int maxCells)
            throws Exception {
        return TableReader.of(TREE, table, bulk, reps, a::send, maxCells).read().get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(ScriptedTableAgent a, boolean bulk, int reps, int maxCells) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> read(a, IF_TABLE, bulk, reps, maxCells));
        return e.getCause();
    }

    /** Every cell is under its column and row, with the value its OID was given; returns the cell count. */
    private static int assertCellsInPlace(TableReader.Result<VarBind> r) {
        int count = 0;
        for (Map.Entry<Oid, VarBind[]> row : r.rows().entrySet()) {
            VarBind[] cells = row.getValue();
            assertEquals(r.columns().size(), cells.length);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] == null) {
                    continue;
                }
                count++;
                Oid expected = Oid.parse(IF_ENTRY + "." + r.columns().get(c).subid() + "." + row.getKey());
                assertEquals(expected, cells[c].oid());
                assertEquals(self(expected), cells[c].value());
            }
        }
        return count;
    }

    /** The table's cells in the agent's data, by row then column sub-identifier. */
    private static TreeMap<Oid, TreeMap<Integer, Oid>> expected(ScriptedTableAgent a) {
        TreeMap<Oid, TreeMap<Integer, Oid>> rows = new TreeMap<>();
        Oid entry = Oid.parse(IF_ENTRY);
        for (Oid o : a.data.keySet()) {
            if (o.startsWith(entry) && o.size() > entry.size() + 1) {
                rows.computeIfAbsent(o.suffixAfter(entry.append((int) o.arc(entry.size()))), k -> new TreeMap<>())
                        .put((int) o.arc(entry.size()), o);
            }
        }
        return rows;
    }

    private static void assertSameTable(ScriptedTableAgent a, TableReader.Result<VarBind> r) {
        TreeMap<Oid, TreeMap<Integer, Oid>> want = expected(a);
        assertEquals(want.keySet(), r.rows().keySet());
        int cells = 0;
        for (TreeMap<Integer, Oid> row : want.values()) {
            cells += row.size();
        }
        assertEquals(cells, assertCellsInPlace(r));
    }

    @Test
    void columnsComeFromTheMibInOrder() throws Exception {
        ScriptedTableAgent a = agentWithNeighbours();
        cell(a, 1, "1");
        TableReader.Result<VarBind> r = read(a, IF_TABLE, true, 10, 1000);
        assertEquals(IF_COLUMNS, r.columns().size());
        assertEquals("ifIndex", r.columns().get(0).name());
        assertEquals("ifSpecific", r.columns().get(IF_COLUMNS - 1).name());
        assertEquals(List.of(Oid.parse("1")), new ArrayList<>(r.rows().keySet()));
        // the entry names the same table
        TableReader.Result<VarBind> viaEntry = read(a, Oid.parse(IF_ENTRY).toArray(), true, 10, 1000);
        assertEquals(r.columns(), viaEntry.columns());
        assertEquals(r.rows().keySet(), viaEntry.rows().keySet());
    }

    @Test
    void sparseTablesReadInManySmallAnswersComeOutWhole() throws Exception {
        Random rnd = new Random(15);
        for (int round = 0; round < 300; round++) {
            ScriptedTableAgent a = agentWithNeighbours();
            int rows = rnd.nextInt(12);
            for (int r = 0; r < rows; r++) {
                String index = Integer.toString(1 + rnd.nextInt(1000));
                for (int c = 1; c <= IF_COLUMNS; c++) {
                    if (rnd.nextInt(4) != 0) {
                        cell(a, c, index);
                    }
                }
            }
            a.maxVarBinds = 1 + rnd.nextInt(40);
            boolean bulk = rnd.nextInt(4) != 0;
            int reps = 1 + rnd.nextInt(12);
            TableReader.Result<VarBind> r = read(a, IF_TABLE, bulk, reps, 100_000);
            assertSameTable(a, r);
            if (!bulk) {
                for (Pdu p : a.seen) {
                    assertEquals(BerTags.GETNEXT, p.type());
                }
            }
        }
    }

    @Test
    void aTableChangingWhileReadGivesOnlyRightCellsAndEnds() throws Exception {
        Random rnd = new Random(3);
        for (int round = 0; round < 60; round++) {
            ScriptedTableAgent a = agentWithNeighbours();
            for (int r = 1; r <= 8; r++) {
                for (int c = 1; c <= IF_COLUMNS; c++) {
                    cell(a, c, Integer.toString(r * 10));
                }
            }
            TreeMap<Oid, Variable> before = new TreeMap<>(a.data);
            a.maxVarBinds = 1 + rnd.nextInt(30);
            a.beforeAnswer = n -> {
                // rows come and go between answers
                String index = Integer.toString(1 + rnd.nextInt(90));
                boolean add = rnd.nextBoolean();
                for (int c = 1; c <= IF_COLUMNS; c++) {
                    Oid o = Oid.parse(IF_ENTRY + "." + c + "." + index);
                    if (add) {
                        a.data.put(o, self(o));
                    } else {
                        a.data.remove(o);
                    }
                }
            };
            TableReader.Result<VarBind> r = read(a, IF_TABLE, rnd.nextBoolean(), 1 + rnd.nextInt(10), 100_000);
            assertCellsInPlace(r);
            assertTrue(a.requests < 2000, "read ended in " + a.requests + " requests");
            // rows present from start to end are whole
            for (Oid row : expected(a).keySet()) {
                boolean always = before.containsKey(Oid.parse(IF_ENTRY + ".1." + row));
                if (always && a.data.containsKey(Oid.parse(IF_ENTRY + ".1." + row))) {
                    assertTrue(r.rows().containsKey(row), "row " + row + " present throughout");
                }
            }
        }
    }

    @Test
    void answersOutsideTheTableEndTheColumnWithoutAWrongCell() throws Exception {
        String[] outside = {"1.3.6.1.2.1.4.1.0", "1.3.6.1.2.1.2.2.1.7.99", "1.3.6.1.2.1.2.3", "1.3.6.1.2.1.2.2.2.1.1",
            "1.3.6.1.2.1.2.2.1.3"};
        for (String o : outside) {
            ScriptedTableAgent a = agentWithNeighbours();
            for (int r = 1; r <= 5; r++) {
                for (int c = 1; c <= IF_COLUMNS; c++) {
                    cell(a, c, Integer.toString(r));
                }
            }
            Oid stray = Oid.parse(o);
            // the third varbind of the first answer is replaced by the stray OID
            a.rewrite = (req, resp) -> {
                List<VarBind> vbs = new ArrayList<>(resp.varBinds());
                if (a.requests == 1) {
                    vbs.set(2, new VarBind(stray, self(stray)));
                }
                return new Pdu(BerTags.RESPONSE, resp.requestId(), 0, 0, vbs);
            };
            TableReader.Result<VarBind> r = read(a, IF_TABLE, true, 3, 100_000);
            assertCellsInPlace(r);
            assertTrue(r.rows().size() <= 5);
            // the column the stray answered for (the third) was ended, the others read whole
            for (VarBind[] row : r.rows().values()) {
                assertNull(row[2], o);
                assertTrue(row[0] != null && row[3] != null, o);
            }
        }
    }

    @Test
    void loopsAndBackwardsAnswersAreTypedErrors() {
        for (int shift : new int[] {0, -1}) {
            ScriptedTableAgent a = agentWithNeighbours();
            for (int r = 1; r <= 30; r++) {
                cell(a, 2, Integer.toString(r));
            }
            a.rewrite = (req, resp) -> {
                if (a.requests < 2) {
                    return resp;
                }
                // answer each asked OID with itself (a loop) or the one before it
                List<VarBind> vbs = new ArrayList<>();
                for (VarBind vb : req.varBinds()) {
                    int[] arcs = vb.oid().toArray();
                    arcs[arcs.length - 1] += shift;
                    Oid back = Oid.of(arcs);
                    vbs.add(new VarBind(back, self(back)));
                }
                return new Pdu(BerTags.RESPONSE, resp.requestId(), 0, 0, vbs);
            };
            Throwable t = failure(a, false, 1, 100_000);
            assertInstanceOf(OidNotIncreasingException.class, t);
            assertTrue(a.requests < 10);
        }
    }

    @Test
    void anEmptyAnswerIsAnErrorNotAHang() {
        ScriptedTableAgent a = agentWithNeighbours();
        cell(a, 1, "1");
        a.rewrite = (req, resp) -> new Pdu(BerTags.RESPONSE, resp.requestId(), 0, 0, List.of());
        assertInstanceOf(SnmpException.class, failure(a, true, 10, 100_000));
        assertEquals(1, a.requests);
        ScriptedTableAgent b = agentWithNeighbours();
        cell(b, 1, "1");
        b.rewrite = (req, resp) -> new Pdu(BerTags.RESPONSE, resp.requestId(), 0, 0, List.of(resp.varBinds().get(0)));
        assertTrue(failure(b, false, 1, 100_000).getMessage().contains("GETNEXT"));
    }

    @Test
    void aTableThatNeverEndsStopsAtTheCellLimit() {
        ScriptedTableAgent a = new ScriptedTableAgent();
        cell(a, 1, "1");
        a.beforeAnswer = n -> {
            for (int i = 0; i < 50; i++) {
                cell(a, 1, Integer.toString(n * 50 + i)); // grows faster than it is read
            }
        };
        Throwable t = failure(a, true, 10, 5000);
        assertTrue(t.getMessage().contains("more than 5000 cells"), t.getMessage());
        assertTrue(a.requests < 5000 / 10 + 5);
    }

    @Test
    void tooBigShrinksTheRequestAndAnAgentThatAlwaysRefusesIsAnError() throws Exception {
        ScriptedTableAgent a = agentWithNeighbours();
        for (int r = 1; r <= 7; r++) {
            for (int c = 1; c <= IF_COLUMNS; c++) {
                cell(a, c, Integer.toString(r));
            }
        }
        a.rewrite = (req, resp) -> req.varBinds().size() * Math.max(1, req.maxRepetitions()) > 10
                ? new Pdu(BerTags.RESPONSE, resp.requestId(), 1, 0, req.varBinds()) : resp;
        assertSameTable(a, read(a, IF_TABLE, true, 10, 100_000));
        ScriptedTableAgent b = agentWithNeighbours();
        cell(b, 1, "1");
        b.rewrite = (req, resp) -> new Pdu(BerTags.RESPONSE, resp.requestId(), 1, 0, req.varBinds());
        assertEquals("(tooBig) Response message would have been too large.", failure(b, true, 10, 100_000).getMessage());
        assertTrue(b.requests < 20);
    }

    @Test
    void snmpV1NoSuchNameAtTheEndOfTheMibEndsThatColumn() throws Exception {
        ScriptedTableAgent a = new ScriptedTableAgent();
        a.v1 = true;
        for (int r = 1; r <= 4; r++) {
            for (int c = 1; c <= IF_COLUMNS; c++) {
                cell(a, c, Integer.toString(r));
            }
        }
        assertSameTable(a, read(a, IF_TABLE, false, 1, 100_000));
    }

    @Test
    void withoutAMibTheEntryIsWalkedAndItsColumnsFound() throws Exception {
        ScriptedTableAgent a = new ScriptedTableAgent();
        for (String o : new String[] {"1.3.6.1.4.1.99999.5.1.2.7", "1.3.6.1.4.1.99999.5.1.2.9",
            "1.3.6.1.4.1.99999.5.1.4.9", "1.3.6.1.4.1.99999.6.0"}) {
            a.put(o, Variable.integer(1));
        }
        a.maxVarBinds = 2;
        TableReader.Result<VarBind> r = read(a, Oid.parse("1.3.6.1.4.1.99999.5").toArray(), true, 10, 1000);
        assertEquals(List.of(new TableReader.Column(2, "2"), new TableReader.Column(4, "4")), r.columns());
        assertEquals(List.of(Oid.parse("7"), Oid.parse("9")), new ArrayList<>(r.rows().keySet()));
        assertNull(r.rows().get(Oid.parse("7"))[1]);
    }

    @Test
    void anObjectThatIsNoTableIsRefused() {
        SnmpException e = assertThrows(SnmpException.class, () -> TableReader.of(TREE,
                Oid.parse("1.3.6.1.2.1.1.1").toArray(), true, 10, p -> null, 10));
        assertTrue(e.getMessage().contains("sysDescr"), e.getMessage());
    }
}
