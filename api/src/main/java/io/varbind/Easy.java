package io.varbind;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * easysnmp's module functions ({@code snmp_get}, {@code snmp_walk}, ...): each opens a session
 * with the given settings, runs one operation and closes the session. The settings come last, as
 * a change to a {@link Session.Builder} with easysnmp's defaults:
 * {@code Easy.snmpGet("sysDescr.0", s -> s.hostname("localhost:11161").version(2))}.
 */
public final class Easy {
    private Easy() {
    }

    private static <T> T with(Consumer<Session.Builder> settings, Function<Session, T> op) {
        Session.Builder b = Session.builder();
        settings.accept(b);
        try (Session s = b.build()) {
            return op.apply(s);
        }
    }

    public static SnmpVariable snmpGet(String oid, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.get(oid));
    }

    public static SnmpVariable snmpGet(String oid, String index, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.get(oid, index));
    }

    public static List<SnmpVariable> snmpGet(List<String> oids, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.get(oids));
    }

    public static SnmpVariable snmpGetNext(String oid, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.getNext(oid));
    }

    public static SnmpVariable snmpGetNext(String oid, String index, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.getNext(oid, index));
    }

    public static List<SnmpVariable> snmpGetNext(List<String> oids, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.getNext(oids));
    }

    public static List<SnmpVariable> snmpGetBulk(List<String> oids, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.getBulk(oids));
    }

    public static List<SnmpVariable> snmpGetBulk(List<String> oids, int nonRepeaters, int maxRepetitions,
            Consumer<Session.Builder> settings) {
        return with(settings, s -> s.getBulk(oids, nonRepeaters, maxRepetitions));
    }

    public static List<SnmpVariable> snmpWalk(Consumer<Session.Builder> settings) {
        return with(settings, Session::walk);
    }

    public static List<SnmpVariable> snmpWalk(String oid, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.walk(oid));
    }

    public static List<SnmpVariable> snmpBulkwalk(Consumer<Session.Builder> settings) {
        return with(settings, Session::bulkwalk);
    }

    public static List<SnmpVariable> snmpBulkwalk(String oid, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.bulkwalk(oid));
    }

    public static List<SnmpVariable> snmpBulkwalk(String oid, int nonRepeaters, int maxRepetitions,
            Consumer<Session.Builder> settings) {
        return with(settings, s -> s.bulkwalk(oid, nonRepeaters, maxRepetitions));
    }

    public static boolean snmpSet(String oid, Object value, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.set(oid, value));
    }

    public static boolean snmpSet(String oid, Object value, String snmpType, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.set(oid, value, snmpType));
    }

    public static boolean snmpSet(SnmpVariable variable, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.set(variable));
    }

    public static boolean snmpSetMultiple(List<SnmpVariable> oidValues, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.setMultiple(oidValues));
    }

    public static SnmpTable snmpTable(String table, Consumer<Session.Builder> settings) {
        return with(settings, s -> s.table(table));
    }

    /** easysnmp-style one-shot SNMPv2-Trap (v2c/v3; version 1 sessions send nothing: use a Session's trapV1). */
    public static void snmpTrap(String trapOid, List<SnmpVariable> variables, Consumer<Session.Builder> settings) {
        with(settings, s -> {
            s.trap(trapOid, variables);
            return null;
        });
    }

    /** One-shot InformRequest; returns once the receiver acknowledged it. */
    public static void snmpInform(String trapOid, List<SnmpVariable> variables, Consumer<Session.Builder> settings) {
        with(settings, s -> {
            s.inform(trapOid, variables);
            return null;
        });
    }
}
