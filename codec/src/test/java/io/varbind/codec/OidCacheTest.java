package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SnmpMessageDecoder#decode(byte[], int, int, OidCache)}: with one cache kept across every
 * input (so that names seen before, and octets that hash alike but differ, are looked up), it
 * decodes exactly what the plain decode decodes and refuses what it refuses, with the same message.
 */
class OidCacheTest {
    private final OidCache shared = new OidCache();

    @Provide
    Arbitrary<CommunityMessage> messages() {
        return CodecArbitraries.communityMessages();
    }

    @Property(tries = 300)
    void decodesAndRefusesAsThePlainDecode(@ForAll("messages") CommunityMessage generated, @ForAll long seed) {
        DecoderFuzzTest.ownAndMutations(SnmpMessageEncoder.encode(generated), seed, 40, input -> {
            same(input);
            same(input); // the second time from the cache
        });
    }

    private void same(byte[] input) {
        SnmpMessage plain;
        try {
            plain = SnmpMessageDecoder.decode(input);
        } catch (BerDecodeException e) {
            BerDecodeException c = assertThrows(BerDecodeException.class,
                    () -> SnmpMessageDecoder.decode(input, 0, input.length, shared));
            assertEquals(e.getMessage(), c.getMessage());
            return;
        }
        assertEquals(plain, SnmpMessageDecoder.decode(input, 0, input.length, shared));
    }

    @Test
    void aNameSeenBeforeIsTheSameObjectAndOneOctetMoreIsNot() {
        byte[] trap = trap(Oid.parse("1.3.6.1.2.1.2.2.1.8.7"));
        CommunityMessage first = (CommunityMessage) SnmpMessageDecoder.decode(trap, 0, trap.length, shared);
        CommunityMessage again = (CommunityMessage) SnmpMessageDecoder.decode(trap, 0, trap.length, shared);
        for (int i = 0; i < 3; i++) {
            assertSame(first.regularPdu().varBinds().get(i).oid(), again.regularPdu().varBinds().get(i).oid());
        }
        // snmpTrapOID.0's value, an OID too
        assertSame(first.regularPdu().varBinds().get(1).value().oidValue(),
                again.regularPdu().varBinds().get(1).value().oidValue());
        byte[] other = trap(Oid.parse("1.3.6.1.2.1.2.2.1.8.8"));
        CommunityMessage third = (CommunityMessage) SnmpMessageDecoder.decode(other, 0, other.length, shared);
        assertEquals(Oid.parse("1.3.6.1.2.1.2.2.1.8.8"), third.regularPdu().varBinds().get(2).oid());
        assertNotSame(first.regularPdu().varBinds().get(2).oid(), third.regularPdu().varBinds().get(2).oid());
    }

    @Test
    void manyNamesAndLongNamesDecodeAsThePlainDecode() {
        // far more names than slots, and names longer than what is kept: every one still right
        List<Oid> names = new ArrayList<>();
        for (int i = 0; i < 3 * OidCache.SLOTS; i++) {
            names.add(Oid.parse("1.3.6.1.4.1.8072.9999." + i + ".0"));
        }
        int[] longOne = new int[60];
        java.util.Arrays.fill(longOne, 300);
        longOne[0] = 1;
        longOne[1] = 3;
        names.add(Oid.of(longOne));
        for (int round = 0; round < 2; round++) {
            for (Oid name : names) {
                byte[] m = trap(name);
                assertEquals(name, ((CommunityMessage) SnmpMessageDecoder.decode(m, 0, m.length, shared))
                        .regularPdu().varBinds().get(2).oid());
            }
        }
        byte[] m = trap(Oid.of(longOne));
        assertNotSame(((CommunityMessage) SnmpMessageDecoder.decode(m, 0, m.length, shared)).regularPdu().varBinds()
                .get(2).oid(), ((CommunityMessage) SnmpMessageDecoder.decode(m, 0, m.length, shared)).regularPdu()
                .varBinds().get(2).oid());
    }

    @Test
    void smallIntegersAreSharedAndEqualAsBefore() {
        assertSame(Variable.integer(7), Variable.integer64(7));
        assertEquals(7, Variable.integer(7).longValue());
        assertEquals(Variable.integer(255), Variable.integer64(255));
        assertEquals(256, Variable.integer(256).longValue());
        assertEquals(-1, Variable.integer(-1).longValue());
    }

    private static byte[] trap(Oid third) {
        return SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                new Pdu(BerTags.TRAP_V2, 1, 0, 0, List.of(
                        new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), Variable.timeTicks(123456)),
                        new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"),
                                Variable.objectId(Oid.parse("1.3.6.1.6.3.1.1.5.3"))),
                        new VarBind(third, Variable.integer(2))))));
    }
}
