package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code set AGENT OID TYPE VALUE [OID TYPE VALUE]...}, with Net-SNMP's type letters ({@code =} takes the MIB's). */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "SET: OID TYPE VALUE triples; TYPE is one of i u t a o s x d b U I F D n c, or = for the MIB's type.")
final class SetCommand extends SnmpCommand {
    @Parameters(index = "0", paramLabel = "AGENT")
    String agent;

    @Parameters(index = "1..*", arity = "3..*", paramLabel = "OID TYPE VALUE")
    List<String> triples;

    @Override
    public Integer execute() {
        if (triples.size() % 3 != 0) {
            throw new UsageException("set needs OID TYPE VALUE triples, got " + triples.size() + " words");
        }
        List<SnmpVariable> vars = new ArrayList<>();
        for (int i = 0; i < triples.size(); i += 3) {
            vars.add(typed(triples.get(i), triples.get(i + 1), triples.get(i + 2)));
        }
        try (Session s = session(agent)) {
            // snmpset prints the variables of the agent's answer, as received; it never asks again
            List<String> names = vars.stream().map(SnmpVariable::name).toList();
            return exchange(names, false, "Error in packet.", (all, sink) -> s.setVarBinds(vars, sink));
        }
    }
}
