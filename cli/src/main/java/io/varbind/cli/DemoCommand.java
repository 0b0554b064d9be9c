package io.varbind.cli;

import io.varbind.agent.SnmpAgent;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./varbind demo}: starts the built-in agent on a free 127.0.0.1 UDP port, walks it with
 * the {@code walk} command (SNMPv2c GETNEXTs through the Session API and the engine), prints each
 * binding as Net-SNMP's {@code snmpwalk -On -OU -Oe} would, and stops the agent.
 * Needs no network and no snmpd.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the built-in agent, walks it (v2c) and stops it: real SNMP traffic, no setup.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    VarbindCommand parent;

    @Override
    public Integer call() {
        try (SnmpAgent agent = SnmpAgent.builder().listen("udp:127.0.0.1:0").community("public")
                .writeCommunity("private").demoData().build()) {
            InetSocketAddress address = agent.udpEndpoints().get(0);
            String target = "udp:127.0.0.1:" + address.getPort();
            parent.err.println("varbind demo: built-in agent on " + target + " (" + agent.instances()
                    + " objects); walking it with SNMPv2c, community public:");
            parent.err.println("varbind demo: ./varbind walk -On -OU -Oe -v2c -c public " + target + " .1.3.6.1");
            long before = agent.statistics().inPackets.sum();
            int code = Main.commandLine(parent.out, parent.err)
                    .execute("walk", "-On", "-OU", "-Oe", "-v2c", "-c", "public", target, ".1.3.6.1");
            parent.out.flush();
            if (code != Main.EXIT_OK) {
                return code;
            }
            parent.err.println("varbind demo: " + (agent.statistics().inPackets.sum() - before)
                    + " GETNEXT requests answered; agent stopped. Next: ./varbind agent --listen udp:127.0.0.1:16100");
        }
        return Main.EXIT_OK;
    }
}
