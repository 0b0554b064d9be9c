package io.varbind.mib;

import static io.varbind.mib.MibLexer.*;

import io.varbind.mib.ParsedModule.Definition;
import io.varbind.mib.ParsedModule.NamedNumber;
import io.varbind.mib.ParsedModule.Syntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A tolerant recursive-descent parser for SMIv1 (RFC 1155, 1212, 1215) and SMIv2 (RFC 2578, 2579,
 * 2580) modules. A bad definition is reported and skipped up to the start of the next one; a bad
 * module ends at its END. DESCRIPTION, REFERENCE and the like are stepped over as tokens, never copied.
 */
final class MibParser {
    private static final Set<String> MACROS = Set.of("OBJECT-TYPE", "OBJECT-IDENTITY", "MODULE-IDENTITY",
            "NOTIFICATION-TYPE", "TRAP-TYPE", "OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE",
            "AGENT-CAPABILITIES", "MACRO");

    /** Internal signal of a syntax error at a token; caught per definition. */
    private static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int token;

        ParseError(int token, String message) {
            super(message, null, false, false);
            this.token = token;
        }
    }

    private final MibLexer lx;
    private final String file;
    private final int[] ty;
    private int p;
    private ParsedModule module;
    private final List<MibProblem> fileProblems = new ArrayList<>();

    private MibParser(byte[] src, String file) {
        this.lx = new MibLexer(src);
        this.file = file;
        this.ty = lx.type;
    }

    /** Parses every module of one file; problems outside any module go to {@code orphans}. */
    static List<ParsedModule> parse(byte[] src, String file, List<MibProblem> orphans) {
        MibParser ps = new MibParser(src, file);
        List<ParsedModule> out = new ArrayList<>();
        ps.parseFile(out);
        if (out.isEmpty() && ps.fileProblems.isEmpty()) {
            ps.problem(0, MibProblem.Severity.WARNING, "no module header (NAME DEFINITIONS ::= BEGIN) found; file ignored");
        }
        orphans.addAll(ps.fileProblems);
        return out;
    }

    private void parseFile(List<ParsedModule> out) {
        boolean reported = false;
        while (ty[p] != EOF) {
            int h = findHeader(p);
            if (h < 0) {
                if (out.isEmpty()) {
                    problem(0, MibProblem.Severity.WARNING, "no module header (NAME DEFINITIONS ::= BEGIN) found; file ignored");
                } else if (!reported) {
                    problem(p, MibProblem.Severity.WARNING, "text after the last module ignored");
                }
                return;
            }
            if (h != p && !reported) {
                problem(p, MibProblem.Severity.WARNING, "text before the module header ignored");
            }
            reported = true;
            p = h;
            module = new ParsedModule(lx.text(p), file, lx.line(p), lx.column(p));
            out.add(module);
            p++;
            while (ty[p] != EOF && !lx.is(p, "BEGIN")) {
                p++; // [ { oid } ] DEFINITIONS [x TAGS] ::=
            }
            if (ty[p] == EOF) {
                problem(p, MibProblem.Severity.ERROR, "BEGIN missing after DEFINITIONS");
                return;
            }
            p++;
            parseBody();
        }
    }

    /** Index of the next module name token: IDENT [ { ... } ] DEFINITIONS. */
    private int findHeader(int from) {
        for (int i = from; ty[i] != EOF; i++) {
            if (ty[i] == IDENT && lx.is(i, "DEFINITIONS")) {
                int j = i - 1;
                if (j >= from && ty[j] == RBRACE) {
                    while (j >= from && ty[j] != LBRACE) {
                        j--;
                    }
                    j--;
                }
                if (j >= from && ty[j] == IDENT) {
                    return j;
                }
            }
        }
        return -1;
    }

    private void parseBody() {
        while (true) {
            int t = ty[p];
            if (t == EOF) {
                problem(p, MibProblem.Severity.ERROR, "END of module missing (file truncated?)");
                return;
            }
            if (t == IDENT && lx.is(p, "END") && !isDefinitionStart(p)) {
                p++;
                return;
            }
            int startTok = p;
            try {
                if (t == IDENT && lx.is(p, "IMPORTS")) {
                    p++;
                    parseImports();
                } else if (t == IDENT && lx.is(p, "EXPORTS")) {
                    while (ty[p] != EOF && ty[p] != SEMI && !isDefinitionStart(p)) {
                        p++;
                    }
                    if (ty[p] == SEMI) {
                        p++;
                    }
                } else if (t == SEMI) {
                    p++;
                } else if (t == IDENT) {
                    parseDefinition();
                } else {
                    throw new ParseError(p, "unexpected '" + lx.text(p) + "', expected a definition");
                }
            } catch (ParseError e) {
                problem(e.token, MibProblem.Severity.ERROR, e.getMessage());
                p = Math.max(p, startTok + 1);
                if (e.token >= p) {
                    p = e.token + (e.token == startTok ? 1 : 0);
                }
                resync();
            }
        }
    }

    private void resync() {
        while (ty[p] != EOF && !isDefinitionStart(p) && !(ty[p] == IDENT && lx.is(p, "END"))) {
            p++;
        }
    }

    private boolean isDefinitionStart(int i) {
        if (ty[i] != IDENT) {
            return false;
        }
        int n = ty[i + 1];
        if (n == ASSIGN) {
            return true;
        }
        if (n != IDENT) {
            return false;
        }
        String w = lx.text(i + 1);
        if (MACROS.contains(w)) {
            return true;
        }
        return w.equals("OBJECT") && ty[i + 2] == IDENT && lx.is(i + 2, "IDENTIFIER");
    }

    private void parseImports() {
        List<String> pending = new ArrayList<>();
        while (true) {
            int t = ty[p];
            if (t == SEMI) {
                p++;
                break;
            }
            if (t == EOF) {
                throw new ParseError(p, "IMPORTS not terminated");
            }
            if (t == COMMA) {
                p++;
                continue;
            }
            if (t != IDENT) {
                throw new ParseError(p, "unexpected '" + lx.text(p) + "' in IMPORTS");
            }
            if (lx.is(p, "FROM")) {
                p++;
                if (ty[p] != IDENT) {
                    throw new ParseError(p, "module name expected after FROM");
                }
                String from = lx.text(p++);
                if (ty[p] == LBRACE) {
                    skipBraces();
                }
                if (!module.importedModules.contains(from)) {
                    module.importedModules.add(from);
                }
                if (from.equals("SNMPv2-SMI")) {
                    module.smiV2 = true;
                }
                for (String s : pending) {
                    module.imports.putIfAbsent(s, from);
                }
                pending.clear();
                // a missing ';': the next thing is already a definition
                if (ty[p] != SEMI && isDefinitionStart(p)) {
                    problem(p, MibProblem.Severity.WARNING, "';' missing at the end of IMPORTS");
                    break;
                }
                continue;
            }
            if (isDefinitionStart(p) && !pending.isEmpty()) {
                throw new ParseError(p, "FROM missing in IMPORTS");
            }
            pending.add(lx.text(p++));
        }
        if (!pending.isEmpty()) {
            problem(p - 1, MibProblem.Severity.WARNING, "symbols imported from no module: " + pending);
        }
    }

    private void parseDefinition() {
        int nameTok = p;
        String name = lx.text(p++);
        if (ty[p] == ASSIGN) {
            p++;
            parseTypeAssignment(name, nameTok);
            return;
        }
        if (ty[p] == IDENT && lx.is(p, "OBJECT") && ty[p + 1] == IDENT && lx.is(p + 1, "IDENTIFIER")) {
            p += 2;
            expect(ASSIGN, "'::='");
            Definition d = def(name, MibKind.OID_ASSIGNMENT, nameTok);
            d.oidValue = parseOidValue();
            module.definitions.add(d);
            return;
        }
        if (ty[p] == IDENT && lx.is(p, "MACRO")) {
            while (ty[p] != EOF && !lx.is(p, "END")) {
                p++;
            }
            if (ty[p] != EOF) {
                p++;
            }
            return;
        }
        if (ty[p] != IDENT) {
            throw new ParseError(p, "unexpected '" + lx.text(p) + "' after " + name);
        }
        String macro = lx.text(p);
        MibKind kind = switch (macro) {
            case "OBJECT-TYPE" -> MibKind.OBJECT_TYPE;
            case "OBJECT-IDENTITY" -> MibKind.OBJECT_IDENTITY;
            case "MODULE-IDENTITY" -> MibKind.MODULE_IDENTITY;
            case "NOTIFICATION-TYPE", "TRAP-TYPE" -> MibKind.NOTIFICATION;
            case "OBJECT-GROUP" -> MibKind.OBJECT_GROUP;
            case "NOTIFICATION-GROUP" -> MibKind.NOTIFICATION_GROUP;
            case "MODULE-COMPLIANCE" -> MibKind.MODULE_COMPLIANCE;
            case "AGENT-CAPABILITIES" -> MibKind.AGENT_CAPABILITIES;
            default -> null;
        };
        if (kind == null) {
            // a value assignment such as "x INTEGER ::= 5": nothing to keep
            parseSyntax();
            expect(ASSIGN, "'::='");
            skipValue();
            return;
        }
        p++;
        Definition d = def(name, kind, nameTok);
        boolean trap = macro.equals("TRAP-TYPE");
        boolean skipAll = kind == MibKind.MODULE_COMPLIANCE || kind == MibKind.AGENT_CAPABILITIES;
        parseClauses(d, skipAll);
        expect(ASSIGN, "'::='");
        if (trap) {
            if (ty[p] != NUMBER) {
                throw new ParseError(p, "trap number expected after '::=' of TRAP-TYPE " + name);
            }
            d.trapNumber = number(p++);
        } else {
            d.oidValue = parseOidValue();
        }
        module.definitions.add(d);
    }

    private Definition def(String name, MibKind kind, int tok) {
        return new Definition(name, kind, lx.line(tok), lx.column(tok));
    }

    private void parseTypeAssignment(String name, int nameTok) {
        if (ty[p] == IDENT && lx.is(p, "TEXTUAL-CONVENTION")) {
            p++;
            Definition d = def(name, MibKind.TEXTUAL_CONVENTION, nameTok);
            parseClauses(d, false);
            if (d.syntax == null) {
                throw new ParseError(p, "SYNTAX missing in TEXTUAL-CONVENTION " + name);
            }
            module.definitions.add(d);
            return;
        }
        Definition d = def(name, MibKind.TYPE, nameTok);
        d.syntax = parseSyntax();
        module.definitions.add(d);
    }

    /** Clauses of a macro invocation, in any order, up to the '::='. */
    private void parseClauses(Definition d, boolean skipAll) {
        while (true) {
            int t = ty[p];
            if (t == ASSIGN) {
                return;
            }
            if (t == EOF) {
                throw new ParseError(p, "'::=' missing in " + d.name);
            }
            if (d.kind == MibKind.TEXTUAL_CONVENTION && d.syntax != null) {
                return; // a TC ends with its SYNTAX clause
            }
            if (t != IDENT) {
                if (t == LBRACE && skipAll) {
                    skipBraces();
                    continue;
                }
                if (t == STRING || t == COMMA || t == SEMI) {
                    p++;
                    continue;
                }
                throw new ParseError(p, "unexpected '" + lx.text(p) + "' in " + d.name);
            }
            if (skipAll && ty[p + 1] == ASSIGN && ty[p + 2] == LBRACE) {
                p++; // "MODULE ::= {" or "MODULE NAME ::= {": the module clause is empty
                continue;
            }
            if (isDefinitionStart(p) && !lx.is(p, "OBJECT") && !lx.is(p, "SYNTAX")) {
                throw new ParseError(p, "'::=' missing in " + d.name);
            }
            if (skipAll) {
                if (lx.is(p, "STATUS") && ty[p + 1] == IDENT && d.status == null) {
                    d.status = lx.text(p + 1);
                    p += 2;
                } else {
                    p++;
                    if (ty[p] == LPAREN || ty[p] == LBRACE) {
                        skipBalanced();
                    }
                }
                continue;
            }
            String kw = lx.text(p++);
            switch (kw) {
                case "SYNTAX" -> d.syntax = parseSyntax();
                case "UNITS" -> d.units = optString();
                case "ACCESS", "MAX-ACCESS" -> d.access = word();
                case "STATUS" -> d.status = word();
                case "DISPLAY-HINT" -> d.hint = optString();
                case "DESCRIPTION", "REFERENCE", "LAST-UPDATED", "ORGANIZATION", "CONTACT-INFO", "REVISION" -> {
                    if (ty[p] == STRING) {
                        p++;
                    }
                }
                case "INDEX" -> parseIndex(d);
                case "AUGMENTS" -> {
                    expect(LBRACE, "'{'");
                    if (ty[p] == IDENT) {
                        d.augments = lx.text(p++);
                    }
                    while (ty[p] != RBRACE && ty[p] != EOF && ty[p] != ASSIGN) {
                        p++;
                    }
                    expect(RBRACE, "'}'");
                }
                case "DEFVAL" -> d.defval = braceText();
                case "OBJECTS", "VARIABLES", "NOTIFICATIONS" -> d.objects = nameList();
                case "ENTERPRISE" -> {
                    if (ty[p] == IDENT) {
                        d.enterprise = lx.text(p++);
                    } else if (ty[p] == LBRACE) {
                        List<Object> v = parseOidValue();
                        d.enterprise = v.isEmpty() ? null : String.valueOf(v.get(0));
                    }
                }
                default -> {
                    // an unknown clause: skip its argument
                    if (ty[p] == STRING || ty[p] == NUMBER) {
                        p++;
                    } else if (ty[p] == LBRACE || ty[p] == LPAREN) {
                        skipBalanced();
                    }
                    problem(p - 1, MibProblem.Severity.WARNING, "unknown clause " + kw + " in " + d.name);
                }
            }
        }
    }

    private void parseIndex(Definition d) {
        expect(LBRACE, "'{'");
        List<String> idx = new ArrayList<>();
        while (ty[p] != RBRACE) {
            int t = ty[p];
            if (t == EOF || t == ASSIGN) {
                throw new ParseError(p, "'}' missing in INDEX of " + d.name);
            }
            if (t == COMMA) {
                p++;
                continue;
            }
            if (t == IDENT && lx.is(p, "IMPLIED")) {
                d.implied = true;
                p++;
                continue;
            }
            if (t == IDENT) {
                String s = lx.text(p++);
                // SMIv1 allowed types in INDEX: "OCTET STRING", "OBJECT IDENTIFIER"
                if ((s.equals("OCTET") || s.equals("OBJECT")) && ty[p] == IDENT) {
                    s = s + " " + lx.text(p++);
                }
                idx.add(s);
                continue;
            }
            p++;
        }
        p++;
        d.index = idx;
    }

    private List<String> nameList() {
        expect(LBRACE, "'{'");
        List<String> out = new ArrayList<>();
        while (ty[p] != RBRACE) {
            if (ty[p] == EOF || ty[p] == ASSIGN) {
                throw new ParseError(p, "'}' missing in a list of names");
            }
            if (ty[p] == IDENT) {
                out.add(lx.text(p));
            }
            p++;
        }
        p++;
        return out;
    }

    /** The source text between a '{' and its '}', whitespace collapsed; or a bare token. */
    private String braceText() {
        if (ty[p] != LBRACE) {
            if (ty[p] == EOF || ty[p] == ASSIGN) {
                return null;
            }
            return lx.text(p++);
        }
        int open = p;
        skipBalanced();
        int close = p - 1;
        if (close <= open + 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = open + 1; i < close; i++) {
            if (sb.length() > 0 && ty[i] != COMMA && ty[i] != RPAREN && ty[i - 1] != LPAREN) {
                sb.append(' ');
            }
            sb.append(lx.text(i));
        }
        return sb.toString().replaceAll("\\s+", " ");
    }

    private String word() {
        if (ty[p] == IDENT) {
            return lx.text(p++);
        }
        if (ty[p] == STRING) { // "read-only" quoted: seen in the wild
            return lx.stringValue(p++);
        }
        throw new ParseError(p, "a keyword was expected, found '" + lx.text(p) + "'");
    }

    private String optString() {
        if (ty[p] == STRING) {
            return lx.stringValue(p++);
        }
        if (ty[p] == IDENT && !isDefinitionStart(p)) {
            return lx.text(p++);
        }
        return null;
    }

    Syntax parseSyntax() {
        Syntax s = new Syntax();
        while (ty[p] == LBRACKET) { // [APPLICATION n] of the SMI modules themselves
            while (ty[p] != RBRACKET && ty[p] != EOF) {
                p++;
            }
            p++;
        }
        if (ty[p] == IDENT && (lx.is(p, "IMPLICIT") || lx.is(p, "EXPLICIT"))) {
            p++;
        }
        if (ty[p] != IDENT) {
            throw new ParseError(p, "a type was expected, found '" + lx.text(p) + "'");
        }
        String w = lx.text(p++);
        switch (w) {
            case "OCTET", "BIT" -> {
                if (ty[p] == IDENT && lx.is(p, "STRING")) {
                    p++;
                }
                s.typeName = w.equals("OCTET") ? "OCTET STRING" : "BITS";
            }
            case "OBJECT" -> {
                if (ty[p] == IDENT && lx.is(p, "IDENTIFIER")) {
                    p++;
                }
                s.typeName = "OBJECT IDENTIFIER";
            }
            case "SEQUENCE", "CHOICE", "SET" -> {
                if (ty[p] == IDENT && lx.is(p, "OF")) {
                    p++;
                    if (ty[p] != IDENT) {
                        throw new ParseError(p, "type expected after SEQUENCE OF");
                    }
                    s.typeName = lx.text(p++);
                    s.sequenceOf = true;
                    return s;
                }
                s.typeName = w;
                s.sequence = true;
                if (ty[p] == LBRACE) {
                    skipBalanced();
                }
                return s;
            }
            default -> {
                s.typeName = w;
                if (ty[p] == DOT && ty[p + 1] == IDENT) { // Module.Type
                    s.typeModule = w;
                    p++;
                    s.typeName = lx.text(p++);
                }
            }
        }
        if (s.typeName.equals("BITS")) {
            s.bits = true;
        }
        if (ty[p] == LBRACE) {
            s.enums = namedNumbers();
        }
        if (ty[p] == LPAREN) {
            parseConstraint(s);
        }
        return s;
    }

    private LinkedHashMap<String, Long> namedNumbers() {
        p++;
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        while (ty[p] != RBRACE) {
            int t = ty[p];
            if (t == EOF || t == ASSIGN) {
                throw new ParseError(p, "'}' missing in a list of named numbers");
            }
            if (t == IDENT && ty[p + 1] == LPAREN) {
                String label = lx.text(p);
                p += 2;
                if (ty[p] != NUMBER && ty[p] != HEXSTR) {
                    throw new ParseError(p, "number expected for " + label);
                }
                long v = ty[p] == HEXSTR ? rangeValue() : number(p++); // ('E0'h) seen in vendor MIBs
                expect(RPAREN, "')'");
                if (out.putIfAbsent(label, v) != null) {
                    problem(p - 1, MibProblem.Severity.WARNING, "label " + label + " defined twice");
                }
                continue;
            }
            if (t == COMMA) {
                p++;
                continue;
            }
            throw new ParseError(p, "unexpected '" + lx.text(p) + "' in a list of named numbers");
        }
        p++;
        return out;
    }

    private void parseConstraint(Syntax s) {
        p++; // (
        if (ty[p] == IDENT && lx.is(p, "SIZE")) {
            p++;
            expect(LPAREN, "'(' after SIZE");
            s.sizes = rangeList();
            expect(RPAREN, "')'");
        } else {
            s.ranges = rangeList();
        }
        expect(RPAREN, "')'");
    }

    private List<long[]> rangeList() {
        List<long[]> out = new ArrayList<>();
        while (true) {
            long lo = rangeValue();
            long hi = lo;
            if (ty[p] == RANGE) {
                p++;
                hi = rangeValue();
            }
            out.add(new long[] {lo, hi});
            if (ty[p] == BAR) {
                p++;
                continue;
            }
            return out;
        }
    }

    private long rangeValue() {
        int t = ty[p];
        if (t == NUMBER) {
            return number(p++);
        }
        if (t == HEXSTR) {
            String h = lx.text(p++);
            int q = h.lastIndexOf('\'');
            String digits = h.substring(1, Math.max(1, q));
            boolean bin = h.endsWith("B") || h.endsWith("b");
            if (digits.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseUnsignedLong(digits, bin ? 2 : 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (t == IDENT && (lx.is(p, "MIN") || lx.is(p, "MAX"))) {
            boolean min = lx.is(p++, "MIN");
            return min ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        throw new ParseError(p, "a range value was expected, found '" + lx.text(p) + "'");
    }

    private long number(int t) {
        String s = lx.text(t);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return Long.parseUnsignedLong(s);
            } catch (NumberFormatException e2) {
                problem(t, MibProblem.Severity.WARNING, "number out of range: " + s);
                return s.startsWith("-") ? Long.MIN_VALUE : -1L;
            }
        }
    }

    private List<Object> parseOidValue() {
        if (ty[p] != LBRACE) {
            throw new ParseError(p, "'{' expected to start an OBJECT IDENTIFIER value, found '" + lx.text(p) + "'");
        }
        p++;
        List<Object> out = new ArrayList<>(4);
        while (ty[p] != RBRACE) {
            int t = ty[p];
            if (t == IDENT) {
                String n = lx.text(p++);
                if (ty[p] == LPAREN) {
                    p++;
                    if (ty[p] != NUMBER) {
                        throw new ParseError(p, "number expected in " + n + "(...)");
                    }
                    long v = number(p++);
                    expect(RPAREN, "')'");
                    out.add(new NamedNumber(n, v));
                } else {
                    out.add(n);
                }
            } else if (t == NUMBER) {
                out.add(number(p++));
            } else if (t == COMMA || t == DOT) {
                p++;
            } else {
                throw new ParseError(p, "unexpected '" + lx.text(p) + "' in an OBJECT IDENTIFIER value");
            }
        }
        p++;
        if (out.isEmpty()) {
            throw new ParseError(p - 1, "empty OBJECT IDENTIFIER value");
        }
        return out;
    }

    private void skipValue() {
        if (ty[p] == LBRACE) {
            skipBalanced();
        } else if (ty[p] != EOF) {
            p++;
        }
    }

    private void skipBraces() {
        skipBalanced();
    }

    /** Steps over a balanced (...) or {...} group starting at p. */
    private void skipBalanced() {
        int depth = 0;
        int from = p;
        do {
            int t = ty[p];
            if (t == EOF) {
                throw new ParseError(from, "unbalanced brackets");
            }
            if (t == LBRACE || t == LPAREN) {
                depth++;
            } else if (t == RBRACE || t == RPAREN) {
                depth--;
            }
            p++;
        } while (depth > 0);
    }

    private void expect(int t, String what) {
        if (ty[p] != t) {
            throw new ParseError(p, what + " expected, found '" + (ty[p] == EOF ? "end of file" : lx.text(p)) + "'");
        }
        p++;
    }

    private void problem(int tok, MibProblem.Severity sev, String msg) {
        MibProblem pr = new MibProblem(file, lx.line(tok), lx.column(tok), module == null ? null : module.name, sev, msg);
        if (module != null) {
            module.problems.add(pr);
        } else {
            fileProblems.add(pr);
        }
    }
}
