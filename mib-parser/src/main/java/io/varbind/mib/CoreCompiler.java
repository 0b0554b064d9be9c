package io.varbind.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Compiles the built-in core: every module of a MIB folder (the standard set, {@code ../shared/mibs})
 * into the compact form shipped as the {@code core.vbm} resource. Usage:
 * {@code CoreCompiler [MIB_DIR [OUTPUT]]}; see mib-parser/README.md.
 */
public final class CoreCompiler {
    private CoreCompiler() { }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/mibs");
        Path outFile = Paths.get(args.length > 1 ? args[1]
                : "mib-parser/src/main/resources/io/varbind/mib/" + MibTree.CORE_RESOURCE);
        if (!Files.isDirectory(dir)) {
            System.err.println("no such MIB folder: " + dir);
            System.exit(2);
        }
        MibTree tree = MibTree.of(List.of(dir), false);
        List<MibProblem> errors = tree.errors();
        for (MibProblem p : tree.problems()) {
            System.err.println(p);
        }
        if (!errors.isEmpty() || !tree.failedModules().isEmpty()) {
            System.err.println(errors.size() + " errors, failed modules " + tree.failedModules() + ": core not written");
            System.exit(1);
        }
        byte[] b = CompiledTreeFormat.write(tree.modules().values());
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        Files.write(outFile, b);
        int nodes = 0;
        for (MibModule m : tree.modules().values()) {
            nodes += m.nodes.size();
        }
        System.out.println("wrote " + outFile + ": " + tree.modules().size() + " modules, " + nodes + " nodes, "
                + b.length + " bytes");
    }
}
