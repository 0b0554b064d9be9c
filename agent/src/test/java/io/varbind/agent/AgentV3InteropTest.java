package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpConnectionException;
import io.varbind.SnmpVariable;
import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.NetSnmpTools.Result;
import io.varbind.testing.SnmpdAgent;
import io.varbind.usm.UsmStats;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in agent's SNMPv3 (an authoritative USM engine) against Net-SNMP's own snmpget,
 * snmpwalk and snmpset for every auth x priv combination Net-SNMP has, over UDP and TCP; reports
 * for unknown users, wrong digests, wrong privacy keys and unsupported levels; read-only users
 * refused a SET; Varbind's own Session as the manager; garbage between good requests.
 */
@Tag("agent")
class AgentV3InteropTest {
    static final String ENGINE_ID = "80000000051122334455667788";

    @TempDir
    static Path dir;
    static SnmpAgent agent;
    static String udp;
    static String tcp;

    @BeforeAll
    static void start() {
        NetSnmpTools.requireInstalled();
        SnmpAgent.Builder b = SnmpAgent.builder().listen("udp:127.0.0.1:0,tcp:127.0.0.1:0").community("public")
                .engineId(ENGINE_ID).engineBoots(3).demoData();
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            b.user(u.name(), u.auth(), u.authPassword(), u.priv(), u.privPassword());
        }
        SnmpdAgent.User ro = SnmpdAgent.READONLY;
        b.readOnlyUser(ro.name(), ro.auth(), ro.authPassword(), ro.priv(), ro.privPassword());
        agent = b.build();
        udp = "udp:127.0.0.1:" + agent.udpEndpoints().get(0).getPort();
        tcp = "tcp:127.0.0.1:" + agent.tcpEndpoints().get(0).getPort();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    static List<String> v3(SnmpdAgent.User u, String authPassword, String privPassword) {
        List<String> a = new ArrayList<>(List.of("-v3", "-r", "0", "-t", "2", "-l", u.level(), "-u", u.name()));
        if (u.auth() != null) {
            a.addAll(List.of("-a", u.auth(), "-A", authPassword));
        }
        if (u.priv() != null) {
            a.addAll(List.of("-x", u.priv(), "-X", privPassword));
        }
        return a;
    }

    static Result netSnmp(String tool, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/" + tool));
        cmd.addAll(args);
        return NetSnmpTools.run(dir, cmd);
    }

    @Test
    void everyUserOfEveryCombinationGetsAnswersFromSnmpget() {
        for (SnmpdAgent.User u : SnmpdAgent.USERS) {
            List<String> a = v3(u, u.authPassword(), u.privPassword());
            a.addAll(List.of("-On", u.name().hashCode() % 2 == 0 ? udp : tcp, ".1.3.6.1.2.1.1.5.0"));
            Result r = netSnmp("snmpget", a);
            assertEquals(".1.3.6.1.2.1.1.5.0 = STRING: varbind-demo\n", r.out(), u + ": " + r.err());
        }
    }

    @Test
    void walkAndSetOverUdpAndTcpAndReadOnlyUsersAreRefused() {
        SnmpdAgent.User u = SnmpdAgent.user("sha256_aes256c");
        for (String target : List.of(udp, tcp)) {
            List<String> walk = v3(u, u.authPassword(), u.privPassword());
            walk.addAll(List.of("-On", target, ".1.3.6.1.2.1.2.2.1.2"));
            Result w = netSnmp("snmpbulkwalk", walk);
            assertTrue(w.out().startsWith(".1.3.6.1.2.1.2.2.1.2.1 = STRING: "), w.out() + w.err());
            List<String> set = v3(u, u.authPassword(), u.privPassword());
            set.addAll(List.of("-On", target, ".1.3.6.1.2.1.1.6.0", "s", "set over " + target.substring(0, 3)));
            Result s = netSnmp("snmpset", set);
            assertEquals(".1.3.6.1.2.1.1.6.0 = STRING: set over " + target.substring(0, 3) + "\n", s.out(), s.err());
        }
        SnmpdAgent.User ro = SnmpdAgent.READONLY;
        List<String> set = v3(ro, ro.authPassword(), ro.privPassword());
        set.addAll(List.of(udp, ".1.3.6.1.2.1.1.6.0", "s", "not allowed"));
        Result s = netSnmp("snmpset", set);
        assertTrue(s.err().contains("noAccess"), s.err());
    }

