package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.TlsAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./varbind agent -T ...} and {@code ./varbind trapd -T ...} listen on {@code tls:} and
 * {@code dtls:} with Net-SNMP-like settings (local_cert, trust_cert, cert_sec_name, tsm users), and
 * Net-SNMP's snmpget and snmpinform reach them; each command in its own JVM, as a user runs it.
 */
@Tag("agent")
class TlsListenCliTest {

    private static Process start(Path dir, Path certs, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.varbind.cli.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment().put("SNMPCONFPATH", certs.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(dir.resolve("err")).contains("listening") && System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), Files.readString(dir.resolve("err")));
            Thread.sleep(50);
        }
        return p;
    }

    private static String port(Path dir, String transport) throws Exception {
        Matcher m = Pattern.compile("\\b" + transport + ":127\\.0\\.0\\.1:(\\d+)").matcher(Files.readString(dir.resolve("err")));
        assertTrue(m.find(), Files.readString(dir.resolve("err")));
        return m.group(1);
    }

    @Test
    void agentAndTrapdListenOverTlsAndDtls(@TempDir Path dir) throws Exception {
        NetSnmpTools.requireInstalled();
        Path certs = TlsAgent.certificateCopy(dir.resolve("netsnmp-client"));
        String managerFp = TlsAgent.fingerprintOf(certs.resolve("tls/certs/manager.crt"));
        String agentFp = TlsAgent.fingerprintOf(certs.resolve("tls/certs/agent.crt"));
        List<String> tls = List.of("-T", "local_cert=agent", "-T", "trust_cert=ca",
                "-T", "cert_sec_name=10 --sha256 " + managerFp + " --sn tlsmanager");
        Path a = Files.createDirectories(dir.resolve("agent"));
        List<String> agentArgs = new ArrayList<>(List.of("agent", "--listen", "tls:127.0.0.1:0,dtls:127.0.0.1:0",
                "-T", "rw_tsm_user=tlsmanager"));
        agentArgs.addAll(tls);
        Process agent = start(a, certs, agentArgs);
        Path t = Files.createDirectories(dir.resolve("trapd"));
        List<String> trapdArgs = new ArrayList<>(List.of("trapd", "--listen", "tls:127.0.0.1:0,dtls:127.0.0.1:0",
                "-M", NetSnmpTools.mibDirs(), "-T", "tsm_user=tlsmanager"));
        trapdArgs.addAll(tls);
        Process trapd = start(t, certs, trapdArgs);
        try {
            List<String> id = List.of("-T", "our_identity=manager", "-T", "their_identity=" + agentFp);
            for (String target : List.of("dtlsudp:127.0.0.1:" + port(a, "dtls"),
                    "tlstcp:127.0.0.1:" + port(a, "tls"))) {
                List<String> get = new ArrayList<>(List.of("snmpget", "-v3", "-r", "1", "-t", "5",
                        "--tlsAlgorithms=DEFAULT:@SECLEVEL=0"));
                get.addAll(id);
                get.addAll(List.of("-On", target, "1.3.6.1.2.1.1.5.0"));
                NetSnmpTools.Result r = NetSnmpTools.run(dir, get);
                assertEquals(0, r.exitCode(), target + ": " + r.err());
                assertTrue(r.out().startsWith(".1.3.6.1.2.1.1.5.0 = STRING:"), r.out());
            }
            for (String target : List.of("dtlsudp:127.0.0.1:" + port(t, "dtls"),
                    "tlstcp:127.0.0.1:" + port(t, "tls"))) {
                List<String> inform = new ArrayList<>(List.of("snmpinform", "-v3", "-r", "1", "-t", "5",
                        "--tlsAlgorithms=DEFAULT:@SECLEVEL=0"));
                inform.addAll(id);
                inform.addAll(List.of(target, "", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.4.1.8072.9999.1", "s",
                        "cli over " + target.substring(0, target.indexOf(':'))));
                NetSnmpTools.Result r = NetSnmpTools.run(dir, inform);
                assertEquals(0, r.exitCode(), target + ": " + r.err());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String out = "";
            while (System.nanoTime() < deadline && !(out.contains("cli over tlstcp") && out.contains("cli over dtlsudp"))) {
                Thread.sleep(50);
                out = Files.readString(t.resolve("out"));
            }
            assertTrue(out.contains("\"cli over dtlsudp\"") && out.contains("\"cli over tlstcp\""), out);
        } finally {
            agent.destroy();
            trapd.destroy();
            agent.waitFor(20, TimeUnit.SECONDS);
            trapd.waitFor(20, TimeUnit.SECONDS);
        }
        assertTrue(Files.readString(t.resolve("err")).contains("2 notifications received"),
                Files.readString(t.resolve("err")));
    }
}
