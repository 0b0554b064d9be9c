package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpConnectionException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmSecurityModel;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's security level, not the session's current keys, decides what answers it accepts. */
class UsmMessageProcessingTest {
    private static final byte[] ENGINE_ID = HostileV3Responder.ENGINE_ID;

    private static byte[] unauthenticated(int type) {
        Pdu p = new Pdu(type, 42, 0, 0, List.of(new VarBind(Oid.parse("1.3.6.1.9.1"), Variable.octetString("x"))));
        byte[] out = new byte[4096];
        int n = UsmSecurityModel.encode(out, 0, 42, 65507, false, null, new EngineState(ENGINE_ID, 5, 100),
                new ScopedPdu(ENGINE_ID, new byte[0], p));
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void anUnauthenticatedResponseIsRefusedAtEveryAuthenticatedLevelEvenAfterTheKeysAreDestroyed() {
        for (int level = 2; level <= 3; level++) {
            UsmMessageProcessing mp = new UsmMessageProcessing("u", level, AuthProtocol.SHA1, "authpassword1",
                    PrivProtocol.AES128, "privpassword1", ENGINE_ID, 5, 100, new byte[0], "");
            Target t = new Target(new InetSocketAddress("127.0.0.1", 161), "udp", 3, null, 1_000_000_000L, 0, 0, mp);
            mp.prepare(t, null).join();
            byte[] m = unauthenticated(BerTags.RESPONSE);
            assertThrows(SnmpConnectionException.class, () -> mp.decodeResponse(t, m.clone(), 0, m.length));
            mp.destroy(); // updateSession or close() while the request is in flight
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class,
                    () -> mp.decodeResponse(t, m.clone(), 0, m.length), "level " + level);
            assertTrue(e.getMessage().contains("unauthenticated"), e.getMessage());
        }
    }

    @Test
    void noAuthNoPrivTakesUnauthenticatedResponses() {
        UsmMessageProcessing mp = new UsmMessageProcessing("u", 1, AuthProtocol.SHA1, "", PrivProtocol.AES128, "",
                ENGINE_ID, 5, 100, new byte[0], "");
        Target t = new Target(new InetSocketAddress("127.0.0.1", 161), "udp", 3, null, 1_000_000_000L, 0, 0, mp);
        mp.prepare(t, null).join();
        byte[] m = unauthenticated(BerTags.RESPONSE);
        assertEquals(BerTags.RESPONSE, mp.decodeResponse(t, m, 0, m.length).type());
    }
}
