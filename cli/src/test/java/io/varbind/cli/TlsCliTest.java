package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.NetSnmpTools;
import io.varbind.testing.TlsAgent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code ./varbind get} over TLS prints what Net-SNMP's snmpget prints for the same agent and identities. */
@Tag("agent")
class TlsCliTest {

    @Test
    void getOverTlsMatchesSnmpget() throws Exception {
        NetSnmpTools.requireInstalled();
        try (TlsAgent agent = TlsAgent.start(false)) {
            String fp = agent.fingerprint("agent");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"get", "-v3", "-T", "our_identity=" + agent.cert("manager"), "-T",
                "their_identity=" + fp, "tls:127.0.0.1:" + agent.port(), "sysDescr.0", "sysLocation.0"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

            // Net-SNMP's client finds identities by name under SNMPCONFPATH; the agent's shim lifts its TLS 1.0 cap
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/snmpget", "-v3", "-T", "our_identity=manager", "-T",
                    "their_identity=" + fp, "tlstcp:127.0.0.1:" + agent.port(), "sysDescr.0", "sysLocation.0");
            pb.environment().put("SNMPCONFPATH", agent.dir().toString());
            pb.environment().put("SNMP_PERSISTENT_DIR", agent.dir().resolve("client-persist").toString());
            pb.environment().put("LD_PRELOAD", agent.dir().resolve("tls-uncap.so").toString());
            pb.environment().put("MIBDIRS", NetSnmpTools.mibDirs());
            pb.environment().put("MIBS", "+ALL");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(List.of("SNMPv2-MIB::sysDescr.0 = STRING: " + TlsAgent.SYS_DESCR,
                    "SNMPv2-MIB::sysLocation.0 = STRING: tls test"), theirs.lines().toList());
            assertEquals(theirs, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aStockAgentAnswersWithAllowTls10() {
        try (TlsAgent stock = TlsAgent.start(false, true)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"get", "-v3", "-On", "-T", "our_identity=" + stock.cert("manager"), "-T",
                "their_identity=" + stock.fingerprint("agent"), "-T", "allow_tls10=yes",
                "tls:127.0.0.1:" + stock.port(), "sysDescr.0"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertEquals(".1.3.6.1.2.1.1.1.0 = STRING: " + TlsAgent.SYS_DESCR + "\n", out.toString(StandardCharsets.UTF_8));
        }
    }
}
