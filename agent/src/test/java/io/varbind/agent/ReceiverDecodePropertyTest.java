package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.TrapV1Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.mib.MibTree;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmUser;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The notification receiver's decode (one message in, {@link NotificationProcessor}) over random
 * messages: well-formed v2c traps and informs of random varbinds of every type are delivered with
 * exactly the varbinds sent (an inform's acknowledgement echoes them and its request-id); v1 traps
 * of random enterprise, generic and specific trap are translated as RFC 3584 section 3.1 says; any
 * mutation or truncation of either never escapes as an exception, and what it gives is usable.
 * Then the hostile shapes one by one: huge varbind counts, lengths that lie, deep nesting,
 * overlong OIDs, Report PDUs, and v3 messages with absurd engine boots and time.
 */
class ReceiverDecodePropertyTest {
    private static final byte[] OWN_ENGINE = HexFormat.of().parseHex("80001f88046f776e2d70726f70");
    private static final byte[] SENDER_ENGINE = HexFormat.of().parseHex("80001f880473656e6465722d70");
    private static final String SENDER_HEX = HexFormat.of().formatHex(SENDER_ENGINE);
    private static final UsmUser SENDER_SHA = UsmUser.localized("shaaes", AuthProtocol.parse("SHA"), "prop-auth-pass",
            PrivProtocol.parse("AES"), "prop-priv-pass", SENDER_ENGINE);
    private static final UsmUser SENDER_PLAIN = UsmUser.localized("plain", AuthProtocol.NONE, null, PrivProtocol.NONE,
            null, SENDER_ENGINE);
    private static final UsmUser OWN_SHA = UsmUser.localized("shaaes", AuthProtocol.parse("SHA"), "prop-auth-pass",
            PrivProtocol.parse("AES"), "prop-priv-pass", OWN_ENGINE);
    private static final UsmUser OWN_PLAIN = UsmUser.localized("plain", AuthProtocol.NONE, null, PrivProtocol.NONE,
            null, OWN_ENGINE);
    private static final NotificationReceiver.Display DISPLAY = new NotificationReceiver.Display(MibTree.defaultTree(),
            false, false, false, false);
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress DESTINATION = new InetSocketAddress("127.0.0.1", 162);
    private static final Oid SYS_UPTIME_0 = Oid.parse("1.3.6.1.2.1.1.3.0");
    private static final Oid SNMP_TRAP_OID_0 = Oid.parse("1.3.6.1.6.3.1.1.4.1.0");
    private static final Oid SNMP_TRAP_ENTERPRISE_0 = Oid.parse("1.3.6.1.6.3.1.1.4.3.0");

    private ReceiverStatistics stats;

    private NotificationProcessor processor() {
        stats = new ReceiverStatistics();
        return new NotificationProcessor(Set.of("public"), OWN_ENGINE, 1, Map.of("shaaes", OWN_SHA, "plain", OWN_PLAIN),
                Map.of(SENDER_HEX + "/shaaes", SENDER_SHA, SENDER_HEX + "/plain", SENDER_PLAIN), stats, DISPLAY);
    }

    private NotificationProcessor.Outcome process(byte[] msg) {
        byte[] copy = msg.clone();
        return processor().process(copy, copy.length, SOURCE, DESTINATION, "udp");
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Oid> oids() {
        Arbitrary<Integer> first = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> second = Arbitraries.integers().between(0, 39);
        Arbitrary<List<Integer>> rest = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .edgeCases(e -> e.add(127).add(128).add(16383).add(16384))
                .list().ofMaxSize(Oid.MAX_ARCS - 2);
        return Combinators.combine(first, second, rest).as((a, b, r) -> {
            int[] arcs = new int[2 + r.size()];
            arcs[0] = a;
            arcs[1] = b;
            for (int i = 0; i < r.size(); i++) {
                arcs[2 + i] = r.get(i);
            }
            return Oid.of(arcs);
        });
    }

    @Provide
    Arbitrary<Variable> values() {
        Arbitrary<byte[]> octets = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Variable::integer),
                octets.map(Variable::octetString),
                Arbitraries.just(Variable.nullValue()),
                oids().map(Variable::objectId),
                Arbitraries.bytes().array(byte[].class).ofSize(4).map(Variable::ipAddress),
                u32.map(Variable::counter32),
                u32.map(Variable::gauge32),
                u32.map(Variable::timeTicks),
                Arbitraries.longs().map(Variable::counter64),
                octets.map(Variable::opaque),
                Arbitraries.of(Variable.noSuchObject(), Variable.noSuchInstance(), Variable.endOfMibView()));
    }

    @Provide
    Arbitrary<List<VarBind>> varBindLists() {
        return Combinators.combine(oids(), values()).as(VarBind::new).list().ofMaxSize(40);
    }

    private static List<VarBind> notificationVarBinds(long uptime, Oid trapOid, List<VarBind> rest) {
        List<VarBind> all = new ArrayList<>();
        all.add(new VarBind(SYS_UPTIME_0, Variable.timeTicks(uptime)));
        all.add(new VarBind(SNMP_TRAP_OID_0, Variable.objectId(trapOid)));
        all.addAll(rest);
        return all;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300)
    void wellFormedV2cNotificationsAreDeliveredAsSent(@ForAll("varBindLists") List<VarBind> rest,
            @ForAll("oids") Oid trapOid, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int uptime,
            @ForAll boolean inform, @ForAll int requestId, @ForAll boolean knownCommunity) {
        List<VarBind> sent = notificationVarBinds(uptime, trapOid, rest);
        byte[] msg = SnmpMessageEncoder.encode(new CommunityMessage(1,
                (knownCommunity ? "public" : "publi").getBytes(StandardCharsets.US_ASCII),
                new Pdu(inform ? BerTags.INFORM : BerTags.TRAP_V2, requestId, 0, 0, sent)));
        NotificationProcessor.Outcome o = process(msg);
        assertNull(o.report());
        if (!knownCommunity) {
            assertNull(o.notification());
            assertEquals(1, stats.badCommunities());
            return;
        }
        Notification n = o.notification();
        assertNotNull(n, stats.toString());
        assertEquals(sent, n.varBinds());
        assertEquals(sent, n.v2VarBinds());
        assertEquals("." + trapOid, n.trapOid());
        assertEquals(uptime, n.uptime());
        assertEquals(inform ? Notification.Kind.INFORM : Notification.Kind.TRAP, n.kind());
        assertEquals(2, n.version());
        assertEquals("public", n.community());
        touch(n);
        if (inform) {
            byte[][] out = new byte[1][];
            o.ack().sendTo((b, off, len) -> out[0] = Arrays.copyOfRange(b, off, off + len));
            Pdu answer = ((CommunityMessage) SnmpMessageDecoder.decode(out[0])).regularPdu();
            assertEquals(BerTags.RESPONSE, answer.type());
            assertEquals(requestId, answer.requestId());
            assertEquals(0, answer.errorStatus());
            assertEquals(sent, answer.varBinds());
            assertEquals(sent, n.varBinds(), "the notification changed by its acknowledgement");
        } else {
            assertNull(o.ack());
        }
    }

    @Property(tries = 300)
    void v1TrapsAreTranslatedAsRfc3584Says(@ForAll("oids") Oid enterprise,
            @ForAll @IntRange(min = 0, max = 6) int generic, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int specific,
            @ForAll @Size(4) byte[] agentAddr, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int timestamp,
            @ForAll("varBindLists") List<VarBind> vbs) {
        byte[] msg = SnmpMessageEncoder.encode(new CommunityMessage(0, "public".getBytes(StandardCharsets.US_ASCII),
                new TrapV1Pdu(enterprise, agentAddr, generic, specific, timestamp, vbs)));
        NotificationProcessor.Outcome o = process(msg);
        if (generic == 6 && enterprise.size() > Oid.MAX_ARCS - 2) {
            assertNull(o.notification(), "enterprise.0.specific would pass 128 arcs");
            assertEquals(1, stats.malformed());
            return;
        }
        Notification n = o.notification();
        assertNotNull(n, stats.toString());
        Oid expected = generic == 6 ? enterprise.append(0, specific) : Oid.parse("1.3.6.1.6.3.1.1.5." + (generic + 1));
        assertEquals("." + expected, n.trapOid());
        assertEquals(Notification.Kind.TRAP_V1, n.kind());
        assertEquals(timestamp, n.uptime());
        assertEquals("." + enterprise, n.enterprise());
        assertEquals(generic, n.genericTrap());
        assertEquals(specific, n.specificTrap());
        assertEquals(vbs, n.varBinds());
        List<VarBind> v2 = new ArrayList<>(notificationVarBinds(timestamp, expected, vbs));
        if (vbs.stream().noneMatch(vb -> vb.oid().equals(SNMP_TRAP_ENTERPRISE_0))) {
            v2.add(new VarBind(SNMP_TRAP_ENTERPRISE_0, Variable.objectId(enterprise)));
        }
        assertEquals(v2, n.v2VarBinds());
        assertNull(o.ack());
        touch(n);
    }

    @Provide
    Arbitrary<byte[]> notificationMessages() {
        Arbitrary<byte[]> v2 = Combinators.combine(varBindLists(), oids(), Arbitraries.of(BerTags.TRAP_V2, BerTags.INFORM,
                BerTags.REPORT, BerTags.RESPONSE, BerTags.GET)).as((rest, trapOid, type) ->
                SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                        new Pdu(type, 7, 0, 0, notificationVarBinds(5, trapOid, rest)))));
        Arbitrary<byte[]> v1 = Combinators.combine(oids(), Arbitraries.integers(), Arbitraries.integers(),
                varBindLists()).as((enterprise, generic, specific, vbs) -> SnmpMessageEncoder.encode(
                new CommunityMessage(0, "public".getBytes(StandardCharsets.US_ASCII),
                        new TrapV1Pdu(enterprise, new byte[4], generic, specific, 9, vbs))));
        return Arbitraries.oneOf(v2, v1);
    }

    /** Any damage to a notification: changed octets, then a cut. Never an exception; what comes out is usable. */
    @Property(tries = 1500)
    void damagedNotificationsNeverEscape(@ForAll("notificationMessages") byte[] msg,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 65535) Integer> positions,
            @ForAll @Size(max = 6) List<Byte> values, @ForAll @IntRange(min = 0, max = 65535) int cut) {
        byte[] m = msg.clone();
        for (int i = 0; i < Math.min(positions.size(), values.size()); i++) {
            m[positions.get(i) % m.length] = values.get(i);
        }
        m = Arrays.copyOf(m, Math.max(0, Math.min(m.length, cut == 0 ? m.length : cut)));
        NotificationProcessor.Outcome o = process(m);
        assertEquals(1, stats.received());
        if (o.report() != null) { // a damaged version octet can make it v3 discovery
            assertNull(o.notification(), "a report and a notification");
        }
        if (o.notification() != null) {
            touch(o.notification());
        } else {
            assertNull(o.ack());
        }
    }

    @Property(tries = 1000)
    void arbitraryBytesNeverEscape(@ForAll @Size(max = 400) byte[] junk) {
        NotificationProcessor.Outcome o = process(junk);
        assertEquals(1, stats.received());
        if (o.notification() != null) {
            touch(o.notification());
        }
    }

    /** Everything an application may read of a notification, as a callback would. */
    private static void touch(Notification n) {
        assertNotNull(n.trapOid());
        assertNotNull(n.toString());
        n.uptime();
        n.enterprise();
        n.agentAddress();
        n.contextEngineId();
        for (VarBind vb : n.v2VarBinds()) {
            assertNotNull(vb.oid().toString());
        }
        for (SnmpVariable v : n.variables()) {
            assertNotNull(v.oid());
            assertNotNull(v.value());
            assertNotNull(v.snmpType());
        }
    }

    // ------------------------------------------------------------------ hostile shapes, one by one

    @Example
    void aHugeVarbindCountIsBoundByTheDatagramAndDelivered() {
        List<VarBind> rest = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            rest.add(VarBind.ofNull(Oid.of(1, 3, 6, 1, 4, 1, 9, i)));
        }
        byte[] msg = SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                new Pdu(BerTags.TRAP_V2, 1, 0, 0, notificationVarBinds(1, Oid.parse("1.3.6.1.6.3.1.1.5.1"), rest))));
        assertTrue(msg.length <= AgentServer.MAX_MESSAGE_SIZE, msg.length + " bytes");
        Notification n = process(msg).notification();
        assertNotNull(n, stats.toString());
        assertEquals(4002, n.varBinds().size());
        assertEquals(4002, n.variables().size());
    }

    @Example
    void lengthsThatLieNestingAndOverlongOidsAreMalformed() throws Exception {
        byte[] good = SnmpMessageEncoder.encode(new CommunityMessage(1, "public".getBytes(StandardCharsets.US_ASCII),
                new Pdu(BerTags.TRAP_V2, 1, 0, 0, notificationVarBinds(1, Oid.parse("1.3.6.1.6.3.1.1.5.1"), List.of()))));
        List<byte[]> hostile = new ArrayList<>();
        // the message claims 2 GB, 4 GB, one octet more than it has
        for (byte[] header : new byte[][] {{0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                {0x30, (byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, {0x30, (byte) 0x80}}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(header);
            b.write(good, 2, good.length - 2);
            hostile.add(b.toByteArray());
        }
        byte[] longer = good.clone();
        longer[1]++;
        hostile.add(longer);
        // 100,000 nested SEQUENCEs where the PDU should be (indefinite lengths, then definite ones)
        hostile.add(community(nested(100_000, true)));
        hostile.add(community(nested(20_000, false)));
        // a varbind whose OID has 129 arcs, one whose arc needs 40 bits, one of 60,000 octets
        hostile.add(community(pdu(varbind(oidTlv(129, 1)))));
        hostile.add(community(pdu(varbind(new byte[] {0x06, 0x07, 0x2b, (byte) 0x81, (byte) 0x81, (byte) 0x81,
            (byte) 0x81, (byte) 0x81, 0x01}))));
        hostile.add(community(pdu(varbind(oidTlv(30_000, 2)))));
        for (byte[] m : hostile) {
            NotificationProcessor.Outcome o = process(m);
            assertNull(o.notification(), HexFormat.of().formatHex(m, 0, Math.min(m.length, 16)));
            assertNull(o.report());
            assertEquals(1, stats.malformed(), stats.toString());
        }
    }

    /** A v2c message of community public around {@code pdu}. */
    private static byte[] community(byte[] pdu) {
        byte[] head = {0x02, 0x01, 0x01, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c'};
        return tlv(0x30, concat(head, pdu));
    }

    /** A trap PDU (request-id 1, no errors) whose varbind list holds {@code varbind}. */
    private static byte[] pdu(byte[] varbind) {
        return tlv(BerTags.TRAP_V2, concat(new byte[] {0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00},
                tlv(0x30, varbind)));
    }

    private static byte[] varbind(byte[] oid) {
        return tlv(0x30, concat(oid, new byte[] {0x05, 0x00}));
    }

    /** An OID TLV 1.3 then {@code count} more arcs, each in {@code width} octets. */
    private static byte[] oidTlv(int count, int width) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x2b);
        for (int i = 0; i < count; i++) {
            for (int k = 1; k < width; k++) {
                b.write(0x81);
            }
            b.write(0x01);
        }
        return tlv(0x06, b.toByteArray());
    }

    private static byte[] nested(int depth, boolean indefinite) {
        if (indefinite) {
            byte[] out = new byte[depth * 2];
            for (int i = 0; i < depth; i++) {
                out[2 * i] = (byte) BerTags.TRAP_V2;
                out[2 * i + 1] = (byte) 0x80;
            }
            return out;
        }
        byte[] inner = new byte[0];
        for (int i = 0; i < depth; i++) {
            inner = tlv(0x30, inner);
        }
        return tlv(BerTags.TRAP_V2, inner);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        int n = content.length;
        if (n < 0x80) {
            b.write(n);
        } else if (n < 0x100) {
            b.write(0x81);
            b.write(n);
        } else if (n < 0x10000) {
            b.write(0x82);
            b.write(n >> 8);
            b.write(n);
        } else {
            b.write(0x83);
            b.write(n >> 16);
            b.write(n >> 8);
            b.write(n);
        }
        b.writeBytes(content);
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Example
    void reportPdusAreNeverAnsweredNorDelivered() {
        List<VarBind> vbs = List.of(new VarBind(Oid.parse("1.3.6.1.6.3.15.1.1.4.0"), Variable.counter32(3)));
        // v2c Report and Response: counted as carrying no notification
        for (int type : new int[] {BerTags.REPORT, BerTags.RESPONSE}) {
            NotificationProcessor.Outcome o = process(SnmpMessageEncoder.encode(new CommunityMessage(1,
                    "public".getBytes(StandardCharsets.US_ASCII), new Pdu(type, 1, 0, 0, vbs))));
            assertNull(o.notification());
            assertNull(o.report());
            assertEquals(1, stats.unsupportedPdus());
        }
        // v3 Report (reportable flag set by a hostile sender) to our engine and to a known sender's
        for (UsmUser u : List.of(OWN_PLAIN, SENDER_PLAIN)) {
            NotificationProcessor.Outcome o = process(v3(u, new EngineState(
                    u == OWN_PLAIN ? OWN_ENGINE : SENDER_ENGINE, 1, 10), BerTags.REPORT, true));
            assertNull(o.notification());
            assertNull(o.report(), "a report answered with a report");
            assertEquals(1, stats.unsupportedPdus());
        }
        // shaped as discovery (no engine id): a Report, a Response or a Trap gets no Report back,
        // whatever its flag says; a GET (the confirmed class) does
        for (int type : new int[] {BerTags.REPORT, BerTags.RESPONSE, BerTags.TRAP_V2, BerTags.GET}) {
            NotificationProcessor.Outcome o = process(v3(null, null, type, true));
            assertNull(o.notification());
            assertEquals(1, stats.unknownEngineIds());
            assertEquals(type == BerTags.GET, o.report() != null, BerTags.name(type));
        }
    }

    private static byte[] v3(UsmUser user, EngineState engine, int pduType, boolean reportable) {
        List<VarBind> vbs = notificationVarBinds(1, Oid.parse("1.3.6.1.6.3.1.1.5.1"), List.of());
        byte[] out = new byte[4096];
        byte[] context = engine == null ? new byte[0] : SENDER_ENGINE;
        int n = UsmSecurityModel.encode(out, 0, 77, 65507, reportable, user, engine,
                new ScopedPdu(context, new byte[0], new Pdu(pduType, 5, 0, 0, vbs)));
        return Arrays.copyOf(out, n);
    }

    /**
     * RFC 3414 section 3.2 step 7b for v3 traps (the sender authoritative): boots of 2^31-1, lower
     * boots, or a time more than 150 s behind the latest seen are notInTimeWindows; a time far
     * ahead only moves the receiver's notion on. Without authentication no time is checked.
     */
    @Example
    void absurdEngineBootsAndTimeOfV3Traps() {
        NotificationProcessor p = processor();
        assertNotNull(deliver(p, SENDER_SHA, 5, 1000), "a trap in time");
        assertNull(deliver(p, SENDER_SHA, 4, 1000), "lower boots");
        assertNull(deliver(p, SENDER_SHA, 5, 800), "200 s behind");
        assertEquals(2, stats.notInTimeWindows());
        assertNotNull(deliver(p, SENDER_SHA, 5, Integer.MAX_VALUE), "time at its largest");
        assertNull(deliver(p, SENDER_SHA, 5, 1100), "behind the new latest time");
        assertNull(deliver(p, SENDER_SHA, Integer.MAX_VALUE, 0), "boots latched at 2^31-1");
        assertNull(deliver(p, SENDER_SHA, 6, 0), "after the latch, nothing from that engine");
        assertEquals(5, stats.notInTimeWindows());
        assertNotNull(deliver(p, SENDER_PLAIN, Integer.MAX_VALUE, -1 >>> 1), "noAuthNoPriv: no time checked");
        // informs to our own engine out of its window: an authenticated report, never delivered
        NotificationProcessor q = processor();
        byte[] inform = v3(OWN_SHA, new EngineState(OWN_ENGINE, Integer.MAX_VALUE, Integer.MAX_VALUE), BerTags.INFORM,
                true);
        NotificationProcessor.Outcome o = q.process(inform, inform.length, SOURCE, DESTINATION, "udp");
        assertNull(o.notification());
        assertNotNull(o.report());
        assertEquals(1, stats.notInTimeWindows());
    }

    /**
     * A flood of v3 messages from 2,000 unknown engines, and of unknown users of a known one,
     * keeps no state per sender: what the receiver remembers of senders' clocks is for the
     * engines given to it only.
     */
    @Example
    void floodsOfUnknownEnginesAndUsersKeepNothingPerSender() throws Exception {
        NotificationProcessor p = processor();
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 2000; i++) {
            byte[] engineId = new byte[12];
            random.nextBytes(engineId);
            engineId[0] = (byte) 0x80;
            UsmUser stranger = UsmUser.localized("u" + i, AuthProtocol.parse("SHA"), "stranger-pass", PrivProtocol.NONE,
                    null, i % 2 == 0 ? engineId : SENDER_ENGINE);
            byte[] m = v3(stranger, new EngineState(i % 2 == 0 ? engineId : SENDER_ENGINE, 1, 1), BerTags.TRAP_V2,
                    false);
            assertNull(p.process(m, m.length, SOURCE, DESTINATION, "udp").notification());
        }
        assertEquals(1000, stats.unknownEngineIds());
        assertEquals(1000, stats.unknownUserNames());
        java.lang.reflect.Field f = NotificationProcessor.class.getDeclaredField("senders");
        f.setAccessible(true);
        assertTrue(((Map<?, ?>) f.get(p)).isEmpty(), "state kept for senders that were refused");
    }

    private Notification deliver(NotificationProcessor p, UsmUser u, int boots, int time) {
        byte[] m = v3(u, new EngineState(SENDER_ENGINE, boots, time), BerTags.TRAP_V2, false);
        NotificationProcessor.Outcome o = p.process(m, m.length, SOURCE, DESTINATION, "udp");
        assertNull(o.report(), "a report to a trap");
        return o.notification();
    }
}
