package io.varbind.codec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of every value, PDU and message kind the codec handles. */
final class CodecArbitraries {
    private CodecArbitraries() {
    }

    static Arbitrary<Integer> arc() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 200), Arbitraries.integers());
    }

    static Arbitrary<Oid> oids() {
        Arbitrary<Integer> first = Arbitraries.integers().between(0, 2);
        return first.flatMap(f -> {
            Arbitrary<Integer> second = f < 2 ? Arbitraries.integers().between(0, 39)
                    : Arbitraries.oneOf(Arbitraries.integers().between(0, 1000),
                            Arbitraries.longs().between(0, 0xFFFFFFFFL - 80).map(Long::intValue));
            return Combinators.combine(second, arc().list().ofMaxSize(Oid.MAX_ARCS - 2)).as((s, rest) -> {
                int[] a = new int[2 + rest.size()];
                a[0] = f;
                a[1] = s;
                for (int i = 0; i < rest.size(); i++) {
                    a[2 + i] = rest.get(i);
                }
                return Oid.of(a);
            });
        });
    }

    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFFFFFFL), Arbitraries.of(0L, 127L, 128L,
                0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL));
    }

    static Arbitrary<Variable> variables() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Variable::integer),
                Arbitraries.longs().map(Variable::integer64),
                bytes(300).map(Variable::octetString),
                Arbitraries.just(Variable.nullValue()),
                oids().map(Variable::objectId),
                Arbitraries.bytes().array(byte[].class).ofSize(4).map(Variable::ipAddress),
                u32().map(Variable::counter32),
                u32().map(Variable::gauge32),
                u32().map(Variable::timeTicks),
                u32().map(Variable::uinteger32),
                Arbitraries.longs().map(Variable::counter64),
                bytes(40).map(Variable::opaque),
                Arbitraries.floats().map(Variable::opaqueFloat),
                Arbitraries.doubles().map(Variable::opaqueDouble),
                Arbitraries.longs().map(Variable::opaqueInt64),
                Arbitraries.longs().map(Variable::opaqueUInt64),
                Arbitraries.of(Variable.noSuchObject(), Variable.noSuchInstance(), Variable.endOfMibView()));
    }

    static Arbitrary<VarBind> varBinds() {
        return Combinators.combine(oids(), variables()).as(VarBind::new);
    }

    static Arbitrary<Pdu> pdus() {
        return Combinators.combine(
                Arbitraries.of(BerTags.GET, BerTags.GETNEXT, BerTags.RESPONSE, BerTags.SET, BerTags.GETBULK,
                        BerTags.INFORM, BerTags.TRAP_V2, BerTags.REPORT),
                Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                varBinds().list().ofMaxSize(20)).as(Pdu::new);
    }

    static Arbitrary<TrapV1Pdu> trapsV1() {
        return Combinators.combine(oids(), Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.integers().between(0, 6), Arbitraries.integers(), u32(),
                varBinds().list().ofMaxSize(10)).as(TrapV1Pdu::new);
    }

    static Arbitrary<CommunityMessage> communityMessages() {
        Arbitrary<CommunityMessage> regular = Combinators.combine(Arbitraries.of(0, 1), bytes(40), pdus())
                .as((v, c, p) -> new CommunityMessage(v, c, p));
        Arbitrary<CommunityMessage> traps = Combinators.combine(bytes(40), trapsV1())
                .as((c, t) -> new CommunityMessage(0, c, t));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, regular), net.jqwik.api.Tuple.of(1, traps));
    }

    static Arbitrary<UsmSecurityParameters> usmParameters() {
        return Combinators.combine(bytes(32), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), bytes(32),
                Arbitraries.of(0, 12, 16, 24, 32, 48).map(byte[]::new), Arbitraries.of(0, 8).flatMap(n -> bytes(n)
                        .filter(b -> b.length == n)))
                .as(UsmSecurityParameters::new);
    }

    static Arbitrary<ScopedPdu> scopedPdus() {
        return Combinators.combine(bytes(32), bytes(32), pdus()).as(ScopedPdu::new);
    }

    static Arbitrary<V3Message> v3Messages() {
        Arbitrary<Integer> ids = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> sizes = Arbitraries.integers().between(484, Integer.MAX_VALUE);
        Arbitrary<V3Message> plain = Combinators.combine(ids, sizes, Arbitraries.of(0, 1, 4, 5),
                usmParameters(), scopedPdus()).as(V3Message::plain);
        Arbitrary<V3Message> encrypted = Combinators.combine(ids, sizes, Arbitraries.of(3, 7),
                usmParameters(), bytes(200)).as(V3Message::encrypted);
        Arbitrary<V3Message> tsm = Combinators.combine(ids, sizes, scopedPdus()).as((id, size, sp) ->
                new V3Message(id, size, 4, V3Message.SECURITY_MODEL_TSM, null, new byte[0], sp, null));
        return Arbitraries.oneOf(plain, encrypted, tsm);
    }

    static Arbitrary<SnmpMessage> messages() {
        return Arbitraries.oneOf(communityMessages().map(m -> (SnmpMessage) m), v3Messages().map(m -> (SnmpMessage) m));
    }

}
