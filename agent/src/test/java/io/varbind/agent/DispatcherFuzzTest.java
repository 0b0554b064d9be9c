package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.V3Message;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing (Jazzer) of the agent's dispatcher, request in, response out, over the
 * demo data with a read-only community, a read-write one and v3 users (noAuthNoPriv as in the
 * golden captures, and SHA/AES). Any input gives no answer or one well-formed message no longer
 * than the limit: a Response (to a v1/v2c request, with its request-id) or, for v3, a Response or
 * a Report; never an exception. Replays {@code DispatcherFuzzTestInputs} (the requests of the
 * golden captures) in the default run; {@code ./fuzz.sh agent.dispatcher SECONDS} fuzzes it.
 */
class DispatcherFuzzTest {
    private static final byte[] ENGINE_ID = HexFormat.of().parseHex("80001f8804676f6c64656e");
    private static final MessageDispatcher DISPATCHER = new MessageDispatcher(
            new CommandResponder(DemoDataSet.build(System.nanoTime())),
            new CommunityTable(List.of("public"), List.of("private")),
            new UsmAgentProcessor(ENGINE_ID, 1, Map.of(
                    "plain", new UsmAgentProcessor.User(io.varbind.usm.UsmUser.localized("plain",
                            io.varbind.usm.AuthProtocol.NONE, null, io.varbind.usm.PrivProtocol.NONE, null, ENGINE_ID),
                            View.all()),
                    "shaaes", new UsmAgentProcessor.User(io.varbind.usm.UsmUser.localized("shaaes",
                            io.varbind.usm.AuthProtocol.parse("SHA"), "fuzz-auth-pass",
                            io.varbind.usm.PrivProtocol.parse("AES"), "fuzz-priv-pass", ENGINE_ID), View.all()))),
            new AgentStatistics());
    private static final int MAX = 1472;

    @FuzzTest(maxDuration = "10m")
    void dispatcher(byte[] input) {
        byte[] out = new byte[65536];
        int n = DISPATCHER.process(input, 0, input.length, out, MAX);
        assertTrue(n >= -1 && n <= MAX, "response length " + n);
        if (n < 0) {
            return;
        }
        SnmpMessage answer = SnmpMessageDecoder.decode(out, 0, n);
        SnmpMessage request = SnmpMessageDecoder.decode(input, 0, input.length);
        if (answer instanceof CommunityMessage cm) {
            Pdu pdu = cm.regularPdu();
            assertEquals(BerTags.RESPONSE, pdu.type(), "answer PDU type");
            assertEquals(((CommunityMessage) request).regularPdu().requestId(), pdu.requestId(), "request-id");
            assertEquals(((CommunityMessage) request).version(), cm.version(), "version");
        } else {
            V3Message v3 = (V3Message) answer;
            assertEquals(((V3Message) request).msgId(), v3.msgId(), "msgID");
            if (!v3.isPriv()) {
                int type = v3.scopedPdu().pdu().type();
                assertTrue(type == BerTags.RESPONSE || type == BerTags.REPORT, "answer PDU type " + type);
            }
        }
    }
}
