package io.varbind.codec;

import static org.junit.jupiter.api.Assertions.fail;

import io.varbind.codec.testing.BerMutations;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input: random and mutated packets (from Net-SNMP's golden packets and from generated
 * messages). The decoder, the peeks and the cursor either succeed or raise
 * {@link BerDecodeException}; anything else (an index out of bounds, an OutOfMemoryError, a
 * stack overflow) fails. 2,000 tries of 50 inputs each: 100,000 packets per run.
 */
class DecoderFuzzTest {
    private static final List<byte[]> SEEDS = Golden.all().stream().map(Golden.Packet::bytes).toList();
    private static final int PER_TRY = 50;

    @Provide
    Arbitrary<SnmpMessage> messages() {
        return CodecArbitraries.messages();
    }

    @Property(tries = 2000)
    void mutatedAndRandomPacketsGiveAValueOrTheTypedError(@ForAll("messages") SnmpMessage generated,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] own = SnmpMessageEncoder.encode(generated);
        for (int i = 0; i < PER_TRY; i++) {
            byte[] input;
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                input = new byte[rnd.nextInt(200)];
                rnd.nextBytes(input);
                if (input.length > 0 && rnd.nextBoolean()) {
                    input[0] = 0x30;
                }
            } else {
                byte[] base = rnd.nextBoolean() ? own : SEEDS.get(rnd.nextInt(SEEDS.size()));
                input = BerMutations.mutate(base, rnd);
            }
            feed(input);
        }
    }

    /**
     * Hands {@code check} the message {@code own}, then {@code n - 1} mutations of it or of a golden
     * packet (the comparisons of two decoders use this).
     */
    static void ownAndMutations(byte[] own, long seed, int n, java.util.function.Consumer<byte[]> check) {
        Random rnd = new Random(seed);
        check.accept(own);
        for (int i = 1; i < n; i++) {
            byte[] base = rnd.nextBoolean() ? own : SEEDS.get(rnd.nextInt(SEEDS.size()));
            check.accept(BerMutations.mutate(base, rnd));
        }
    }

    static void feed(byte[] input) {
        SnmpMessage m = null;
        try {
            m = SnmpMessageDecoder.decode(input, 0, input.length);
        } catch (BerDecodeException expected) {
            checkOffset(expected, input); // the decoder's only way to refuse
        } catch (Throwable t) {
            fail("decoder threw " + t + " on " + java.util.HexFormat.of().formatHex(input), t);
        }
        if (m != null) {
            try {
                SnmpMessageEncoder.encode(m, new byte[input.length * 2 + 64], 0); // whatever decoded encodes again
            } catch (BerEncodeException | IllegalArgumentException e) {
                // the encoder refusing what the decoder let through (an OID whose first arcs are out
                // of range, a varbind the model refuses): typed, and only from the encoder
            } catch (Throwable t) {
                fail("encoding a decoded message threw " + t + " on " + java.util.HexFormat.of().formatHex(input), t);
            }
        }
        try {
            SnmpMessageDecoder.peekRequestId(input, 0, input.length);
        } catch (BerDecodeException expected) {
            checkOffset(expected, input);
        } catch (Throwable t) {
            fail("peekRequestId threw " + t + " on " + java.util.HexFormat.of().formatHex(input), t);
        }
        try {
            VarBindCursor c = new VarBindCursor().reset(input, 0, input.length);
            int[] arcs = new int[Oid.MAX_ARCS];
            while (c.next()) {
                c.oid(arcs);
                if (c.valueTag() == BerTags.INTEGER || c.valueTag() == BerTags.COUNTER64) {
                    c.longValue();
                }
            }
        } catch (BerDecodeException expected) {
            checkOffset(expected, input);
        } catch (Throwable t) {
            fail("cursor threw " + t + " on " + java.util.HexFormat.of().formatHex(input), t);
        }
    }

    private static void checkOffset(BerDecodeException e, byte[] input) {
        if (e.offset() < 0 || e.offset() > input.length) {
            fail("offset " + e.offset() + " outside an input of " + input.length + ": " + e.getMessage());
        }
    }
}
