package io.varbind.benchmarks;

import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.SnmpTable;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.session.TableReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableUtils;

/**
 * Whole-table reads of a real snmpd, Varbind's {@code Session.table} beside SNMP4J's
 * {@code TableUtils.getTable} in the same run: both column-wise GETBULK with 10 rows per column
 * and request, v2c, over the same columns (the MIB's readable ones). Interleaved rounds, medians.
 * Two more clients compare what {@code Session.table} reads its cells with, through the same
 * reader and session: "objects" is the path it took before (varbind objects as cells,
 * {@link TableReader#of}: every answer decoded into VarBinds, each then converted to a
 * {@code SnmpVariable} with the session's flags), "octets" the path it takes now (each cell's
 * {@code SnmpVariable} made from the answer's octets, {@code Session.tableCells}).
 * Usage: {@code benchmarks/scripts/table.sh [rounds [seconds [TABLE...]]]}.
 */
public final class TableBench {
    private TableBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        List<String> tables = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("ifTable", "hrSWRunTable", "sysORTable");
        long nanos = (long) (seconds * 1e9);
        MibTree mibs = MibTree.defaultTree();
        System.out.printf(Locale.ROOT, "java %s, %d cores, %d rounds of %.1f s per client and table%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, seconds);
        try (NetworkBench.Snmpd snmpd = NetworkBench.Snmpd.start();
             SnmpEngine engine = SnmpEngine.builder().threads(1).build();
             Session session = Session.builder().hostname("127.0.0.1:" + snmpd.port).version(2).community("public")
                     .timeout(2).retries(1).engine(engine).mibs(mibs).build()) {
            Snmp snmp = new Snmp(new DefaultUdpTransportMapping());
            snmp.listen();
            CommunityTarget<UdpAddress> target = new CommunityTarget<>(
                    new UdpAddress(snmpd.address().getAddress(), snmpd.port), new OctetString("public"));
            target.setVersion(SnmpConstants.version2c);
            target.setTimeout(2000);
            target.setRetries(1);
            TableUtils utils = new TableUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
            utils.setMaxNumRowsPerPDU(10);
            for (String table : tables) {
                MibNode entry = TableReader.entry(mibs, mibs.resolve(table, 0).oid());
                List<OID> columns = new ArrayList<>();
                for (TableReader.Column c : TableReader.columns(entry)) {
                    OID o = new OID(entry.oid());
                    o.append(c.subid());
                    columns.add(o);
                }
                OID[] cols = columns.toArray(OID[]::new);
                utils.setMaxNumColumnsPerPDU(cols.length);
                Read objects = () -> {
                    TableReader.Result<io.varbind.codec.VarBind> r = session.tableCells(table, true, 10,
                            TableReader.VARBINDS).get();
                    long n = 0;
                    for (io.varbind.codec.VarBind[] row : r.rows().values()) {
                        for (io.varbind.codec.VarBind vb : row) {
                            if (vb != null && io.varbind.session.ReceivedVariables.of(vb, mibs, false, false, false,
                                    false) != null) {
                                n++;
                            }
                        }
                    }
                    return n;
                };
                Read octets = () -> {
                    io.varbind.session.ReceivedVariables.Reader reader = new io.varbind.session.ReceivedVariables
                            .Reader(mibs, false, false, false, false);
                    TableReader.Result<io.varbind.SnmpVariable> r = session.tableCells(table, true, 10,
                            new TableReader.Cells<io.varbind.SnmpVariable>() {
                                @Override
                                public io.varbind.SnmpVariable cell(io.varbind.codec.VarBindCursor c, int[] arcs,
                                        int len) {
                                    return reader.of(c, arcs, len);
                                }

                                @Override
                                public io.varbind.SnmpVariable cell(io.varbind.codec.VarBind vb) {
                                    return reader.of(vb);
                                }

                                @Override
                                public io.varbind.SnmpVariable[] row(int columns) {
                                    return new io.varbind.SnmpVariable[columns];
                                }
                            }).get();
                    long n = 0;
                    for (io.varbind.SnmpVariable[] row : r.rows().values()) {
                        for (io.varbind.SnmpVariable v : row) {
                            n += v == null ? 0 : 1;
                        }
                    }
                    return n;
                };
                long ours = cells(session.table(table));
                long theirs = cells(utils.getTable(target, cols, null, null));
                if (ours != theirs) {
                    System.out.printf(Locale.ROOT, "%s: varbind read %d cells, SNMP4J %d (the table moved?)%n",
                            table, ours, theirs);
                }
                double[] v = new double[rounds];
                double[] s = new double[rounds];
                double[] vc = new double[rounds];
                double[] sc = new double[rounds];
                double[] o = new double[rounds];
                double[] oc = new double[rounds];
                double[] x = new double[rounds];
                double[] xc = new double[rounds];
                double[] va = new double[rounds];
                double[] oa = new double[rounds];
                double[] xa = new double[rounds];
                double[] sa = new double[rounds];
                for (int warm = 0; warm < 2; warm++) {
                    run(() -> cells(session.table(table)), nanos);
                    run(objects, nanos);
                    run(octets, nanos);
                    run(() -> cells(utils.getTable(target, cols, null, null)), nanos);
                }
                for (int r = 0; r < rounds; r++) {
                    double[] a = run(() -> cells(session.table(table)), nanos);
                    double[] c = run(objects, nanos);
                    double[] d = run(octets, nanos);
                    double[] b = run(() -> cells(utils.getTable(target, cols, null, null)), nanos);
                    x[r] = d[0];
                    xc[r] = d[1];
                    va[r] = a[2];
                    oa[r] = c[2];
                    xa[r] = d[2];
                    sa[r] = b[2];
                    v[r] = a[0];
                    vc[r] = a[1];
                    o[r] = c[0];
                    oc[r] = c[1];
                    s[r] = b[0];
                    sc[r] = b[1];
                }
                double vm = median(v);
                double sm = median(s);
                System.out.printf(Locale.ROOT, "%-14s %5d cells  Session.table %8.1f tables/s %7.0f CPU us/table"
                        + " %8.0f B/table  snmp4j %8.1f tables/s %7.0f CPU us/table %8.0f B/table"
                        + "  Session.table/snmp4j %.2fx speed, %.2fx CPU, %.2fx bytes%n"
                        + "%-14s cells from octets (now) %8.1f tables/s %7.0f CPU us/table %8.0f B/table,"
                        + " from objects (before) %8.1f tables/s %7.0f CPU us/table %8.0f B/table:"
                        + " now/before %.2fx speed, %.2fx CPU, %.2fx bytes%n",
                        table, ours, vm, median(vc), median(va), sm, median(sc), median(sa), vm / sm,
                        median(vc) / median(sc), median(va) / median(sa),
                        "", median(x), median(xc), median(xa), median(o), median(oc), median(oa),
                        median(x) / median(o), median(xc) / median(oc), median(xa) / median(oa));
            }
            snmp.close();
        }
    }

