package io.varbind.mib;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds modules by the names their files define ({@code NAME DEFINITIONS ::= BEGIN}), not by file
 * names. Folders are read in path order, files in name order; the first definition of a name wins.
 */
final class ModuleIndex {
    final Map<String, Path> files = new LinkedHashMap<>();
    final List<MibProblem> problems = new ArrayList<>();
    /** When every module will be loaded anyway, files are parsed as they are indexed (one read, no scan). */
    private final boolean parseAll;
    final Map<String, ParsedModule> parsed = new java.util.HashMap<>();

    ModuleIndex() {
        this(false);
    }

    ModuleIndex(boolean parseAll) {
        this.parseAll = parseAll;
    }

    void addPath(Path p) {
        if (Files.isDirectory(p)) {
            List<Path> list = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path f : ds) {
                    if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                        list.add(f);
                    }
                }
            } catch (IOException e) {
                problems.add(new MibProblem(p.toString(), 0, 0, null, MibProblem.Severity.WARNING,
                        "cannot read folder: " + e.getMessage()));
                return;
            }
            list.sort(null);
            for (Path f : list) {
                addFile(f);
            }
        } else if (Files.isRegularFile(p)) {
            addFile(p);
        } else {
            problems.add(new MibProblem(p.toString(), 0, 0, null, MibProblem.Severity.WARNING,
                    "no such file or folder"));
        }
    }

    private final List<Path> pending = new ArrayList<>();

    private record Parsed(Path file, List<ParsedModule> modules, List<MibProblem> problems) { }

    /** In parse-all mode: parses the files gathered so far (in parallel) and indexes them in path order. */
    void finish() {
        if (pending.isEmpty()) {
            return;
        }
        List<Parsed> results = pending.parallelStream().map(f -> {
            List<MibProblem> probs = new ArrayList<>();
            byte[] b = read(f, probs);
            List<ParsedModule> mods = b == null ? List.of() : MibParser.parse(b, f.toString(), probs);
            return new Parsed(f, mods, probs);
        }).collect(java.util.stream.Collectors.toList());
        pending.clear();
        for (Parsed r : results) {
            problems.addAll(r.problems());
            for (ParsedModule m : r.modules()) {
                if (files.putIfAbsent(m.name, r.file()) == null) {
                    parsed.put(m.name, m);
                }
            }
        }
    }

    private static byte[] read(Path f, List<MibProblem> problems) {
        try {
            if (Files.size(f) > 64L * 1024 * 1024) {
                problems.add(new MibProblem(f.toString(), 1, 1, null, MibProblem.Severity.WARNING, "file too large; ignored"));
                return null;
            }
            return Files.readAllBytes(f);
        } catch (IOException e) {
            problems.add(new MibProblem(f.toString(), 1, 1, null, MibProblem.Severity.WARNING, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    void addFile(Path f) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tsv") || name.endsWith(".md") || name.endsWith(".vbm") || name.endsWith(".index")) {
            return;
        }
        if (parseAll) {
            pending.add(f);
            return;
        }
        byte[] b;
        try {
            long size = Files.size(f);
            if (size > 64L * 1024 * 1024) {
                return;
            }
            b = Files.readAllBytes(f);
        } catch (IOException e) {
            problems.add(new MibProblem(f.toString(), 0, 0, null, MibProblem.Severity.WARNING,
                    "cannot read: " + e.getMessage()));
            return;
        }
        List<String> names = scanModuleNames(b);
        if (names.isEmpty()) {
            problems.add(new MibProblem(f.toString(), 1, 1, null, MibProblem.Severity.WARNING,
                    "no module header (NAME DEFINITIONS ::= BEGIN) found; file ignored"));
        }
        for (String m : names) {
            files.putIfAbsent(m, f);
        }
    }

    /** The module names defined in a text, found by a byte scan for "DEFINITIONS" outside comments. */
    static List<String> scanModuleNames(byte[] b) {
        List<String> out = new ArrayList<>(1);
        int n = b.length;
        int i = 0;
        int lastIdentStart = -1, lastIdentEnd = -1;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c == '-' && i + 1 < n && b[i + 1] == '-') {
                i += 2;
                while (i < n && b[i] != '\n' && !(b[i] == '-' && i + 1 < n && b[i + 1] == '-')) {
                    i++;
                }
                i += (i < n && b[i] == '-') ? 2 : 0;
                continue;
            }
            if (c == '"') {
                i++;
                while (i < n && b[i] != '"') {
                    i++;
                }
                i++;
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int s = i;
                while (i < n && ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z')
                        || (b[i] >= '0' && b[i] <= '9') || b[i] == '-' || b[i] == '_')) {
                    if (b[i] == '-' && i + 1 < n && b[i + 1] == '-') {
                        break;
                    }
                    i++;
                }
                if (i - s == 11 && new String(b, s, 11, java.nio.charset.StandardCharsets.ISO_8859_1).equals("DEFINITIONS")) {
                    if (lastIdentStart >= 0) {
                        out.add(new String(b, lastIdentStart, lastIdentEnd - lastIdentStart,
                                java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    lastIdentStart = -1;
                } else {
                    lastIdentStart = s;
                    lastIdentEnd = i;
                }
                continue;
            }
            if (c == '{') { // "NAME { oid } DEFINITIONS": keep NAME across the braces
                while (i < n && b[i] != '}') {
                    i++;
                }
                i++;
                continue;
            }
            if (c > ' ') {
                lastIdentStart = -1;
            }
            i++;
        }
        return out;
    }
}
