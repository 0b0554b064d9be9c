package io.varbind.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the fixture itself with Net-SNMP's own client tools, so that a failure of a Varbind
 * integration test can be blamed on Varbind and not on the agent's configuration.
 */
@Tag("agent")
class SnmpdAgentTest {

    private static String snmpget(SnmpdAgent agent, String... args) throws IOException, InterruptedException {
        Path snmpget = Path.of("/usr/bin/snmpget");
        if (!Files.isExecutable(snmpget)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("snmpget missing under CI=true: install the snmp package");
            }
            org.junit.jupiter.api.Assumptions.abort("snmpget (package snmp) not installed");
        }
        List<String> cmd = new ArrayList<>(List.of(snmpget.toString(), "-On", "-Oqv", "-t", "2", "-r", "1"));
        cmd.addAll(List.of(args));
        cmd.add("udp:" + agent.hostPort());
        cmd.add(".1.3.6.1.2.1.1.1.0");
        Process p = agent.netSnmpTool(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        // With the MIBs loaded (VARBIND_MIB_DIRS set) Net-SNMP applies DisplayString's hint and
        // prints the text bare; without them it quotes the octet string. Either is the same value.
        if (out.length() >= 2 && out.startsWith("\"") && out.endsWith("\"")) {
            out = out.substring(1, out.length() - 1);
        }
        return out;
    }

    @Test
    void startsAnswersAndStopsByPid() throws Exception {
        SnmpdAgent agent = SnmpdAgent.start();
        long pid;
        try {
            pid = agent.pid();
            assertTrue(agent.isRunning());
            assertTrue(ProcessHandle.of(pid).isPresent());
            assertEquals(SnmpdAgent.SYS_DESCR, snmpget(agent, "-v2c", "-c", "public"));
            assertEquals(SnmpdAgent.SYS_DESCR, snmpget(agent, "-v1", "-c", "private"));
        } finally {
            agent.close();
        }
        assertFalse(agent.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void everyUsmUserIsConfigured() throws Exception {
        try (SnmpdAgent agent = SnmpdAgent.start()) {
            List<SnmpdAgent.User> users = new ArrayList<>(SnmpdAgent.USERS);
            users.add(SnmpdAgent.READONLY);
            assertEquals(43, SnmpdAgent.USERS.size());
            for (SnmpdAgent.User u : users) {
                List<String> args = new ArrayList<>(List.of("-v3", "-l", u.level(), "-u", u.name()));
                if (u.auth() != null) {
                    args.addAll(List.of("-a", u.auth(), "-A", u.authPassword()));
                }
                if (u.priv() != null) {
                    args.addAll(List.of("-x", u.priv(), "-X", u.privPassword()));
                }
                assertEquals(SnmpdAgent.SYS_DESCR, snmpget(agent, args.toArray(String[]::new)),
                        "user " + u.name());
            }
        }
    }
}
