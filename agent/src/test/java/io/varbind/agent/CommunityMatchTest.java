package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.mib.MibTree;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The receiver matches a notification's community as octets against the accepted ones (a few) or
 * as a String (many): either way exactly the accepted communities pass, with their names.
 */
class CommunityMatchTest {
    private static final NotificationReceiver.Display DISPLAY = new NotificationReceiver.Display(
            MibTree.defaultTree(), false, false, false, false);
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 40000);

    private static byte[] trap(byte[] community) {
        return SnmpMessageEncoder.encode(new CommunityMessage(1, community, new Pdu(BerTags.TRAP_V2, 1, 0, 0, List.of(
                new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(1)),
                new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"), Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.3")))))));
    }

    private static String accepted(Set<String> communities, byte[] community) {
        ReceiverStatistics stats = new ReceiverStatistics();
        NotificationProcessor p = new NotificationProcessor(communities, new byte[] {(byte) 0x80, 0, 0, 1, 2}, 1,
                Map.of(), Map.of(), stats, DISPLAY);
        byte[] msg = trap(community);
        Notification n = p.process(msg, msg.length, SOURCE, SOURCE, "udp").notification();
        assertEquals(n == null ? 1 : 0, stats.badCommunities());
        return n == null ? null : n.community();
    }

    @Test
    void exactlyTheAcceptedCommunitiesPassWhetherFewOrMany() {
        Set<String> few = Set.of("public", "publi", "caf\u00e9", "\u20ac-euro");
        Set<String> many = new HashSet<>(few);
        for (int i = 0; i < 20; i++) {
            many.add("community" + i);
        }
        for (Set<String> accepted : List.of(few, many)) {
            assertEquals("public", accepted(accepted, "public".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("publi", accepted(accepted, "publi".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("caf\u00e9", accepted(accepted, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
            assertNull(accepted(accepted, "publicx".getBytes(StandardCharsets.US_ASCII)));
            assertNull(accepted(accepted, "Public".getBytes(StandardCharsets.US_ASCII)));
            assertNull(accepted(accepted, new byte[0]));
            // a name beyond ISO-8859-1 is spelled by no octets: not even by its '?' stand-in
            assertNull(accepted(accepted, "?-euro".getBytes(StandardCharsets.US_ASCII)));
        }
        assertNotNull(accepted(many, "community7".getBytes(StandardCharsets.US_ASCII)));
    }
}
