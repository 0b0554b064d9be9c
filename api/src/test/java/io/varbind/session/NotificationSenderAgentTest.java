package io.varbind.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Easy;
import io.varbind.Session;
import io.varbind.SnmpEngine;
import io.varbind.SnmpConnectionException;
import io.varbind.SnmpException;
import io.varbind.SnmpTimeoutException;
import io.varbind.SnmpVariable;
import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmptrapdReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Varbind's traps and informs into Net-SNMP's snmptrapd: the line snmptrapd logs for each must be
 * the one it logs when snmptrap or snmpinform sends the same notification, for v1, v2c and v3,
 * over UDP and TCP, and for every auth x priv user.
 */
@Tag("agent")
class NotificationSenderAgentTest {
    private static final String TRAP_OID = ".1.3.6.1.6.3.1.1.5.3";
    private static SnmptrapdReceiver trapd;

    @BeforeAll
    static void start() {
        trapd = SnmptrapdReceiver.start();
    }

    @AfterAll
    static void stop() {
        if (trapd != null) {
            trapd.close();
        }
    }

    /** The payload as Varbind takes it: a MIB-typed name, and values typed by snmpType where the MIB has none. */
    private static List<SnmpVariable> payload(String text) {
        return List.of(SnmpVariable.of("sysUpTime.0", "12345"),
                SnmpVariable.of("IF-MIB::ifIndex.2", "2"),
                SnmpVariable.of("ifAdminStatus.2", "down"),
                SnmpVariable.of(".1.3.6.1.4.1.8072.9999.1", text, "s"),
                SnmpVariable.of(".1.3.6.1.4.1.8072.9999.2", "-17", "i"),
                SnmpVariable.of(".1.3.6.1.4.1.8072.9999.3", "10.1.2.3", "a"),
                SnmpVariable.of(".1.3.6.1.4.1.8072.9999.4", "4000000000", "c"),
                SnmpVariable.of(".1.3.6.1.4.1.8072.9999.5", ".1.3.6.1.2.1.1", "o"),
                SnmpVariable.of(".1.3.6.1.4.1.8072.9999.6", "deadbeef", "x"));
    }

    /** The same payload as snmptrap's arguments (after UPTIME TRAPOID). */
    private static List<String> payloadArgs(String text) {
        return List.of("IF-MIB::ifIndex.2", "i", "2", "ifAdminStatus.2", "i", "2",
                ".1.3.6.1.4.1.8072.9999.1", "s", text, ".1.3.6.1.4.1.8072.9999.2", "i", "-17",
                ".1.3.6.1.4.1.8072.9999.3", "a", "10.1.2.3", ".1.3.6.1.4.1.8072.9999.4", "c", "4000000000",
                ".1.3.6.1.4.1.8072.9999.5", "o", ".1.3.6.1.2.1.1", ".1.3.6.1.4.1.8072.9999.6", "x", "deadbeef");
    }

    private static List<String> tool(String name, List<String> options, String transport, List<String> rest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(name);
        cmd.addAll(options);
        cmd.add(transport + ":127.0.0.1:" + trapd.port());
        cmd.addAll(rest);
        return cmd;
    }

    private static String lastLineAfter(int before, String what) {
        List<String> lines = trapd.awaitLines(before + 1, 10);
        assertEquals(before + 1, lines.size(), what + ": snmptrapd logged " + (lines.size() - before)
                + " lines, not 1:\n" + trapd.log());
        return lines.get(before);
    }

    /** Sends with Net-SNMP's tool, then with Varbind, and compares the two log lines. */
    private static void sameLine(String what, List<String> netSnmp, Runnable varbind) {
        int before = trapd.lines().size();
        assertEquals(0, trapd.runTool(netSnmp), what + ": " + netSnmp + " failed");
        String expected = lastLineAfter(before, what + " (Net-SNMP)");
        varbind.run();
        String actual = lastLineAfter(before + 1, what + " (Varbind)");
        assertEquals(expected, actual, what);
    }

    private static Session session(String transport, Consumer<Session.Builder> settings) {
        Session.Builder b = Session.builder().hostname(transport + ":127.0.0.1:" + trapd.port()).timeout(2).retries(1);
        settings.accept(b);
        return b.build();
    }

    @Test
    void v2cTrapsAndInformsLogAsNetSnmpsOverUdpAndTcp() {
        for (String transport : List.of("udp", "tcp")) {
            List<String> trapArgs = new ArrayList<>(List.of("12345", TRAP_OID));
            trapArgs.addAll(payloadArgs("v2c trap " + transport));
            try (Session s = session(transport, b -> b.version(2).community("public"))) {
                sameLine("v2c trap over " + transport, tool("snmptrap", List.of("-v2c", "-c", "public"), transport,
                        trapArgs), () -> s.trap(TRAP_OID, payload("v2c trap " + transport)));
                List<String> informArgs = new ArrayList<>(List.of("12345", TRAP_OID));
                informArgs.addAll(payloadArgs("v2c inform " + transport));
                sameLine("v2c inform over " + transport, tool("snmpinform", List.of("-v2c", "-c", "public"),
                        transport, informArgs), () -> s.inform(TRAP_OID, payload("v2c inform " + transport)));
            }
        }
    }

