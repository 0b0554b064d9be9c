package io.varbind.format;

import java.util.Locale;

/**
 * Net-SNMP's {@code -O} output flags that the formatters honour ({@code quick} is Net-SNMP's quick
 * print, type labels off; {@code quickEquals} keeps the {@code =} under it): {@code n} numeric OIDs, {@code f}
 * full names, {@code s} short names (no module), {@code S} module and name (the default),
 * {@code u} UCD-style names (full, with Net-SNMP's standard prefixes cut), {@code q} quick print (no
 * type label, no {@code =}), {@code Q} (no type label, {@code =} kept), {@code v} value only,
 * {@code e} numbers instead of enumeration labels, {@code x} octet strings in hex, {@code a} octet
 * strings as ASCII (the later of {@code a} and {@code x} wins, as in Net-SNMP), {@code T} the text
 * beside each line of a hex dump, {@code U} no units, {@code t} Timeticks as a number, {@code b}
 * indexes as numbers (not broken down by their MIB types), {@code E} quotes in string indexes
 * escaped, {@code X} the extended index format ({@code ifDescr[1]}, {@code nsExtendArgs[STRING: two]}).
 */
public record OutputOptions(OidStyle oidStyle, boolean quick, boolean quickEquals, boolean valueOnly,
        boolean noEnums, boolean hexStrings, boolean noUnits, boolean numericTimeticks, boolean asciiStrings,
        boolean hexWithText, boolean numericIndexes, boolean escapeQuotes, boolean extendedIndex) {

    /** The flags of the first releases, the later ones off. */
    public OutputOptions(OidStyle oidStyle, boolean quick, boolean quickEquals, boolean valueOnly,
            boolean noEnums, boolean hexStrings, boolean noUnits, boolean numericTimeticks) {
        this(oidStyle, quick, quickEquals, valueOnly, noEnums, hexStrings, noUnits, numericTimeticks, false, false,
                false, false, false);
    }

    /** How OIDs (names and OID values) are printed. */
    public enum OidStyle {
        /** {@code SNMPv2-MIB::sysDescr.0}, Net-SNMP's default ({@code -OS}). */
        MODULE,
        /** {@code sysDescr.0} ({@code -Os}). */
        SHORT,
        /** {@code .iso.org.dod...sysDescr.0} ({@code -Of}). */
        FULL,
        /** {@code .1.3.6.1.2.1.1.1.0} ({@code -On}). */
        NUMERIC,
        /** {@code system.sysDescr.0} ({@code -Ou}): full, less {@code .iso.org.dod.internet.mgmt.mib-2.} and the like. */
        UCD
    }

    /** Net-SNMP's defaults: module-qualified names, type labels, enumeration labels. */
    public static final OutputOptions DEFAULT = new OutputOptions(OidStyle.MODULE, false, false, false, false, false,
            false, false);

    /**
     * Parses the letters of {@code -O} ({@code "nq"}, {@code "fv"}, ...); unknown letters raise
     * {@link IllegalArgumentException}.
     */
    public static OutputOptions parse(String flags) {
        return parse(flags, DEFAULT);
    }

    /**
     * The letters of {@code -O} applied to {@code start}, as Net-SNMP applies them: {@code n f s S u}
     * choose the OID style and {@code a x} the string format (the later wins); the others toggle
     * ({@code -Oqq} is no quick print; snmptable, which starts with quick print on, prints type
     * labels under {@code -Oq}), {@code Q} toggles quick print and the kept {@code =} together.
     */
    public static OutputOptions parse(String flags, OutputOptions start) {
        OutputOptions o = start;
        for (char c : flags.toCharArray()) {
            o = switch (c) {
                case 'n' -> o.withOidStyle(OidStyle.NUMERIC);
                case 'f' -> o.withOidStyle(OidStyle.FULL);
                case 's' -> o.withOidStyle(OidStyle.SHORT);
                case 'S' -> o.withOidStyle(OidStyle.MODULE);
                case 'u' -> o.withOidStyle(OidStyle.UCD);
                case 'q' -> o.with(!o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'Q' -> o.with(!o.quick, !o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'v' -> o.with(o.quick, o.quickEquals, !o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'e' -> o.with(o.quick, o.quickEquals, o.valueOnly, !o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                // one setting in Net-SNMP (its string output format): the later letter wins
                case 'x' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, true, o.noUnits,
                        o.numericTimeticks, false, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'a' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, false, o.noUnits,
                        o.numericTimeticks, true, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'U' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, !o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 't' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        !o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'T' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, !o.hexWithText, o.numericIndexes, o.escapeQuotes);
                case 'b' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, !o.numericIndexes, o.escapeQuotes);
                case 'E' -> o.with(o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings, o.noUnits,
                        o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, !o.escapeQuotes);
                case 'X' -> new OutputOptions(o.oidStyle, o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings,
                        o.noUnits, o.numericTimeticks, o.asciiStrings, o.hexWithText, o.numericIndexes, o.escapeQuotes,
                        !o.extendedIndex);
                default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "unknown output option -O%c (known: a b e E f n q Q s S t T u U v x X)", c));
            };
        }
        return o;
    }

    private OutputOptions with(boolean quick, boolean quickEquals, boolean valueOnly, boolean noEnums,
            boolean hexStrings, boolean noUnits, boolean numericTimeticks, boolean asciiStrings, boolean hexWithText,
            boolean numericIndexes, boolean escapeQuotes) {
        return new OutputOptions(oidStyle, quick, quickEquals, valueOnly, noEnums, hexStrings, noUnits,
                numericTimeticks, asciiStrings, hexWithText, numericIndexes, escapeQuotes, extendedIndex);
    }

    public OutputOptions withOidStyle(OidStyle style) {
        return new OutputOptions(style, quick, quickEquals, valueOnly, noEnums, hexStrings, noUnits, numericTimeticks,
                asciiStrings, hexWithText, numericIndexes, escapeQuotes, extendedIndex);
    }

    /** The same flags with quick print on. */
    public OutputOptions withQuick() {
        return with(true, quickEquals, valueOnly, noEnums, hexStrings, noUnits, numericTimeticks, asciiStrings,
                hexWithText, numericIndexes, escapeQuotes);
    }

    /** True when type labels ({@code STRING: }) are left out: quick print ({@code q}, or {@code Q}). */
    public boolean bareValues() {
        return quick;
    }

    /** True when a line is {@code name value}, no {@code =}: quick print without {@code Q}. */
    public boolean dropsEquals() {
        return quick && !quickEquals;
    }
}
