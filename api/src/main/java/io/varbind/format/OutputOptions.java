package io.varbind.format;

import java.util.Locale;

/**
 * Net-SNMP's {@code -O} output flags that the formatters honour: {@code n} numeric OIDs, {@code f}
 * full names, {@code s} short names (no module), {@code q} quick print (no type label, no {@code =}),
 * {@code Q} (no type label, {@code =} kept), {@code v} value only, {@code e} numbers instead of
 * enumeration labels, {@code x} octet strings in hex, {@code U} no units, {@code t} Timeticks as a number.
 */
public record OutputOptions(OidStyle oidStyle, boolean quick, boolean quickEquals, boolean valueOnly,
        boolean noEnums, boolean hexStrings, boolean noUnits, boolean numericTimeticks) {

    /** How OIDs (names and OID values) are printed. */
    public enum OidStyle {
        /** {@code SNMPv2-MIB::sysDescr.0}, Net-SNMP's default. */
        MODULE,
        /** {@code sysDescr.0} ({@code -Os}). */
        SHORT,
        /** {@code .iso.org.dod...sysDescr.0} ({@code -Of}). */
        FULL,
        /** {@code .1.3.6.1.2.1.1.1.0} ({@code -On}). */
        NUMERIC
    }

    /** Net-SNMP's defaults: module-qualified names, type labels, enumeration labels. */
    public static final OutputOptions DEFAULT = new OutputOptions(OidStyle.MODULE, false, false, false, false, false,
            false, false);

    /**
     * Parses the letters of {@code -O} ({@code "nq"}, {@code "fv"}, ...); unknown letters raise
     * {@link IllegalArgumentException}.
     */
    public static OutputOptions parse(String flags) {
        OutputOptions o = DEFAULT;
        for (char c : flags.toCharArray()) {
            o = switch (c) {
                case 'n' -> o.withOidStyle(OidStyle.NUMERIC);
                case 'f' -> o.withOidStyle(OidStyle.FULL);
                case 's' -> o.withOidStyle(OidStyle.SHORT);
                case 'q' -> new OutputOptions(o.oidStyle, true, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings,
                        o.noUnits, o.numericTimeticks);
                case 'Q' -> new OutputOptions(o.oidStyle, o.quick, true, o.valueOnly, o.noEnums, o.hexStrings,
                        o.noUnits, o.numericTimeticks);
                case 'v' -> new OutputOptions(o.oidStyle, o.quick, o.quickEquals, true, o.noEnums, o.hexStrings,
                        o.noUnits, o.numericTimeticks);
                case 'e' -> new OutputOptions(o.oidStyle, o.quick, o.quickEquals, o.valueOnly, true, o.hexStrings,
                        o.noUnits, o.numericTimeticks);
                case 'x' -> new OutputOptions(o.oidStyle, o.quick, o.quickEquals, o.valueOnly, o.noEnums, true,
                        o.noUnits, o.numericTimeticks);
                case 'U' -> new OutputOptions(o.oidStyle, o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings,
                        true, o.numericTimeticks);
                case 't' -> new OutputOptions(o.oidStyle, o.quick, o.quickEquals, o.valueOnly, o.noEnums, o.hexStrings,
                        o.noUnits, true);
                default -> throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "unknown output option -O%c (known: n f s q Q v e x U t)", c));
            };
        }
        return o;
    }

    public OutputOptions withOidStyle(OidStyle style) {
        return new OutputOptions(style, quick, quickEquals, valueOnly, noEnums, hexStrings, noUnits, numericTimeticks);
    }

    /** True when type labels ({@code STRING: }) are left out: {@code q} or {@code Q}. */
    public boolean bareValues() {
        return quick || quickEquals;
    }
}
