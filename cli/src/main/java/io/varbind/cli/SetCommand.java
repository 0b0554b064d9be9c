package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.mib.Match;
import io.varbind.mib.MibNode;
import io.varbind.session.SetValues;
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
    public Integer call() {
        if (triples.size() % 3 != 0) {
            throw new UsageException("set needs OID TYPE VALUE triples, got " + triples.size() + " words");
        }
        List<SnmpVariable> vars = new ArrayList<>();
        List<VarBind> echo = new ArrayList<>();
        for (int i = 0; i < triples.size(); i += 3) {
            String oid = triples.get(i);
            String type = triples.get(i + 1).equals("=") ? null : triples.get(i + 1);
            String value = triples.get(i + 2);
            vars.add(SnmpVariable.of(oid, value, type));
            int[] arcs = tree().resolve(oid, 0).oid();
            Match m = tree().lookup(arcs, arcs.length);
            MibNode node = m == null || m.node() == null || m.node().baseType() == null ? null : m.node();
            echo.add(new VarBind(Oid.of(arcs), SetValues.convert(oid, value, type, node, tree())));
        }
        try (Session s = session(agent)) {
            s.setMultiple(vars);
        }
        for (VarBind vb : echo) {
            print(vb);
        }
        parent.out.flush();
        return Main.EXIT_OK;
    }
}
