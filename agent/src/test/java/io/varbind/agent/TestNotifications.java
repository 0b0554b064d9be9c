package io.varbind.agent;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** v2c notifications encoded for tests that send raw bytes: sysUpTime.0, snmpTrapOID.0 linkUp, a text. */
final class TestNotifications {
    private TestNotifications() {
    }

    /** A v2c SNMPv2-Trap (or InformRequest) of {@code community} whose third varbind is {@code text}. */
    static byte[] v2c(String community, boolean inform, int requestId, String text) {
        List<VarBind> vbs = List.of(
                new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(42)),
                new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"), Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.4"))),
                new VarBind(Oid.parse("1.3.6.1.4.1.8072.9999.1"), Variable.octetString(text)));
        return SnmpMessageEncoder.encode(new CommunityMessage(1, community.getBytes(StandardCharsets.US_ASCII),
                new Pdu(inform ? BerTags.INFORM : BerTags.TRAP_V2, requestId, 0, 0, vbs)));
    }
}
