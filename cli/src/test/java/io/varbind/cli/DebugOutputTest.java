package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.agent.SnmpAgent;
import io.varbind.agent.Endpoint;
import io.varbind.agent.UsmAgentProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -d} and {@code -D TOKEN} print the library's debug lines on stderr (in a separate JVM, as
 * the backend reads its settings once), and no community or pass phrase ever appears in them.
 */
class DebugOutputTest {
    private static final String COMMUNITY = "c0mmunity-S3cret";
    private static final String AUTH = "auth-Pass-S3cret";
    private static final String PRIV = "priv-Pass-S3cret";
    private static SnmpAgent agent;
    private static String target;

    @BeforeAll
    static void start() {
        agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").community(COMMUNITY)
                .user("dbg", "SHA", AUTH, "AES", PRIV).build();
        target = "udp:127.0.0.1:" + agent.udpEndpoints().get(0).getPort();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private record Run(int code, String out, String err) { }

    private static Run varbind(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "varbind did not end");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void noSecrets(Run r) {
        for (String s : List.of(COMMUNITY, AUTH, PRIV, "wrong-" + COMMUNITY, "wrong-" + AUTH)) {
            assertFalse(r.err().contains(s) || r.out().contains(s), "a secret in the output: " + r);
        }
    }

    @Test
    void debugShowsRetriesAndTimeoutsWithoutTheCommunity() throws Exception {
        Run r = varbind("get", "-d", "-v2c", "-c", "wrong-" + COMMUNITY, "-t", "0.2", "-r", "1", target, "sysDescr.0");
        assertEquals(Main.EXIT_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("DEBUG io.varbind.engine - no answer from") && r.err().contains("sending again"),
                r.err());
        noSecrets(r);

        Run quiet = varbind("get", "-v2c", "-c", "wrong-" + COMMUNITY, "-t", "0.2", "-r", "1", target, "sysDescr.0");
        assertFalse(quiet.err().contains("DEBUG"), quiet.err());
    }

    @Test
    void v3DebugShowsReportsWithoutPassPhrases() throws Exception {
        Run ok = varbind("get", "-D", "engine", "-v3", "-l", "authPriv", "-u", "dbg", "-a", "SHA", "-A", AUTH,
                "-x", "AES", "-X", PRIV, target, "sysDescr.0");
        assertEquals(Main.EXIT_OK, ok.code(), ok.toString());
        noSecrets(ok);
        Run wrong = varbind("get", "-d", "-v3", "-l", "authPriv", "-u", "dbg", "-a", "SHA", "-A", "wrong-" + AUTH,
                "-x", "AES", "-X", PRIV, "-t", "0.3", "-r", "0", target, "sysDescr.0");
        assertEquals(Main.EXIT_ERROR, wrong.code(), wrong.toString());
        // the agent's usmStatsWrongDigests report, refused or reported at DEBUG
        assertTrue(wrong.err().contains("DEBUG io.varbind.engine - "), wrong.err());
        noSecrets(wrong);
    }
}
