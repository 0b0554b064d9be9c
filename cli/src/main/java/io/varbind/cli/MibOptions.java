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

    /** The tree: the default one (cached, $MIBDIRS) unless -M names other folders. */
    public MibTree tree() {
        if (dirs == null) {
            return MibTree.defaultTree();
        }
        String spec = dirs;
        if (spec.startsWith("+")) {
            String env = System.getenv("MIBDIRS");
            spec = (env == null || env.isEmpty() ? "" : env + ":") + spec.substring(1);
            if (env == null || env.isEmpty()) {
                spec = "+" + spec;
            }
        }
        return MibTree.of(MibTree.searchPath(spec), true);
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
