package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmptrapdReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./varbind trapd} beside {@code snmptrapd -f -Lo}: the same notifications (v1, v2c traps
 * and informs, v3 traps and informs, UDP and TCP), sent by Net-SNMP's tools to both, must print
 * the same after the timestamp (ports, which differ, masked), under the same -O flags and MIBs;
 * SIGTERM ends trapd with "N notifications received" and exit status 0.
 */
@Tag("agent")
class TrapdCommandTest {
    private static final String SENDER = SnmptrapdReceiver.SENDER_ENGINE_IDS.get(0);

    /** A trapd in its own JVM (signals are per process), on the test's classpath. */
    private static Process trapd(Path dir, int port, List<String> flags) throws Exception {
        return trapd(dir, "127.0.0.1", port, flags);
    }

    private static Process trapd(Path dir, String host, int port, List<String> flags) throws Exception {
        return trapd(dir, "udp:" + host + ":" + port + ",tcp:" + host + ":" + port, flags);
    }

    private static Process trapd(Path dir, String listen, List<String> flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.varbind.cli.Main", "trapd",
                "--listen", listen, "-c", "public",
                "--engine-id", SnmptrapdReceiver.ENGINE_ID_HEX, "-M", NetSnmpTools.mibDirs()));
        for (SnmpdAgent.User u : List.of(SnmpdAgent.user("sha_aes"), SnmpdAgent.user("noauth"),
                SnmpdAgent.user("md5_des"))) {
            String keys = u.auth() == null ? "" : ":" + u.auth() + ":" + u.authPassword()
                    + (u.priv() == null ? "" : ":" + u.priv() + ":" + u.privPassword());
            cmd.addAll(List.of("--user", SENDER + "@" + u.name() + keys, "--user", u.name() + keys));
        }
        cmd.addAll(flags);
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(dir.resolve("err")).contains("listening") && System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), Files.readString(dir.resolve("err")));
            Thread.sleep(50);
        }
        return p;
    }

    private static List<List<String>> senders(String agent) {
        List<List<String>> all = new ArrayList<>();
        List<String> payload = List.of("IF-MIB::ifIndex.2", "i", "2", "ifAdminStatus.2", "i", "2",
                "SNMPv2-MIB::sysLocation.0", "s", "room \"7\"", ".1.3.6.1.4.1.8072.9999.1", "x", "0a 00 41",
                ".1.3.6.1.4.1.8072.9999.2", "a", "10.0.0.1", ".1.3.6.1.4.1.8072.9999.3", "c", "42",
                ".1.3.6.1.4.1.8072.9999.4", "o", "IF-MIB::ifTable");
        for (String t : List.of("udp:", "tcp:")) {
            List<String> v1 = new ArrayList<>(List.of("snmptrap", "-v1", "-c", "public", t + agent,
                    ".1.3.6.1.4.1.8072.9999", "192.0.2.5", "6", "17", "4321"));
            v1.addAll(payload);
            all.add(v1);
            all.add(new ArrayList<>(List.of("snmptrap", "-v1", "-c", "public", t + agent, "", "192.0.2.6", "0", "0",
                    "1")));
            all.add(new ArrayList<>(List.of("snmptrap", "-v1", "-c", "public", t + agent, "SNMPv2-MIB::snmpTraps",
                    "192.0.2.6", "3", "0", "100", "ifIndex.4", "i", "4")));
            List<String> v2 = new ArrayList<>(List.of("snmptrap", "-v2c", "-c", "public", t + agent, "12345",
                    "IF-MIB::linkUp"));
            v2.addAll(payload);
            all.add(v2);
            List<String> inform = new ArrayList<>(List.of("snmpinform", "-v2c", "-c", "public", t + agent, "99",
                    "IF-MIB::linkDown"));
            inform.addAll(payload);
            all.add(inform);
            all.add(new ArrayList<>(List.of("snmptrap", "-v3", "-l", "authPriv", "-u", "sha_aes", "-a", "SHA", "-A",
                    "sha_aes_authpw", "-x", "AES", "-X", "sha_aes_privpw", "-e", SENDER, t + agent, "77",
                    "SNMPv2-MIB::coldStart", "sysLocation.0", "s", "v3")));
            all.add(new ArrayList<>(List.of("snmpinform", "-v3", "-l", "authPriv", "-u", "md5_des", "-a", "MD5", "-A",
                    "md5_des_authpw", "-x", "DES", "-X", "md5_des_privpw", t + agent, "78", "SNMPv2-MIB::warmStart")));
            all.add(new ArrayList<>(List.of("snmptrap", "-v3", "-l", "noAuthNoPriv", "-u", "noauth", "-e", SENDER,
                    t + agent, "79", "SNMPv2-MIB::warmStart")));
        }
        for (List<String> cmd : all) {
            cmd.addAll(1, List.of("-m", "SNMPv2-MIB:IF-MIB")); // not every MIB per run: the tools start faster
        }
        return all;
    }

    /** The printed entries, timestamps dropped and the ports that differ between the two masked. */
    private static String normalized(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("NET-SNMP version") || line.startsWith("Created directory")
                    || line.startsWith("set SSL cipher list") || line.startsWith("A SNMP version other than 3")) {
                continue;
            }
            String l = line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*") ? line.substring(20) : line;
            sb.append(l.replaceAll("\\]:\\d+->", "]:SPORT->").replaceAll("->\\[127\\.0\\.0\\.1\\]:\\d+", "->[127.0.0.1]:DPORT"))
                    .append('\n');
        }
        return sb.toString().strip();
    }

    private static void compare(List<String> flags) throws Exception {
        Path dir = Files.createTempDirectory("varbind-trapd-test");
        int port = SnmpdAgent.freePort();
        try (SnmptrapdReceiver netSnmp = SnmptrapdReceiver.startDefaultFormat(flags)) {
            Process mine = trapd(dir, port, flags);
            try {
                List<List<String>> senders = senders("127.0.0.1:" + port);
                for (List<String> cmd : senders) {
                    List<String> toNetSnmp = new ArrayList<>(cmd);
                    for (int i = 0; i < toNetSnmp.size(); i++) {
                        toNetSnmp.set(i, toNetSnmp.get(i).replace(":" + port, ":" + netSnmp.port()));
                    }
                    // one after the other, so that both print in the same order
                    assertEquals(0, NetSnmpTools.run(dir, toNetSnmp).exitCode(), "to snmptrapd: " + toNetSnmp);
                    int entries = entries(awaitEntries(netSnmp::log, 1 + senders.indexOf(cmd)));
                    assertEquals(0, NetSnmpTools.run(dir, cmd).exitCode(), "to trapd: " + cmd);
                    awaitEntries(() -> read(dir.resolve("out")), entries);
                }
                String expected = normalized(awaitEntries(netSnmp::log, senders.size()));
                String actual = normalized(awaitEntries(() -> read(dir.resolve("out")), senders.size()));
                assertEquals(expected, actual, "flags " + flags);
            } finally {
                mine.destroy(); // SIGTERM
                assertTrue(mine.waitFor(20, TimeUnit.SECONDS));
            }
            assertEquals(0, mine.exitValue(), read(dir.resolve("err")));
            String err = read(dir.resolve("err"));
            assertTrue(err.contains("\n" + senders("x").size() + " notifications received"), err);
        }
    }

    /** How many notifications a snmptrapd-style output holds (one timestamped header each). */
    private static int entries(String out) {
        return (int) out.lines().filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*")
                && !l.contains("NET-SNMP version")).count();
    }

    private static String awaitEntries(java.util.function.Supplier<String> text, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String s = text.get();
        while (entries(s) < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
            s = text.get();
        }
        return s;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Both bound to 0.0.0.0 (issue 17): trapd prints each datagram's destination address as
     * snmptrapd does ({@code UDP: [src]:port->[dst]:port}), for traps, v1 traps and informs sent
     * to several loopback addresses, not the wildcard it is bound to. Only the ports are masked.
     */
    @Test
    void aWildcardEndpointPrintsEachDatagramsDestinationAsSnmptrapdDoes() throws Exception {
        NetSnmpTools.requireInstalled();
        Path dir = Files.createTempDirectory("varbind-trapd-test");
        int port = SnmpdAgent.freePort();
        List<String> flags = List.of("-On");
        try (SnmptrapdReceiver netSnmp = SnmptrapdReceiver.startDefaultFormat(flags, "0.0.0.0")) {
            Process mine = trapd(dir, "0.0.0.0", port, flags);
            int n = 0;
            try {
                for (String host : List.of("127.0.0.1", "127.0.0.2", "127.3.4.5")) {
                    for (List<String> cmd : List.of(
                            List.of("snmptrap", "-v2c", "-c", "public", "udp:" + host + ":PORT", "5", "IF-MIB::linkUp",
                                    "ifIndex.2", "i", "2"),
                            List.of("snmptrap", "-v1", "-c", "public", "udp:" + host + ":PORT",
                                    ".1.3.6.1.4.1.8072.9999", "192.0.2.5", "6", "17", "4321"),
                            List.of("snmpinform", "-v2c", "-c", "public", "udp:" + host + ":PORT", "6",
                                    "IF-MIB::linkDown"))) {
                        n++;
                        for (int p : new int[] {netSnmp.port(), port}) {
                            List<String> c = new ArrayList<>(cmd);
                            c.replaceAll(a -> a.replace("PORT", String.valueOf(p)));
                            c.addAll(1, List.of("-m", "SNMPv2-MIB:IF-MIB"));
                            assertEquals(0, NetSnmpTools.run(dir, c).exitCode(), c.toString());
                        }
                        awaitEntries(netSnmp::log, n);
                        awaitEntries(() -> read(dir.resolve("out")), n);
                    }
                }
                String expected = anyPorts(awaitEntries(netSnmp::log, n));
                String actual = anyPorts(awaitEntries(() -> read(dir.resolve("out")), n));
                assertEquals(expected, actual);
                for (String host : List.of("127.0.0.2", "127.3.4.5")) {
                    assertTrue(actual.contains("->[" + host + "]:DPORT"), actual);
                }
            } finally {
                // SIGINT here (the others send SIGTERM): the same count line and exit status
                new ProcessBuilder("kill", "-INT", Long.toString(mine.pid())).inheritIO().start().waitFor();
                assertTrue(mine.waitFor(20, TimeUnit.SECONDS));
            }
            assertEquals(0, mine.exitValue(), read(dir.resolve("err")));
            // every entry printed is counted (an inform retried under load is printed and counted twice)
            int printed = entries(read(dir.resolve("out")));
            assertTrue(printed >= n, read(dir.resolve("out")));
            String err = read(dir.resolve("err"));
            assertTrue(err.contains("\n" + printed + " notifications received"), err);
        }
    }

    /** {@link #normalized} with every address's destination port masked, not 127.0.0.1's only. */
    private static String anyPorts(String out) {
        return normalized(out).replaceAll("(->\\[[0-9.]+\\]):\\d+", "$1:DPORT");
    }

    /**
     * Over DTLS and TLS (issue 17): snmptrap and snmpinform reach both receivers, and trapd's entries
     * are snmptrapd's ({@code DTLSUDP: unknown [DTLSUDP: unknown]:}, {@code TLSTCP: 127.0.0.1:PORT
     * [TLSTCP: 127.0.0.1:PORT]:}), the listening ports masked. snmptrap over dtlsudp sends while it
     * closes, giving the handshake about 300 ms: it failed against trapd before its flights were
     * packed into one datagram each (it still may in a JVM whose DTLS code is not compiled yet, under
     * load: an inform comes first).
     */
    @Test
    void secureNotificationsPrintWhatSnmptrapdPrints() throws Exception {
        NetSnmpTools.requireInstalled();
        Path dir = Files.createTempDirectory("varbind-trapd-test");
        Path certs = io.varbind.testing.TlsAgent.certificateCopy(dir.resolve("netsnmp-client"));
        String managerFp = io.varbind.testing.TlsAgent.fingerprintOf(certs.resolve("tls/certs/manager.crt"));
        String agentFp = io.varbind.testing.TlsAgent.fingerprintOf(certs.resolve("tls/certs/agent.crt"));
        int port = SnmpdAgent.freePort();
        List<String> flags = List.of("-On");
        try (SnmptrapdReceiver netSnmp = SnmptrapdReceiver.startSecure(flags)) {
            List<String> tlsFlags = new ArrayList<>(flags);
            tlsFlags.addAll(List.of("-T", "local_cert=" + certs.resolve("tls/certs/agent.crt"),
                    "-T", "trust_cert=" + certs.resolve("tls/ca-certs/ca.crt"),
                    "-T", "cert_sec_name=10 --sha256 " + managerFp + " --sn tlsmanager", "-T", "tsm_user=tlsmanager"));
            Process mine = trapd(dir, "dtls:127.0.0.1:" + port + ",tls:127.0.0.1:" + port, tlsFlags);
            int n = 0;
            try {
                for (String t : List.of("dtlsudp", "tlstcp")) {
                    // an inform first: it is retried, so a slow first handshake of a fresh JVM costs no entry
                    for (String tool : List.of("snmpinform", "snmptrap", "snmptrap")) {
                        n++;
                        // a trap over DTLS is lossy (snmptrap gives the handshake about 300 ms, and exits 0
                        // either way): under heavy load it may take a second or third send, to either side
                        int attempts = tool.equals("snmptrap") && t.equals("dtlsudp") ? 3 : 1;
                        for (int p : new int[] {netSnmp.port(), port}) {
                            List<String> c = new ArrayList<>(List.of(tool, "-m", "SNMPv2-MIB:IF-MIB", "-v3", "-r", "1",
                                    "-t", "5", "-T", "our_identity=manager", "-T", "their_identity=" + agentFp));
                            if (t.equals("tlstcp")) {
                                c.add("--tlsAlgorithms=DEFAULT:@SECLEVEL=0"); // 5.9.3: TLS 1.0 under OpenSSL 3
                            }
                            c.addAll(List.of(t + ":127.0.0.1:" + p, String.valueOf(n), "IF-MIB::linkUp",
                                    "IF-MIB::ifIndex.2", "i", String.valueOf(n), ".1.3.6.1.4.1.8072.9999.1", "s",
                                    tool + " over " + t));
                            java.util.function.Supplier<String> log = p == port ? () -> read(dir.resolve("out"))
                                    : netSnmp::log;
                            for (int a = 0; a < attempts && entries(log.get()) < n; a++) {
                                NetSnmpTools.Result r = NetSnmpTools.run(dir, c);
                                assertEquals(0, r.exitCode(), c + ": " + r.err());
                                awaitEntries(log, n);
                            }
                        }
                    }
                }
                String expected = securePorts(awaitEntries(netSnmp::log, n));
                String actual = securePorts(awaitEntries(() -> read(dir.resolve("out")), n));
                assertEquals(expected, actual, read(dir.resolve("err")));
                assertEquals(n, entries(read(dir.resolve("out"))), actual);
                assertTrue(actual.contains("DTLSUDP: unknown [DTLSUDP: unknown]:")
                        && actual.contains("TLSTCP: 127.0.0.1:LPORT [TLSTCP: 127.0.0.1:LPORT]:"), actual);
            } finally {
                mine.destroy();
                assertTrue(mine.waitFor(20, TimeUnit.SECONDS));
            }
        }
    }

    /** {@link #normalized} with the listening port of {@code TLSTCP: host:port} masked. */
    private static String securePorts(String out) {
        return normalized(out).replaceAll("(TLSTCP: [0-9.]+):\\d+", "$1:LPORT");
    }

    @Test
    void printsWhatSnmptrapdPrintsWithNumericOids() throws Exception {
        NetSnmpTools.requireInstalled();
        compare(List.of("-On"));
    }

    @Test
    void printsWhatSnmptrapdPrintsWithMibNames() throws Exception {
        NetSnmpTools.requireInstalled();
        compare(List.of());
    }

    @Test
    void jsonHasOneObjectPerNotificationWithEasysnmpsFields() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        TrapdFormat format = new TrapdFormat(new NetSnmpOutput(io.varbind.mib.MibTree.defaultTree(),
                io.varbind.format.OutputOptions.parse("")), false);
        int port = SnmpdAgent.freePort();
        io.varbind.agent.NotificationReceiver.Builder b = io.varbind.agent.NotificationReceiver.builder()
                .listen("udp:127.0.0.1:" + port).community("public")
                .onNotification(n -> lines.add(format.json(n, java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5))));
        TrapdCommand.addUser(b, SENDER + "@sha_aes:SHA:sha_aes_authpw:AES:sha_aes_privpw");
        try (io.varbind.agent.NotificationReceiver r = b.build();
                io.varbind.Session s = io.varbind.Session.builder().hostname("127.0.0.1:" + port).version(3)
                        .securityUsername("sha_aes").securityLevel("authPriv").authProtocol("SHA")
                        .authPassword("sha_aes_authpw").privacyProtocol("AES").privacyPassword("sha_aes_privpw")
                        .securityEngineId(SENDER).build();
                io.varbind.Session v1 = io.varbind.Session.builder().hostname("127.0.0.1:" + port).version(1)
                        .build()) {
            s.trap("IF-MIB::linkUp", List.of(io.varbind.SnmpVariable.of("sysUpTime.0", "42"),
                    io.varbind.SnmpVariable.of("ifAdminStatus.3", "up")));
            v1.trapV1(".1.3.6.1.4.1.8072", "192.0.2.1", 6, 5, List.of(io.varbind.SnmpVariable.of("sysUpTime.0", "7")));
            String json = lines.poll(10, TimeUnit.SECONDS);
            assertTrue(json != null && json.startsWith("{\"time\":\"2026-01-02 03:04:05\",\"transport\":\"udp\","
                    + "\"source\":\"127.0.0.1\""), json);
            assertTrue(json.contains(",\"version\":\"3\",\"kind\":\"trap\",\"security_name\":\"sha_aes\","
                    + "\"security_level\":\"authPriv\",\"context\":\"\",\"trap_oid\":\".1.3.6.1.6.3.1.1.5.4\","
                    + "\"uptime\":42,\"variables\":[{\"oid\":\"sysUpTimeInstance\",\"oid_index\":\"\",\"value\":\"42\","
                    + "\"snmp_type\":\"TICKS\"},"), json);
            assertTrue(json.endsWith("{\"oid\":\"ifAdminStatus\",\"oid_index\":\"3\",\"value\":\"1\","
                    + "\"snmp_type\":\"INTEGER\"}]}"), json);
            String v1json = lines.poll(10, TimeUnit.SECONDS);
            assertTrue(v1json != null && v1json.contains("\"version\":\"1\",\"kind\":\"trap1\",\"community\":\"public\","
                    + "\"trap_oid\":\".1.3.6.1.4.1.8072.0.5\",\"uptime\":7,\"enterprise\":\".1.3.6.1.4.1.8072\","
                    + "\"agent_address\":\"192.0.2.1\",\"generic_trap\":6,\"specific_trap\":5,\"variables\":[]}"), v1json);
        }
    }
}
