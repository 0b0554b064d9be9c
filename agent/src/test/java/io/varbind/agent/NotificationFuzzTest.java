package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import io.varbind.mib.MibTree;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmUser;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of the notification receiver's message processing, one
 * datagram in: community {@code public}, users {@code plain} (noAuthNoPriv) and {@code shaaes}
 * (SHA/AES) of the receiver's own engine (informs) and of one sending engine (v3 traps). Any
 * input is counted as received and gives at most one of: a Report (v3, discovery or a USM error,
 * a well-formed message with the request's msgID), or a notification whose every accessor and
 * rendering works (they run later, in the application's callback), with for an inform an
 * acknowledgement that encodes to a Response with the inform's request-id or msgID. Never an
 * exception. Replays {@code NotificationFuzzTestInputs} (datagrams of Net-SNMP's snmptrap and
 * snmpinform: v1, v2c, v3 traps and informs, a discovery) in the default run;
 * {@code ./fuzz.sh agent.notifications SECONDS} fuzzes it.
 */
class NotificationFuzzTest {
    private static final byte[] OWN_ENGINE = HexFormat.of().parseHex("80001f88046e6f7469667a7a");
    private static final String SENDER_ENGINE = "80001f880473656e64657241";
    private static final Map<String, UsmUser> OWN = users(OWN_ENGINE);
    private static final Map<String, UsmUser> SENDERS = Map.of(
            SENDER_ENGINE + "/plain", users(HexFormat.of().parseHex(SENDER_ENGINE)).get("plain"),
            SENDER_ENGINE + "/shaaes", users(HexFormat.of().parseHex(SENDER_ENGINE)).get("shaaes"));
    private static final NotificationReceiver.Display DISPLAY = new NotificationReceiver.Display(
            MibTree.defaultTree(), false, false, false, false);
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress DESTINATION = new InetSocketAddress("127.0.0.1", 162);

    private static Map<String, UsmUser> users(byte[] engine) {
        return Map.of("plain", UsmUser.localized("plain", AuthProtocol.NONE, null, PrivProtocol.NONE, null, engine),
                "shaaes", UsmUser.localized("shaaes", AuthProtocol.parse("SHA"), "fuzz-auth-pass",
                        PrivProtocol.parse("AES"), "fuzz-priv-pass", engine));
    }

    @FuzzTest(maxDuration = "10m")
    void notifications(byte[] input) {
        ReceiverStatistics stats = new ReceiverStatistics();
        // a processor per input: what it learnt of a sender's engine time must not carry over
        NotificationProcessor p = new NotificationProcessor(Set.of("public"), OWN_ENGINE, 1, OWN, SENDERS, stats,
                DISPLAY);
        byte[] msg = input.clone(); // v3 is decrypted in place; the input must stay as it was
        NotificationProcessor.Outcome o = p.process(msg, msg.length, SOURCE, DESTINATION, "udp");
        assertEquals(1, stats.received());
        if (o.report() != null) {
            assertNull(o.notification(), "a report and a notification");
            assertTrue(o.report().length <= 1500, "report of " + o.report().length + " bytes");
            V3Message report = (V3Message) SnmpMessageDecoder.decode(o.report());
            // the request's msgID as its header says (a report may answer a message whose PDU is garbage)
            assertEquals(new V3Envelope().parse(input, 0, input.length).msgId(), report.msgId(), "msgID");
            assertEquals(BerTags.REPORT, report.scopedPdu().pdu().type());
        }
        Notification n = o.notification();
        if (n == null) {
            assertNull(o.ack(), "an acknowledgement without a notification");
            return;
        }
        touch(n);
        if (o.ack() != null) {
            assertEquals(Notification.Kind.INFORM, n.kind());
            byte[][] sent = new byte[1][];
            o.ack().sendTo((out, off, len) -> sent[0] = java.util.Arrays.copyOfRange(out, off, off + len));
            assertNotNull(sent[0], "an acknowledgement that sends nothing");
            SnmpMessage ack = SnmpMessageDecoder.decode(sent[0]);
            SnmpMessage request = SnmpMessageDecoder.decode(input);
            if (ack instanceof CommunityMessage cm) {
                Pdu pdu = cm.regularPdu();
                assertEquals(BerTags.RESPONSE, pdu.type());
                assertEquals(((CommunityMessage) request).regularPdu().requestId(), pdu.requestId(), "request-id");
            } else {
                V3Message v3 = (V3Message) ack;
                assertEquals(((V3Message) request).msgId(), v3.msgId(), "msgID");
                if (!v3.isPriv()) {
                    assertEquals(BerTags.RESPONSE, v3.scopedPdu().pdu().type());
                }
            }
        }
    }

    /** Everything an application (or trapd) may read of a notification. */
    private static void touch(Notification n) {
        assertNotNull(n.kind());
        assertNotNull(n.trapOid());
        n.uptime();
        n.enterprise();
        n.agentAddress();
        n.genericTrap();
        n.specificTrap();
        n.community();
        n.securityName();
        n.securityLevel();
        n.context();
        n.contextEngineId();
        assertNotNull(n.toString());
        for (VarBind vb : n.varBinds()) {
            assertNotNull(vb.oid().toString());
        }
        for (SnmpVariable v : n.variables()) {
            assertNotNull(v.oid());
            assertNotNull(v.value());
            assertNotNull(v.snmpType());
        }
    }
}
