package io.varbind.mib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One module as parsed from text, before any name is resolved. */
final class ParsedModule {
    final String name;
    final String file;
    final int line;
    final int column;
    /** symbol to the module it is imported from, in IMPORTS order. */
    final Map<String, String> imports = new LinkedHashMap<>();
    final List<String> importedModules = new ArrayList<>();
    final List<Definition> definitions = new ArrayList<>();
    final List<MibProblem> problems = new ArrayList<>();
    boolean smiV2;

    ParsedModule(String name, String file, int line, int column) {
        this.name = name;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** A parsed syntax clause: a base or named type with its restrictions. */
    static final class Syntax {
        String typeName;          // "INTEGER", "OCTET STRING", "DisplayString", "SEQUENCE" ...
        String typeModule;        // for "MODULE.Type" references (rare)
        boolean sequenceOf;       // SEQUENCE OF Entry
        boolean sequence;         // SEQUENCE { ... } or CHOICE
        LinkedHashMap<String, Long> enums;
        boolean bits;
        List<long[]> ranges;
        List<long[]> sizes;
    }

    /** One definition of a module. */
    static final class Definition {
        final String name;
        final MibKind kind;
        final int line;
        final int column;
        Syntax syntax;
        String access;
        String status;
        String units;
        String defval;
        String hint;
        List<String> index;
        boolean implied;
        String augments;
        List<String> objects;
        /** OID value: each element a String name, a Long number, or a NamedNumber. */
        List<Object> oidValue;
        /** TRAP-TYPE: the ENTERPRISE and the trap number. */
        String enterprise;
        long trapNumber = -1;

        Definition(String name, MibKind kind, int line, int column) {
            this.name = name;
            this.kind = kind;
            this.line = line;
            this.column = column;
        }
    }

    record NamedNumber(String name, long number) { }
}