    @Test
    void v1TrapsLogAsNetSnmps() {
        for (String transport : List.of("udp", "tcp")) {
            List<String> args = new ArrayList<>(List.of(".1.3.6.1.4.1.8072.9999", "192.0.2.7", "6", "17", "12345"));
            args.addAll(payloadArgs("v1 trap"));
            try (Session s = session(transport, b -> b.version(1).community("public"))) {
                sameLine("v1 trap over " + transport, tool("snmptrap", List.of("-v1", "-c", "public"), transport, args),
                        () -> s.trapV1(".1.3.6.1.4.1.8072.9999", "192.0.2.7", 6, 17, payload("v1 trap")));
                // the generic traps too (coldStart .. egpNeighborLoss), each with its own enterprise
                List<String> a2 = List.of("SNMPv2-MIB::snmpTraps", "192.0.2.8", "2", "0", "777");
                sameLine("v1 linkDown over " + transport, tool("snmptrap", List.of("-v1", "-c", "public"), transport,
                        a2), () -> s.trapV1("SNMPv2-MIB::snmpTraps", "192.0.2.8", 2, 0,
                                List.of(SnmpVariable.of("sysUpTime.0", "777"))));
            }
        }
    }

    @Test
    void v3TrapsOfEveryUserLogAsNetSnmps() {
        String netSnmpEngine = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(0);
        String varbindEngine = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(1);
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            String transport = u.name().startsWith("sha256") ? "tcp" : "udp";
            List<String> options = netSnmpOptions(u);
            options.addAll(List.of("-e", netSnmpEngine));
            List<String> args = new ArrayList<>(List.of("12345", TRAP_OID));
            args.addAll(payloadArgs("v3 trap " + u.name()));
            try (Session s = session(transport, b -> v3(b, u).securityEngineId(varbindEngine))) {
                sameLine("v3 trap of " + u.name() + " over " + transport, tool("snmptrap", options, transport, args),
                        () -> s.trap(TRAP_OID, payload("v3 trap " + u.name())));
            }
        }
    }

    @Test
    void v3InformsOfEveryUserDiscoverTheReceiver() {
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            String transport = u.name().startsWith("md5") ? "tcp" : "udp";
            List<String> options = netSnmpOptions(u);
            List<String> args = new ArrayList<>(List.of("12345", TRAP_OID));
            args.addAll(payloadArgs("v3 inform " + u.name()));
            try (Session s = session(transport, b -> v3(b, u))) {
                sameLine("v3 inform of " + u.name() + " over " + transport,
                        tool("snmpinform", options, transport, args),
                        () -> s.inform(TRAP_OID, payload("v3 inform " + u.name())));
            }
        }
    }

    /** snmpcmd's v3 options for {@code u}. */
    private static List<String> netSnmpOptions(SnmpdAgent.User u) {
        List<String> options = new ArrayList<>(List.of("-v3", "-l", u.level(), "-u", u.name()));
        if (u.auth() != null) {
            options.addAll(List.of("-a", u.auth(), "-A", u.authPassword()));
        }
        if (u.priv() != null) {
            options.addAll(List.of("-x", u.priv(), "-X", u.privPassword()));
        }
        return options;
    }

    private static Session.Builder v3(Session.Builder b, SnmpdAgent.User u) {
        b.version(3).securityUsername(u.name()).securityLevel(u.level());
        if (u.auth() != null) {
            b.authProtocol(u.auth()).authPassword(u.authPassword());
        }
        if (u.priv() != null) {
            b.privacyProtocol(u.priv()).privacyPassword(u.privPassword());
        }
        return b;
    }

    @Test
    void theEnginesUptimeAndATrapOidGoFirstWhenNotGiven() {
        int before = trapd.lines().size();
        Easy.snmpTrap("IF-MIB::linkUp", List.of(SnmpVariable.of("ifIndex.3", "3")),
                b -> b.hostname("127.0.0.1:" + trapd.port()).version(2));
        String line = lastLineAfter(before, "Easy.snmpTrap");
        assertTrue(line.matches(".*vars: \\.1\\.3\\.6\\.1\\.2\\.1\\.1\\.3\\.0 = Timeticks: \\(\\d+\\) [^\t]*\t"
                + "\\.1\\.3\\.6\\.1\\.6\\.3\\.1\\.1\\.4\\.1\\.0 = OID: \\.1\\.3\\.6\\.1\\.6\\.3\\.1\\.1\\.5\\.4\t"
                + "\\.1\\.3\\.6\\.1\\.2\\.1\\.2\\.2\\.1\\.1\\.3 = INTEGER: 3$"), line);
        Easy.snmpInform("IF-MIB::linkDown", List.of(), b -> b.hostname("127.0.0.1:" + trapd.port()).version(2));
        // (a retry under load may log it twice: snmptrapd does not drop duplicate informs)
        List<String> lines = trapd.awaitLines(before + 2, 10);
        assertTrue(lines.size() >= before + 2 && lines.get(before + 1).contains("OID: .1.3.6.1.6.3.1.1.5.3"),
                trapd.log());
    }

    @Test
    void v3TrapsFromOneEngineShareItsClockAcrossSessions() {
        // a second session sending as the same engine must not go back in time: snmptrapd would drop it
        String engine = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(1);
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        int before = trapd.lines().size();
        for (int i = 0; i < 3; i++) {
            try (Session s = session("udp", b -> v3(b, u).securityEngineId(engine))) {
                s.trap(TRAP_OID, List.of());
            }
        }
        assertEquals(before + 3, trapd.awaitLines(before + 3, 10).size(), trapd.log());
    }

    /**
     * A sender that restarts (a new {@code SnmpEngine}, the same {@code securityEngineId}) is still
     * heard: with nothing persisted its clock is the wall clock, which never goes back. One that
     * counts its own boots must raise them on restart (RFC 3414 section 2.2.2): the same boots
     * with its time begun again is more than 150 s behind what snmptrapd cached, and snmptrapd
     * drops that trap without a word; boots + 1 is heard.
     */
    @Test
    void aSenderThatRestartsIsStillHeard() {
        String engine = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(2); // this test's own: snmptrapd caches its clock
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        int before = trapd.lines().size();
        for (String run : List.of("first run", "after a restart")) {
            sendFromFreshEngine(engine, u, 0, 0, "wall clock, " + run);
        }
        List<String> lines = trapd.awaitLines(before + 2, 10);
        assertEquals(before + 2, lines.size(), trapd.log());
        assertTrue(lines.get(before + 1).contains("wall clock, after a restart"), lines.get(before + 1));
        // counted boots (higher than the wall clock's 1): boots 5 at 1000 s, then a restart
        sendFromFreshEngine(engine, u, 5, 1000, "boots 5");
        sendFromFreshEngine(engine, u, 5, 1, "boots 5 again, time begun again");
        sendFromFreshEngine(engine, u, 6, 1, "boots 6");
        lines = trapd.awaitLines(before + 4, 10);
        assertEquals(before + 4, lines.size(), trapd.log());
        assertTrue(lines.get(before + 2).contains("boots 5") && lines.get(before + 3).contains("boots 6"),
                "the trap 999 s behind was heard: " + trapd.log());
    }

    private static void sendFromFreshEngine(String engineId, SnmpdAgent.User u, int boots, int time, String text) {
        try (SnmpEngine fresh = SnmpEngine.create();
                Session s = session("udp", b -> v3(b, u).engine(fresh).securityEngineId(engineId).engineBoots(boots)
                        .engineTime(time))) {
            s.trap(TRAP_OID, List.of(SnmpVariable.of(".1.3.6.1.4.1.8072.9999.1", text, "s")));
        }
    }

    @Test
    void informFailuresAreTyped() {
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        try (Session s = session("udp", b -> v3(b, u).authPassword("wrong_password"))) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.inform(TRAP_OID, List.of()));
            assertTrue(e.getMessage().contains("usmStatsWrongDigests"), e.getMessage());
        }
        // no receiver: a timeout after the retries, as for a GET
        try (Session s = Session.builder().hostname("127.0.0.1:9").version(2).timeout(0.2).retries(1).build()) {
            assertThrows(SnmpTimeoutException.class, () -> s.inform(TRAP_OID, List.of()));
        }
        // a wrong community is not acknowledged either (snmptrapd drops it)
        try (Session s = session("udp", b -> b.version(2).community("wrongcommunity").timeout(0.3))) {
            CompletableFuture<Void> f = s.informAsync(TRAP_OID, List.of());
            assertThrows(SnmpTimeoutException.class, () -> {
                try {
                    f.join();
                } catch (java.util.concurrent.CompletionException ce) {
                    throw ce.getCause();
                }
            });
        }
    }

    @Test
    void versionMismatchesAndBadArgumentsAreRefused() {
        try (Session v1 = session("udp", b -> b.version(1)); Session v2 = session("udp", b -> b.version(2))) {
            assertThrows(SnmpException.class, () -> v1.trap(TRAP_OID, List.of()));
            assertThrows(SnmpException.class, () -> v1.inform(TRAP_OID, List.of()));
            assertThrows(SnmpException.class, () -> v2.trapV1("", "", 6, 1, List.of()));
            assertThrows(IllegalArgumentException.class, () -> v1.trapV1("", "", 7, 1, List.of()));
            assertThrows(IllegalArgumentException.class, () -> v1.trapV1("", "::1", 6, 1, List.of()));
            assertThrows(IllegalArgumentException.class,
                    () -> v2.trap(TRAP_OID, List.of(SnmpVariable.of("sysUpTime.0", "x"))));
            assertThrows(io.varbind.SnmpUnknownObjectIdException.class, () -> v2.trap("NO-SUCH-MIB::x", List.of()));
        }
    }
}
