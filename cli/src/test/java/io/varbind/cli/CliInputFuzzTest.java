package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.varbind.SnmpException;
import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import io.varbind.mib.Match;
import io.varbind.mib.MibLookupException;
import io.varbind.mib.MibNode;
import io.varbind.mib.MibTree;
import io.varbind.mib.Resolved;
import io.varbind.session.SetValues;
import io.varbind.session.TargetAddress;

/**
 * Coverage-guided fuzzing (Jazzer) of what the command line parses from its words: an OID (names,
 * {@code MODULE::name}, indexes, numeric), a set's TYPE and VALUE as {@code ./varbind set} turns
 * them into a varbind, and the agent address. Each either parses or fails with the typed error
 * the command reports ({@link MibLookupException}, {@link IllegalArgumentException},
 * {@link SnmpException}); a resolved OID is a valid OID. Replays {@code CliInputFuzzTestInputs} in
 * the default run; {@code ./fuzz.sh cli.oidAndValue SECONDS} fuzzes it.
 */
class CliInputFuzzTest {
    private static final MibTree TREE = MibTree.builtIn();

    @FuzzTest(maxDuration = "10m")
    void oidAndValue(FuzzedDataProvider data) {
        String oid = data.consumeString(200);
        String type = data.consumeString(3);
        String address = data.consumeString(80);
        int port = data.consumeInt(-1, 70000);
        String value = data.consumeRemainingAsString();
        int[] arcs;
        try {
            Resolved r = TREE.resolve(oid, 0);
            arcs = r.oid();
            assertNotNull(arcs);
            assertTrue(arcs.length <= Oid.MAX_ARCS, "an OID of " + arcs.length + " arcs");
            Oid.of(arcs);
        } catch (MibLookupException | IllegalArgumentException e) {
            assertNotNull(e.getMessage(), "an error without a message");
            arcs = null;
        }
        MibNode node = null;
        if (arcs != null) {
            Match m = TREE.lookup(arcs, arcs.length);
            node = m == null || m.node() == null || m.node().baseType() == null ? null : m.node();
        }
        try {
            Variable v = SetValues.convert(oid, value, type.equals("=") ? null : type, node, TREE);
            assertNotNull(v);
        } catch (IllegalArgumentException | SnmpException | MibLookupException e) {
            assertNotNull(e.getMessage(), "an error without a message");
        }
        try {
            assertNotNull(TargetAddress.parse(address, port));
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage(), "an error without a message");
        }
    }
}