    @Test
    void failuresAreTheReportsNetSnmpUnderstands() {
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        List<String> wrongAuth = v3(u, "a wrong password", u.privPassword());
        wrongAuth.addAll(List.of(udp, ".1.3.6.1.2.1.1.5.0"));
        assertTrue(netSnmp("snmpget", wrongAuth).err().contains("Authentication failure"));
        List<String> wrongPriv = v3(u, u.authPassword(), "a wrong privacy password");
        wrongPriv.addAll(List.of(udp, ".1.3.6.1.2.1.1.5.0"));
        assertTrue(netSnmp("snmpget", wrongPriv).err().contains("Decryption error"));
        SnmpdAgent.User nobody = new SnmpdAgent.User("nobody", "SHA", "nobody_authpw", null, null);
        List<String> unknown = v3(nobody, nobody.authPassword(), null);
        unknown.addAll(List.of(udp, ".1.3.6.1.2.1.1.5.0"));
        assertTrue(netSnmp("snmpget", unknown).err().contains("Unknown user name"));
        SnmpdAgent.User noPriv = SnmpdAgent.user("md5_none");
        SnmpdAgent.User asPriv = new SnmpdAgent.User(noPriv.name(), "MD5", noPriv.authPassword(), "DES", "des_privpw");
        List<String> level = v3(asPriv, asPriv.authPassword(), asPriv.privPassword());
        level.addAll(List.of(udp, ".1.3.6.1.2.1.1.5.0"));
        assertTrue(netSnmp("snmpget", level).err().contains("Unsupported security level"));
        assertTrue(agent.statistics().usm(UsmStats.WRONG_DIGESTS).sum() >= 1);
        assertTrue(agent.statistics().usm(UsmStats.DECRYPTION_ERRORS).sum() >= 1);
        assertTrue(agent.statistics().usm(UsmStats.UNKNOWN_USER_NAMES).sum() >= 1);
        assertTrue(agent.statistics().usm(UsmStats.UNKNOWN_ENGINE_IDS).sum() >= 1, "discovery went through the engine-id report");
    }

    @Test
    void varbindsOwnSessionIsAManagerOfIt() throws Exception {
        SnmpdAgent.User u = SnmpdAgent.user("sha512_aes256");
        int port = agent.udpEndpoints().get(0).getPort();
        try (Session s = Session.builder().hostname("127.0.0.1").remotePort(port).version(3)
                .securityLevel("authPriv").securityUsername(u.name()).authProtocol(u.auth())
                .authPassword(u.authPassword()).privacyProtocol(u.priv()).privacyPassword(u.privPassword())
                .timeout(2).retries(0).build()) {
            SnmpVariable v = s.get("sysName.0");
            assertEquals("varbind-demo", v.value());
            assertTrue(s.bulkwalk("ifDescr").size() >= 2);
        }
        try (Session s = Session.builder().hostname("127.0.0.1").remotePort(port).version(3)
                .securityLevel("authPriv").securityUsername(u.name()).authProtocol(u.auth())
                .authPassword("not the password").privacyProtocol(u.priv()).privacyPassword(u.privPassword())
                .timeout(2).retries(0).build()) {
            SnmpConnectionException e = org.junit.jupiter.api.Assertions.assertThrows(SnmpConnectionException.class,
                    () -> s.get("sysName.0"));
            assertTrue(e.getMessage().contains("usmStatsWrongDigests"), e.getMessage());
        }
    }

    @Test
    void garbageV3PacketsDoNotStopIt() throws Exception {
        Random random = new Random(7);
        InetSocketAddress to = agent.udpEndpoints().get(0);
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                // a v3 header now and then, so the USM path gets the garbage too
                if (i % 2 == 0 && junk.length > 8) {
                    junk[0] = 0x30;
                    junk[1] = (byte) (junk.length - 2 < 128 ? junk.length - 2 : 0x7f);
                    junk[2] = 2;
                    junk[3] = 1;
                    junk[4] = 3;
                }
                s.send(new DatagramPacket(junk, junk.length, to));
            }
        }
        SnmpdAgent.User u = SnmpdAgent.user("sha_aes");
        List<String> a = v3(u, u.authPassword(), u.privPassword());
        a.addAll(List.of("-On", udp, ".1.3.6.1.2.1.1.5.0"));
        assertEquals(".1.3.6.1.2.1.1.5.0 = STRING: varbind-demo\n", netSnmp("snmpget", a).out());
    }
}
