package io.varbind.engine;

import io.varbind.codec.BerTags;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmStats;
import io.varbind.usm.UsmUser;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SNMPv3 (USM, SHA/AES) responder written for the tests, on one UDP port: it answers engine-id
 * discovery honestly, then each request according to its current {@link Mode}, which a test may
 * change between requests. It skips the time-window check (it is the attacker, or a lenient agent).
 */
final class HostileV3Responder implements Closeable {
    static final String USER = "hostile";
    static final String AUTH_PASSWORD = "authpassword1";
    static final String PRIV_PASSWORD = "privpassword1";
    static final byte[] ENGINE_ID = HexFormat.of().parseHex("80001f88800102030405060708");
    static final byte[] OTHER_ENGINE_ID = HexFormat.of().parseHex("80001f888009090909090909");
    static final int BOOTS = 5;

    enum Mode {
        /** An authPriv response from the agent's engine id. */
        GOOD,
        /** An unauthenticated usmStatsNotInTimeWindows report claiming engineBoots 2^31-1. */
        SPOOFED_TIME_REPORT,
        /** An unauthenticated usmStatsWrongDigests report (anyone on the path can send one). */
        SPOOFED_REPORT,
        /** A noAuthNoPriv Response PDU to the authPriv request. */
        UNAUTHENTICATED_RESPONSE,
        /** A correctly signed response from another engine id. */
        WRONG_ENGINE_ID,
        /** A signed response whose digest was computed with another password. */
        WRONG_KEY,
        /** An authPriv message with the request's id but a GET PDU instead of a Response. */
        WRONG_PDU_TYPE
    }

    private final DatagramChannel channel;
    private final Thread thread;
    private final UsmUser user;
    private final UsmUser otherEngineUser;
    private final UsmUser wrongKeyUser;
    private final long startNanos = System.nanoTime();
    volatile Mode mode = Mode.GOOD;
    final AtomicInteger requests = new AtomicInteger();
    private volatile boolean running = true;

    HostileV3Responder() throws IOException {
        user = UsmUser.localized(USER, AuthProtocol.SHA1, AUTH_PASSWORD, PrivProtocol.AES128, PRIV_PASSWORD, ENGINE_ID);
        otherEngineUser = UsmUser.localized(USER, AuthProtocol.SHA1, AUTH_PASSWORD, PrivProtocol.AES128, PRIV_PASSWORD,
                OTHER_ENGINE_ID);
        wrongKeyUser = UsmUser.localized(USER, AuthProtocol.SHA1, "another password", PrivProtocol.AES128, PRIV_PASSWORD,
                ENGINE_ID);
        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(this::loop, "hostile-v3-responder");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loop() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (running) {
            try {
                SocketAddress from = channel.receive(in.clear());
                requests.incrementAndGet();
                answer(from, Arrays.copyOf(in.array(), in.position()));
            } catch (IOException | RuntimeException e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }
    }

    private EngineState state(byte[] engineId, int boots) {
        return new EngineState(engineId, boots, 100 + (int) ((System.nanoTime() - startNanos) / 1_000_000_000L));
    }

    private void answer(SocketAddress to, byte[] request) throws IOException {
        UsmSecurityModel.Incoming in = UsmSecurityModel.decode(request, 0, request.length, user, null);
        int msgId = in.message().msgId();
        Pdu req = in.scopedPdu().pdu();
        byte[] out = new byte[65536];
        int n;
        if (!in.authenticated()) { // discovery (RFC 3414 section 4): an honest unknownEngineIDs report
            n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, null, state(ENGINE_ID, BOOTS),
                    report(req, UsmStats.UNKNOWN_ENGINE_IDS));
        } else {
            List<VarBind> vbs = new ArrayList<>();
            for (VarBind vb : req.varBinds()) {
                vbs.add(new VarBind(vb.oid(), Variable.octetString("ok")));
            }
            ScopedPdu good = new ScopedPdu(ENGINE_ID, new byte[0], new Pdu(BerTags.RESPONSE, req.requestId(), 0, 0, vbs));
            switch (mode) {
                case SPOOFED_TIME_REPORT:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, null, state(ENGINE_ID, Integer.MAX_VALUE),
                            report(req, UsmStats.NOT_IN_TIME_WINDOWS));
                    break;
                case SPOOFED_REPORT:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, null, state(ENGINE_ID, BOOTS),
                            report(req, UsmStats.WRONG_DIGESTS));
                    break;
                case UNAUTHENTICATED_RESPONSE:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, null, state(ENGINE_ID, BOOTS), good);
                    break;
                case WRONG_ENGINE_ID:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, otherEngineUser,
                            state(OTHER_ENGINE_ID, BOOTS), good);
                    break;
                case WRONG_KEY:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, wrongKeyUser, state(ENGINE_ID, BOOTS),
                            good);
                    break;
                case WRONG_PDU_TYPE:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, user, state(ENGINE_ID, BOOTS),
                            new ScopedPdu(ENGINE_ID, new byte[0], new Pdu(BerTags.GET, req.requestId(), 0, 0, vbs)));
                    break;
                default:
                    n = UsmSecurityModel.encode(out, 0, msgId, 65507, false, user, state(ENGINE_ID, BOOTS), good);
            }
        }
        channel.send(ByteBuffer.wrap(out, 0, n), to);
    }

    private static ScopedPdu report(Pdu req, String counter) {
        return new ScopedPdu(ENGINE_ID, new byte[0], new Pdu(BerTags.REPORT, req.requestId(), 0, 0,
                List.of(new VarBind(UsmStats.oid(counter), Variable.counter32(1)))));
    }

    @Override
    public void close() throws IOException {
        running = false;
        channel.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        user.destroy();
        otherEngineUser.destroy();
        wrongKeyUser.destroy();
    }
}
