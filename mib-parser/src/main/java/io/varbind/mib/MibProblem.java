package io.varbind.mib;

/**
 * One problem found while loading MIB modules: where (file, 1-based line and column, module)
 * and what. Loading never throws for bad module text; it records these instead.
 */
public record MibProblem(String file, int line, int column, String module, Severity severity, String message) {

    /** ERROR: a definition or module was (partly) dropped; WARNING: tolerated as Net-SNMP tolerates it. */
    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (file == null ? "?" : file) + ":" + line + ":" + column + ": "
                + severity.name().toLowerCase() + ": " + (module == null ? "" : module + ": ") + message;
    }
}
