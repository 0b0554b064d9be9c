package io.varbind.mib;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default tree kept compiled on disk between processes, in the folder the system property
 * {@value #PROPERTY} names (the {@code ./varbind} launcher sets it; unset, nothing is kept). A
 * one-shot command otherwise parses every text module on the MIB path at each start, which cost
 * more CPU than its GET (cli/README.md, Start-up). A file is named by a hash of its key and holds
 * the key itself, so it is used only for the same search path with every file's name, size and
 * modification time unchanged, the same load order and the same build of this library; anything
 * else (a changed file, a damaged or foreign cache file) compiles the text as before and replaces
 * it. Written to a temporary file and moved into place, so concurrent processes never read a torn one.
 */
final class TreeCache {
    /** The system property naming the cache folder. */
    static final String PROPERTY = "varbind.mib.cache";
    private static final int MAGIC = 0x56425431; // "VBT1"
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    /** How many cached trees a folder keeps. */
    static final int KEPT = 4;

    private TreeCache() {
    }

    /** The cache folder, or null when none is set. */
    static Path folder() {
        String d = System.getProperty(PROPERTY);
        return d == null || d.isBlank() ? null : Paths.get(d);
    }

    /**
     * What a cached tree depends on: this library's build (the jar or folder holding the core),
     * each search path entry with its files' names, sizes and modification times, and the load order.
     */
    static String key(List<Path> searchPath, List<String> order) {
        StringBuilder sb = new StringBuilder(1024).append("build=");
        stamp(sb, build());
        for (Path p : searchPath) {
            sb.append("\npath=").append(p);
            if (Files.isDirectory(p)) {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                    ds.forEach(files::add);
                } catch (IOException e) {
                    sb.append(" unreadable");
                    continue;
                }
                files.sort(null);
                for (Path f : files) {
                    sb.append('\n').append(f.getFileName()).append(' ');
                    stamp(sb, f);
                }
            } else {
                sb.append(' ');
                stamp(sb, p);
            }
        }
        return sb.append("\norder=").append(order).toString();
    }

    private static void stamp(StringBuilder sb, Path f) {
        if (f == null) {
            sb.append('?');
            return;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            sb.append(a.size()).append('@').append(a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            sb.append('-');
        }
    }

    /** The jar (or class folder file) the built-in core comes from: a new build is a new key. */
    private static Path build() {
        try {
            URL u = MibTree.class.getResource(MibTree.CORE_RESOURCE);
            if (u == null) {
                return null;
            }
            if ("jar".equals(u.getProtocol())) {
                String s = u.getPath(); // file:/path/to.jar!/io/varbind/mib/core.vbm
                int bang = s.indexOf("!/");
                return Paths.get(new URI(bang < 0 ? s : s.substring(0, bang)));
            }
            return "file".equals(u.getProtocol()) ? Paths.get(u.toURI()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Path file(Path folder, String key) {
        return folder.resolve("tree-" + Integer.toHexString(key.hashCode()) + "-" + key.length() + ".vbt");
    }

    /** The tree cached under {@code key}, or null when there is none or it cannot be read as one. */
    static MibTree load(Path folder, String key) {
        Path f = file(folder, key);
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > MAX_BYTES) {
                return null;
            }
            byte[] b = Files.readAllBytes(f);
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
            if (in.readInt() != MAGIC || !utf8(in).equals(key)) {
                return null;
            }
            int np = in.readInt();
            List<MibProblem> problems = new ArrayList<>(Math.min(np, 4096));
            for (int i = 0; i < np; i++) {
                String file = nullable(in);
                int line = in.readInt();
                int column = in.readInt();
                String module = nullable(in);
                MibProblem.Severity sev = in.readBoolean() ? MibProblem.Severity.ERROR : MibProblem.Severity.WARNING;
                problems.add(new MibProblem(file, line, column, module, sev, in.readUTF()));
            }
            int nf = in.readInt();
            Set<String> failed = new TreeSet<>();
            for (int i = 0; i < nf; i++) {
                failed.add(in.readUTF());
            }
            int len = in.readInt();
            if (len < 0 || len > in.available()) {
                return null;
            }
            byte[] modules = new byte[len];
            in.readFully(modules);
            LinkedHashMap<String, MibModule> m = CompiledTreeFormat.read(modules);
            return new MibTree(m, problems, failed);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or foreign file: compile the text instead
        }
    }

    /** Keeps {@code tree} under {@code key}; a folder that cannot be written keeps nothing. */
    static void store(Path folder, String key, MibTree tree) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(k.length);
            out.write(k);
            out.writeInt(tree.problems().size());
            for (MibProblem p : tree.problems()) {
                nullable(out, p.file());
                out.writeInt(p.line());
                out.writeInt(p.column());
                nullable(out, p.module());
                out.writeBoolean(p.isError());
                out.writeUTF(p.message());
            }
            out.writeInt(tree.failedModules().size());
            for (String s : tree.failedModules()) {
                out.writeUTF(s);
            }
            byte[] modules = CompiledTreeFormat.write(tree.modules().values(), true);
            out.writeInt(modules.length);
            out.write(modules);
            out.flush();
            Files.createDirectories(folder);
            Path target = file(folder, key);
            Path tmp = Files.createTempFile(folder, "tree-", ".tmp");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(folder, target);
        } catch (IOException | RuntimeException e) {
            // best effort: the next process compiles the text again
        }
    }

    /** A string longer than writeUTF takes (the key of a large MIB folder). */
    private static String utf8(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad key length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Each build and each change of the MIB files makes a new file: the oldest beyond {@value #KEPT} go. */
    private static void prune(Path folder, Path keep) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "tree-*.vbt")) {
            ds.forEach(files::add);
        }
        if (files.size() <= KEPT) {
            return;
        }
        files.remove(keep);
        files.sort(java.util.Comparator.comparingLong(TreeCache::modified));
        for (int i = 0; i < files.size() - (KEPT - 1); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }
}
