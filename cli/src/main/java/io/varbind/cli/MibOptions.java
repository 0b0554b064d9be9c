package io.varbind.cli;

import io.varbind.mib.MibTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -M DIRS} and {@code -m MODULES}: which compiled MIBs a command uses. */
public final class MibOptions {

    @Option(names = "-M", paramLabel = "DIRS",
            description = "MIB folders, colon-separated; replaces $MIBDIRS and the defaults ('+DIRS' appends)")
    String dirs;

    @Option(names = "-m", paramLabel = "MODULES", description = "modules, colon-separated, or ALL (default: all found)")
    String modules;

    /**
     * The tree: the default one (cached, $MIBDIRS) unless -M names other folders, with its modules
     * loaded in the order -m (else $MIBS) gives, as Net-SNMP: {@code -m ALL} names a node several
     * modules define after the first in index order ({@code RFC1213-MIB::ipForwarding}); a plain
     * list ({@code -m IF-MIB:TEL2N-MIB}) loads those modules and their imports alone, {@code +LIST}
     * adds them to Net-SNMP's default modules and everything else found.
     */
    public MibTree tree() {
        if (modules != null && modules.isEmpty()) {
            // -m '': Net-SNMP loads no module at all; names are numbers under its built-in roots (iso.3.6.1...)
            return MibTree.of(List.of(), false, List.of(), true);
        }
        if (dirs == null) {
            return modules == null ? MibTree.defaultTree() : MibTree.defaultTree(modules);
        }
        String spec = dirs;
        if (spec.startsWith("+")) {
            String env = System.getenv("MIBDIRS");
            spec = (env == null || env.isEmpty() ? "" : env + ":") + spec.substring(1);
            if (env == null || env.isEmpty()) {
                spec = "+" + spec;
            }
        }
        String order = modules != null ? modules : System.getenv("MIBS");
        order = order == null || order.isBlank() ? null : order;
        return MibTree.of(MibTree.searchPath(spec), true, MibTree.loadOrder(order), MibTree.namesOnly(order));
    }

    /** The -m modules, or null for all ({@code ALL} or none given). */
    public List<String> moduleNames() {
        if (modules == null || modules.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>(Arrays.asList(modules.replace(',', ':').split(":")));
        names.removeIf(String::isBlank);
        names.replaceAll(String::trim);
        return names.contains("ALL") || names.isEmpty() ? null : names;
    }
}