    interface Read {
        long once() throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** Bytes allocated so far by every live thread of this JVM (the caller's, the event loop's, SNMP4J's). */
    private static long allocated() {
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /**
     * Tables read per second for {@code nanos}, this process's CPU microseconds per table, and the
     * bytes its threads allocated per table.
     */
    private static double[] run(Read read, long nanos) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long bytes = allocated();
        long start = System.nanoTime();
        long end = start + nanos;
        long n = 0;
        while (System.nanoTime() < end) {
            if (read.once() < 0) {
                throw new IllegalStateException();
            }
            n++;
        }
        return new double[] {n / ((System.nanoTime() - start) / 1e9), (OS.getProcessCpuTime() - cpu) / 1e3 / n,
            (double) (allocated() - bytes) / n};
    }

    private static long cells(SnmpTable t) {
        long n = 0;
        for (SnmpTable.Row r : t.rows()) {
            for (String c : t.columns()) {
                n += r.get(c) == null ? 0 : 1;
            }
        }
        return n;
    }

    private static long cells(List<TableEvent> events) {
        long n = 0;
        for (TableEvent e : events) {
            if (e.isError()) {
                throw new IllegalStateException("SNMP4J table read failed: " + e.getErrorMessage());
            }
            for (var vb : e.getColumns()) {
                n += vb == null ? 0 : 1;
            }
        }
        return n;
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        java.util.Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2;
    }
}
