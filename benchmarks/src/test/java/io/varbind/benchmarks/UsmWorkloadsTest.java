package io.varbind.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.V3Envelope;
import io.varbind.usm.UsmException;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmStats;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.snmp4j.ScopedPDU;
import org.snmp4j.mp.SnmpConstants;

/**
 * The USM benchmark compares equal work: each library's authPriv message verifies, decrypts and
 * decodes in the other to the same PDU, for both combinations and both messages.
 */
class UsmWorkloadsTest {

    @Test
    void eachLibraryReadsTheOthersMessages() {
        for (String combo : new String[] {"sha1_aes128", "sha256_aes256"}) {
            for (String workload : new String[] {"get1", "resp10"}) {
                UsmWorkloads w = new UsmWorkloads(combo, workload);
                byte[] out = new byte[4096];
                int n = w.varbindEncode(out);
                byte[] ours = Arrays.copyOf(out, n);
                ScopedPDU theirsRead = w.snmp4jDecode(ours.clone());
                assertEquals(w.snmp4jScoped.getVariableBindings(), theirsRead.getVariableBindings(), combo + " " + workload);
                assertEquals(w.snmp4jScoped.getType(), theirsRead.getType());

                byte[] theirs = w.snmp4jEncode();
                UsmSecurityModel.Incoming in = w.varbindDecode(theirs, theirs.length);
                assertTrue(in.authenticated());
                assertEquals(w.varbindScoped.pdu(), in.scopedPdu().pdu(), combo + " " + workload);
                // the allocation-free path reads it too, in place
                byte[] buf = theirs.clone();
                V3Envelope e = new V3Envelope();
                assertTrue(UsmSecurityModel.decodeInPlace(buf, 0, buf.length, w.varbindUser, w.varbindEngine, e));
                assertEquals(w.varbindScoped.pdu(),
                        SnmpMessageDecoder.decodeScopedPdu(buf, e.dataOffset(), e.dataLength()).pdu());
                // and each reads its own
                assertEquals(w.varbindScoped.pdu(), w.varbindDecode(ours, ours.length).scopedPdu().pdu());
                assertEquals(w.snmp4jScoped.getVariableBindings(), w.snmp4jDecode(theirs).getVariableBindings());
                // the engine's answer path: deferred, read in the received buffer, the same varbinds
                int an = w.varbindAnswer(out);
                byte[] answer = Arrays.copyOf(out, an);
                io.varbind.engine.Target t = w.engineTarget();
                io.varbind.codec.Pdu deferred = t.processing().decodeResponse(t, answer.clone(), 0, an);
                assertTrue(deferred.isDeferred());
                assertEquals(w.varbindScoped.pdu().varBinds(), deferred.varBinds(), combo + " " + workload);
                int[] arcs = new int[io.varbind.codec.Oid.MAX_ARCS];
                assertEquals(CodecWorkloads.visit(new io.varbind.codec.VarBindCursor().resetScopedPdu(
                        decrypted(w, answer), 0, decrypted(w, answer).length), arcs, new int[arcs.length]),
                        UsmWorkloads.engineAnswer(t, answer.clone(), an, new io.varbind.codec.VarBindCursor(), arcs,
                                new int[arcs.length]));
                // a flipped bit is a wrong digest for both
                byte[] bad = ours.clone();
                bad[bad.length - 3] ^= 1;
                UsmException ours2 = assertThrows(UsmException.class, () -> w.varbindDecode(bad, bad.length));
                assertEquals(UsmStats.WRONG_DIGESTS, ours2.counter(), ours2.getMessage());
                IllegalStateException theirs2 = assertThrows(IllegalStateException.class,
                        () -> w.snmp4jDecode(bad.clone()));
                assertTrue(theirs2.getMessage().endsWith(": " + SnmpConstants.SNMPv3_USM_AUTHENTICATION_FAILURE),
                        theirs2.getMessage());
            }
        }
    }

    /** The plaintext ScopedPDU of a Varbind answer. */
    private static byte[] decrypted(UsmWorkloads w, byte[] msg) {
        byte[] buf = msg.clone();
        V3Envelope e = new V3Envelope();
        UsmSecurityModel.decodeInPlace(buf, 0, buf.length, w.varbindUser, w.varbindEngine, e);
        return Arrays.copyOfRange(buf, e.dataOffset(), e.dataOffset() + e.dataLength());
    }
}
