package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MessageDispatcherTest {

    private static final Oid BIG = Oid.parse("1.3.6.1.4.1.99999.1");

    private static MessageDispatcher dispatcher() {
        OidValueStore.Builder b = OidValueStore.builder();
        for (int i = 1; i <= 50; i++) {
            b.put(BIG.append(i), Variable.octetString(new byte[100]));
        }
        return new MessageDispatcher(new CommandResponder(b.build()),
                new CommunityTable(List.of("public"), List.of("private")), null, new AgentStatistics());
    }

    private static byte[] encode(int version, String community, Pdu pdu) {
        byte[] buf = new byte[65536];
        int n = SnmpMessageEncoder.encode(new CommunityMessage(version, community.getBytes(StandardCharsets.ISO_8859_1),
                pdu), buf, 0);
        return Arrays.copyOf(buf, n);
    }

    private static Pdu answer(MessageDispatcher d, byte[] request, int maxSize) {
        byte[] out = new byte[65536];
        int n = d.process(request, 0, request.length, out, maxSize);
        assertTrue(n > 0 && n <= maxSize, "response length " + n);
        CommunityMessage m = assertInstanceOf(CommunityMessage.class, SnmpMessageDecoder.decode(out, 0, n));
        return (Pdu) m.pdu();
    }

    private static Pdu request(int type, int a, int b, Oid... oids) {
        return new Pdu(type, 1234, a, b, Arrays.stream(oids).map(o -> new VarBind(o, Variable.nullValue())).toList());
    }

    @Test
    void aSetValueOutlivesTheReceiveBufferItCameIn() {
        MessageDispatcher d = dispatcher();
        // as the agent's handlers do: one receive buffer per thread, reused for every request
        byte[] in = new byte[65536];
        byte[] set = encode(1, "private", new Pdu(BerTags.SET, 7, 0, 0,
                List.of(new VarBind(BIG.append(3), Variable.octetString("written by SET")))));
        System.arraycopy(set, 0, in, 0, set.length);
        byte[] out = new byte[65536];
        assertTrue(d.process(in, 0, set.length, out, 65507) > 0);
        byte[] other = encode(1, "public", request(BerTags.GET, 0, 0, BIG.append(1), BIG.append(2)));
        java.util.Arrays.fill(in, (byte) 0x7e);
        System.arraycopy(other, 0, in, 0, other.length);
        assertTrue(d.process(in, 0, other.length, out, 65507) > 0);
        byte[] get = encode(1, "public", request(BerTags.GET, 0, 0, BIG.append(3)));
        assertEquals(Variable.octetString("written by SET"), answer(d, get, 65507).varBinds().get(0).value());
    }

    @Test
    void wrongCommunityAndResponsesAreDropped() {
        MessageDispatcher d = dispatcher();
        byte[] out = new byte[65536];
        byte[] wrong = encode(1, "secret", request(BerTags.GET, 0, 0, BIG.append(1)));
        assertEquals(-1, d.process(wrong, 0, wrong.length, out, 65507));
        assertEquals(1, d.statistics().inBadCommunityNames.sum());
        byte[] response = encode(1, "public", new Pdu(BerTags.RESPONSE, 1, 0, 0, List.of()));
        assertEquals(-1, d.process(response, 0, response.length, out, 65507));
        byte[] bulkV1 = encode(0, "public", request(BerTags.GETBULK, 0, 5, BIG));
        assertEquals(-1, d.process(bulkV1, 0, bulkV1.length, out, 65507));
        assertEquals(2, d.statistics().silentDrops.sum());
    }

    @Test
    void tooBigGetBecomesTooBigAndBulkIsShortened() {
        MessageDispatcher d = dispatcher();
        Oid[] many = new Oid[20];
        for (int i = 0; i < many.length; i++) {
            many[i] = BIG.append(i + 1);
        }
        Pdu v2 = answer(d, encode(1, "public", request(BerTags.GET, 0, 0, many)), 1000);
        assertEquals(ErrorStatus.TOO_BIG, v2.errorStatus());
        assertEquals(List.of(), v2.varBinds());
        Pdu v1 = answer(d, encode(0, "public", request(BerTags.GET, 0, 0, many)), 1000);
        assertEquals(ErrorStatus.TOO_BIG, v1.errorStatus());
        assertEquals(20, v1.varBinds().size());
        Pdu bulk = answer(d, encode(1, "public", request(BerTags.GETBULK, 0, 50, BIG)), 1000);
        assertEquals(0, bulk.errorStatus());
        // Each binding is about 120 bytes: 7 fit in 1000 with the headers, 8 do not.
        assertTrue(bulk.varBinds().size() >= 6 && bulk.varBinds().size() <= 8, "" + bulk.varBinds().size());
        assertEquals(BIG.append(1), bulk.varBinds().get(0).oid());
    }

    /** Whatever arrives, the dispatcher answers or drops it, never throws, never counts a bug. */
    @Property(tries = 3000)
    void arbitraryBytesNeverBreakIt(@ForAll @Size(max = 200) byte[] junk) {
        MessageDispatcher d = dispatcher();
        byte[] out = new byte[65536];
        d.process(junk, 0, junk.length, out, 65507);
        assertEquals(0, d.statistics().internalErrors.sum());
    }

    /** A valid request with some bytes flipped: answered or dropped, never a failure. */
    @Property(tries = 3000)
    void mutatedRequestsNeverBreakIt(@ForAll @IntRange(min = 0, max = 60) int position, @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 60) int cut) {
        MessageDispatcher d = dispatcher();
        byte[] req = encode(1, "public", request(BerTags.GETBULK, 1, 3, BIG, BIG.append(7)));
        if (position < req.length) {
            req[position] = value;
        }
        int len = Math.max(0, req.length - cut);
        byte[] out = new byte[65536];
        d.process(req, 0, len, out, 65507);
        assertEquals(0, d.statistics().internalErrors.sum());
    }
}
