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

/**
 * The request's security level, not the session's current keys, decides what answers it accepts;
 * answers are verified and decrypted where they were received and their varbinds left there.
 */
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

    @Test
    void answersAreDecryptedInTheReceivedBufferAndTheirVarBindsLeftThereAtEveryLevelAndProtocol() {
        List<VarBind> vbs = List.of(new VarBind(Oid.parse("1.3.6.1.2.1.1.1.0"), Variable.octetString("a host")),
                new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(4242)),
                new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.10.1"), Variable.counter32(123456789L)));
        for (AuthProtocol a : AuthProtocol.values()) {
            for (PrivProtocol pp : PrivProtocol.values()) {
                if (a == AuthProtocol.NONE && pp != PrivProtocol.NONE) {
                    continue;
                }
                int level = a == AuthProtocol.NONE ? 1 : pp == PrivProtocol.NONE ? 2 : 3;
                String what = a + "/" + pp;
                UsmMessageProcessing mp = new UsmMessageProcessing("u", level, a, "authpassword1", pp, "privpassword1",
                        ENGINE_ID, 5, 100, new byte[0], "");
                Target t = new Target(new InetSocketAddress("127.0.0.1", 161), "udp", 3, null, 1_000_000_000L, 0, 0,
                        mp);
                mp.prepare(t, null).join();
                io.varbind.usm.UsmUser agent = io.varbind.usm.UsmUser.localized("u", a, "authpassword1", pp,
                        "privpassword1", ENGINE_ID);
                byte[] m = answer(agent, BerTags.RESPONSE, vbs);
                Pdu p = mp.decodeResponse(t, m, 0, m.length);
                assertTrue(p.isDeferred(), what);
                // the cursor reads the plaintext where the ciphertext was: nothing copied out
                io.varbind.codec.VarBindCursor c = new io.varbind.codec.VarBindCursor().reset(p);
                assertTrue(c.buffer() == m, what);
                int[] arcs = new int[Oid.MAX_ARCS];
                for (VarBind vb : vbs) {
                    assertTrue(c.next(), what);
                    assertEquals(vb.oid(), Oid.of(java.util.Arrays.copyOf(arcs, c.oid(arcs))), what);
                    assertEquals(vb.value(), c.value(), what);
                }
                assertTrue(!c.next(), what);
                assertEquals(vbs, p.varBinds(), what);

                // a report still names its counter (its varbinds materialised on demand)
                byte[] r = answer(agent, BerTags.REPORT, List.of(new VarBind(Oid.parse("1.3.6.1.6.3.15.1.1.2.0"),
                        Variable.counter32(1))));
                Pdu report = mp.decodeResponse(t, r, 0, r.length);
                assertEquals(BerTags.REPORT, report.type(), what);
                SnmpConnectionException e = assertThrows(SnmpConnectionException.class,
                        () -> mp.onReport(t, report, true), what);
                assertTrue(e.getMessage().startsWith("usmStatsNotInTimeWindows"), e.getMessage());

                if (level > 1) { // an answer under other keys is refused, typed, naming the counter
                    io.varbind.usm.UsmUser other = io.varbind.usm.UsmUser.localized("u", a, "authpassword2", pp,
                            "privpassword1", ENGINE_ID);
                    byte[] forged = answer(other, BerTags.RESPONSE, vbs);
                    SnmpConnectionException wrong = assertThrows(SnmpConnectionException.class,
                            () -> mp.decodeResponse(t, forged, 0, forged.length), what);
                    assertTrue(wrong.getMessage().contains("digest"), wrong.getMessage());
                }
                agent.destroy();
                mp.destroy();
            }
        }
    }

    @Test
    void anAnswerCostsItsPduAloneOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported());
        long self = Thread.currentThread().getId();
        List<VarBind> vbs = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            vbs.add(new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.10." + i), Variable.counter32(1000L * i)));
        }
        UsmMessageProcessing mp = new UsmMessageProcessing("u", 3, AuthProtocol.SHA1, "authpassword1",
                PrivProtocol.AES128, "privpassword1", ENGINE_ID, 5, 100, new byte[0], "");
        Target t = new Target(new InetSocketAddress("127.0.0.1", 161), "udp", 3, null, 1_000_000_000L, 0, 0, mp);
        mp.prepare(t, null).join();
        io.varbind.usm.UsmUser agent = io.varbind.usm.UsmUser.localized("u", AuthProtocol.SHA1, "authpassword1",
                PrivProtocol.AES128, "privpassword1", ENGINE_ID);
        byte[] wire = answer(agent, BerTags.RESPONSE, vbs);
        byte[] in = new byte[wire.length];
        Pdu[] kept = new Pdu[64]; // the PDUs escape, as into a Response
        io.varbind.codec.VarBindCursor c = new io.varbind.codec.VarBindCursor();
        long sink = 0;
        for (int i = 0; i < 30_000; i++) {
            sink += decode(mp, t, wire, in, kept, i, c);
        }
        int rounds = 5_000;
        long before = mx.getThreadAllocatedBytes(self);
        for (int i = 0; i < rounds; i++) {
            sink += decode(mp, t, wire, in, kept, i, c);
        }
        long perAnswer = (mx.getThreadAllocatedBytes(self) - before) / rounds;
        assertTrue(sink != 0);
        // the PDU (48 octets) and perhaps its reader (24): the object decode took 1,872 for these ten
        assertTrue(perAnswer <= 96, perAnswer + " octets per answer");
        agent.destroy();
        mp.destroy();
    }

    private static long decode(UsmMessageProcessing mp, Target t, byte[] wire, byte[] in, Pdu[] kept, int i,
            io.varbind.codec.VarBindCursor c) {
        System.arraycopy(wire, 0, in, 0, wire.length);
        Pdu p = mp.decodeResponse(t, in, 0, wire.length);
        kept[i & 63] = p;
        c.reset(p);
        long h = 0;
        while (c.next()) {
            h += c.longValue();
        }
        return h;
    }

    private static byte[] answer(io.varbind.usm.UsmUser agent, int type, List<VarBind> vbs) {
        byte[] out = new byte[4096];
        int n = UsmSecurityModel.encode(out, 0, 42, 65507, false, agent, new EngineState(ENGINE_ID, 5, 100),
                new ScopedPdu(ENGINE_ID, new byte[0], new Pdu(type, 42, 0, 0, vbs)));
        return java.util.Arrays.copyOf(out, n);
    }
}
