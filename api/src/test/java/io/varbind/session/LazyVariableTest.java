package io.varbind.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.codec.Variable;
import io.varbind.mib.MibTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Variables kept as their received octets and formatted on first use ({@link ReceivedVariables.Format})
 * against the same varbinds decoded into objects and formatted at once: every public method of
 * {@link SnmpVariable} gives the same under every display flag, made as a walk or a GET makes them, in any order of first use, and
 * when several threads make the same variable's strings at once.
 */
class LazyVariableTest {
    private static final byte[] PUBLIC = "public".getBytes(StandardCharsets.US_ASCII);
    private static MibTree tree;

    @BeforeContainer
    static void loadMibs() {
        tree = MibTree.of(List.of(io.varbind.testing.TestMibs.folder()), true);
    }

    @Provide
    Arbitrary<List<VarBind>> answers() {
        Arbitrary<Oid> names = Arbitraries.oneOf(
                // under the MIBs (names, enumerations, display hints apply) and anywhere else
                Arbitraries.of("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.2.2.1.8.3",
                        "1.3.6.1.2.1.2.2.1.6.2", "1.3.6.1.2.1.4.20.1.1.127.0.0.1", "1.3.6.1.2.1.25.4.2.1.2.777",
                        "1.3.6.1.4.1.8072.1.5.3.1.2.1.3.6.1.2.1.2.2", "1.3.6.1.2.1", "1.3")
                        .map(Oid::parse),
                Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(2).ofMaxSize(24)
                        .map(LazyVariableTest::oid));
        Arbitrary<byte[]> octets = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<Variable> values = Arbitraries.oneOf(
                Arbitraries.integers().map(Variable::integer),
                octets.map(Variable::octetString),
                Arbitraries.strings().ascii().ofMaxLength(40).map(Variable::octetString),
                Arbitraries.just(Variable.nullValue()),
                Arbitraries.integers().between(0, 4000).list().ofMinSize(2).ofMaxSize(12)
                        .map(l -> Variable.objectId(oid(l))),
                Arbitraries.bytes().array(byte[].class).ofSize(4).map(Variable::ipAddress),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Variable::counter32),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Variable::gauge32),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Variable::timeTicks),
                Arbitraries.longs().map(Variable::counter64),
                octets.map(Variable::opaque),
                Arbitraries.of(Variable.noSuchObject(), Variable.noSuchInstance(), Variable.endOfMibView()));
        return Combinators.combine(names, values).as(VarBind::new).list().ofMinSize(1).ofMaxSize(12);
    }

    /** An encodable OID from any numbers: the first arc 0..2, the second below 40, some arcs above 2^31 (unsigned). */
    private static Oid oid(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = i == 0 ? l.get(0) % 3 : i == 1 ? l.get(1) % 40 : l.get(i) * (i % 3 == 0 ? -1 : 1);
        }
        return Oid.of(a, a.length);
    }

    /**
     * The answer's varbinds kept as octets, each variable made by {@code reader} as a walk makes
     * them (the name already read), or when null by {@code format} as a GET's are.
     */
    private static List<SnmpVariable> lazily(List<VarBind> vbs, ReceivedVariables.Format format,
            ReceivedVariables.Reader reader) {
        byte[] wire = SnmpMessageEncoder.encode(new CommunityMessage(1, PUBLIC,
                new Pdu(BerTags.RESPONSE, 7, 0, 0, vbs)));
        CommunityMessage m = (CommunityMessage) SnmpMessageDecoder.decodeDeferred(wire, 0, wire.length);
        VarBindCursor c = new VarBindCursor().reset(m.regularPdu());
        int[] arcs = new int[Oid.MAX_ARCS];
        List<SnmpVariable> out = new ArrayList<>();
        while (c.next()) {
            out.add(reader != null ? reader.of(c, arcs, c.oid(arcs)) : format.of(c));
        }
        return out;
    }

    @Property(tries = 300)
    void everyMethodGivesWhatTheObjectPathGives(@ForAll("answers") List<VarBind> vbs, @ForAll boolean longNames,
            @ForAll boolean numeric, @ForAll boolean sprint, @ForAll boolean enums, @ForAll int order,
            @ForAll boolean asWalk) {
        List<SnmpVariable> lazy = lazily(vbs, new ReceivedVariables.Format(tree, longNames, numeric, sprint, enums),
                asWalk ? new ReceivedVariables.Reader(tree, longNames, numeric, sprint, enums) : null);
        assertEquals(vbs.size(), lazy.size());
        for (int i = 0; i < vbs.size(); i++) {
            SnmpVariable eager = ReceivedVariables.of(vbs.get(i), tree, longNames, numeric, sprint, enums);
            SnmpVariable v = lazy.get(i);
            // first use in an order of the try's choosing: each string is made on its own or with the others
            switch (Math.floorMod(order + i, 4)) {
                case 0 -> assertEquals(eager.value(), v.value());
                case 1 -> assertEquals(eager.oidIndex(), v.oidIndex());
                case 2 -> assertEquals(eager.toString(), v.toString());
                default -> assertEquals(eager.hashCode(), v.hashCode());
            }
            assertEquals(eager.oid(), v.oid());
            assertEquals(eager.oidIndex(), v.oidIndex());
            assertEquals(eager.value(), v.value());
            assertEquals(eager.snmpType(), v.snmpType());
            assertEquals(eager.name(), v.name());
            assertEquals(eager.toString(), v.toString());
            assertArrayEquals(eager.valueBytes(), v.valueBytes());
            assertEquals(eager, v);
            assertEquals(v, eager);
            assertEquals(eager.hashCode(), v.hashCode());
        }
    }

    @Property(tries = 30)
    void threadsMakingTheSameStringsAtOnceSeeTheSame(@ForAll("answers") List<VarBind> vbs, @ForAll boolean numeric,
            @ForAll boolean asWalk) throws Exception {
        ReceivedVariables.Format format = new ReceivedVariables.Format(tree, false, numeric, false, false);
        List<SnmpVariable> lazy = lazily(vbs, format,
                asWalk ? new ReceivedVariables.Reader(tree, false, numeric, false, false) : null);
        List<SnmpVariable> expected = new ArrayList<>();
        for (VarBind vb : vbs) {
            expected.add(ReceivedVariables.of(vb, tree, false, numeric, false, false));
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> seen = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                seen.add(pool.submit(() -> {
                    go.await();
                    List<String> s = new ArrayList<>();
                    for (SnmpVariable v : lazy) {
                        s.add(v.oid() + "|" + v.oidIndex() + "|" + v.value() + "|" + v.snmpType());
                    }
                    return s;
                }));
            }
            go.countDown();
            List<String> want = new ArrayList<>();
            for (SnmpVariable v : expected) {
                want.add(v.oid() + "|" + v.oidIndex() + "|" + v.value() + "|" + v.snmpType());
            }
            for (Future<List<String>> f : seen) {
                assertEquals(want, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
