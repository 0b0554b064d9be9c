package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CommandResponderTest {

    private static final Oid SYS_DESCR = Oid.parse("1.3.6.1.2.1.1.1.0");
    private static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");
    private static final Oid IF_DESCR_1 = Oid.parse("1.3.6.1.2.1.2.2.1.2.1");
    private static final Oid IF_DESCR_2 = Oid.parse("1.3.6.1.2.1.2.2.1.2.2");
    private static final Oid IF_HC_IN_1 = Oid.parse("1.3.6.1.2.1.31.1.1.1.6.1");
    private static final Oid LAST = Oid.parse("1.3.6.1.4.1.2021.4.5.0");
    private static final Oid UPTIME = Oid.parse("1.3.6.1.2.1.1.3.0");

    private static OidValueStore store() {
        return OidValueStore.builder()
                .put(SYS_DESCR, Variable.octetString("box"))
                .put(UPTIME, now -> Variable.timeTicks(42))
                .put(SYS_NAME, Variable.octetString("name"))
                .put(IF_DESCR_2, Variable.octetString("eth0"))
                .put(IF_DESCR_1, Variable.octetString("lo"))
                .put(IF_HC_IN_1, Variable.counter64(5))
                .put(LAST, Variable.integer(1024))
                .build();
    }

    private static Pdu request(int type, int a, int b, Oid... oids) {
        List<VarBind> vbs = new ArrayList<>();
        for (Oid o : oids) {
            vbs.add(new VarBind(o, Variable.nullValue()));
        }
        return new Pdu(type, 77, a, b, vbs);
    }

    private final CommandResponder responder = new CommandResponder(store());

    @Test
    void getAnswersValuesAndTellsMissingObjectsFromMissingInstances() {
        Pdu r = responder.respond(request(BerTags.GET, 0, 0, SYS_DESCR, UPTIME,
                Oid.parse("1.3.6.1.2.1.2.2.1.2.9"), Oid.parse("1.3.6.1.2.1.77.1.0"), SYS_DESCR.append(1)),
                CommandResponder.V2C, false, 100);
        assertEquals(BerTags.RESPONSE, r.type());
        assertEquals(77, r.requestId());
        assertEquals(0, r.errorStatus());
        assertEquals(Variable.octetString("box"), r.varBinds().get(0).value());
        assertEquals(Variable.timeTicks(42), r.varBinds().get(1).value());
        assertEquals(BerTags.NO_SUCH_INSTANCE, r.varBinds().get(2).value().tag());
        assertEquals(BerTags.NO_SUCH_OBJECT, r.varBinds().get(3).value().tag());
        assertEquals(BerTags.NO_SUCH_INSTANCE, r.varBinds().get(4).value().tag());
    }

    @Test
    void v1GetOfMissingOrCounter64IsNoSuchNameWithItsIndex() {
        Pdu req = request(BerTags.GET, 0, 0, SYS_DESCR, IF_HC_IN_1);
        Pdu r = responder.respond(req, CommandResponder.V1, false, 100);
        assertEquals(ErrorStatus.NO_SUCH_NAME, r.errorStatus());
        assertEquals(2, r.errorIndex());
        assertEquals(req.varBinds(), r.varBinds());
    }

    @Test
    void getNextWalksInOrderAndEndsWithEndOfMibView() {
        Pdu r = responder.respond(request(BerTags.GETNEXT, 0, 0, Oid.parse("1.3"), SYS_NAME, LAST),
                CommandResponder.V2C, false, 100);
        assertEquals(SYS_DESCR, r.varBinds().get(0).oid());
        assertEquals(IF_DESCR_1, r.varBinds().get(1).oid());
        assertEquals(LAST, r.varBinds().get(2).oid());
        assertEquals(BerTags.END_OF_MIB_VIEW, r.varBinds().get(2).value().tag());
    }

    @Test
    void v1GetNextSkipsCounter64AndEndsWithNoSuchName() {
        Pdu r = responder.respond(request(BerTags.GETNEXT, 0, 0, IF_DESCR_2), CommandResponder.V1, false, 100);
        assertEquals(LAST, r.varBinds().get(0).oid());
        Pdu end = responder.respond(request(BerTags.GETNEXT, 0, 0, SYS_DESCR, LAST), CommandResponder.V1, false, 100);
        assertEquals(ErrorStatus.NO_SUCH_NAME, end.errorStatus());
        assertEquals(2, end.errorIndex());
    }

    @Test
    void getBulkRepeatsAndStopsWhenEveryRepeaterEnded() {
        // non-repeaters 1 (sysDescr -> uptime), then two repeaters from ifDescr.1 and LAST.
        Pdu r = responder.respond(request(BerTags.GETBULK, 1, 10, SYS_DESCR, IF_DESCR_1, LAST),
                CommandResponder.V2C, false, 1000);
        List<VarBind> vbs = r.varBinds();
        assertEquals(UPTIME, vbs.get(0).oid());
        assertEquals(IF_DESCR_2, vbs.get(1).oid());
        assertEquals(BerTags.END_OF_MIB_VIEW, vbs.get(2).value().tag());
        assertEquals(IF_HC_IN_1, vbs.get(3).oid());
        assertEquals(LAST, vbs.get(5).oid());
        // Round 3 reaches the end for both; round 4 would only repeat it.
        assertEquals(1 + 2 * 4, vbs.size());
        assertTrue(vbs.get(8).value().isException());
    }

    @Test
    void getBulkHonoursTheBindingLimit() {
        Pdu r = responder.respond(request(BerTags.GETBULK, 0, Integer.MAX_VALUE, Oid.parse("1")),
                CommandResponder.V2C, false, 3);
        assertEquals(3, r.varBinds().size());
    }

    @Test
    void setNeedsWriteAccess() {
        Pdu set = new Pdu(BerTags.SET, 5, 0, 0, List.of(new VarBind(SYS_NAME, Variable.octetString("new"))));
        assertEquals(ErrorStatus.NO_ACCESS, responder.respond(set, CommandResponder.V2C, false, 10).errorStatus());
        assertEquals(ErrorStatus.NO_SUCH_NAME, responder.respond(set, CommandResponder.V1, false, 10).errorStatus());
        Pdu ok = responder.respond(set, CommandResponder.V2C, true, 10);
        assertEquals(0, ok.errorStatus());
        assertEquals(Variable.octetString("new"),
                responder.respond(request(BerTags.GET, 0, 0, SYS_NAME), 1, false, 10).varBinds().get(0).value());
    }

    @Test
    void failedSetChangesNothing() {
        Pdu set = new Pdu(BerTags.SET, 5, 0, 0, List.of(
                new VarBind(SYS_NAME, Variable.octetString("changed")),
                new VarBind(SYS_DESCR, Variable.integer(3))));
        Pdu r = responder.respond(set, CommandResponder.V2C, true, 10);
        assertEquals(ErrorStatus.WRONG_TYPE, r.errorStatus());
        assertEquals(2, r.errorIndex());
        assertEquals(Variable.octetString("name"),
                responder.respond(request(BerTags.GET, 0, 0, SYS_NAME), 1, false, 10).varBinds().get(0).value());
        Pdu live = new Pdu(BerTags.SET, 6, 0, 0, List.of(new VarBind(UPTIME, Variable.timeTicks(1))));
        assertEquals(ErrorStatus.NOT_WRITABLE, responder.respond(live, CommandResponder.V2C, true, 10).errorStatus());
        Pdu create = new Pdu(BerTags.SET, 7, 0, 0, List.of(new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.2.3"),
                Variable.octetString("x"))));
        assertEquals(ErrorStatus.NO_CREATION, responder.respond(create, CommandResponder.V2C, true, 10).errorStatus());
        assertEquals(ErrorStatus.NO_SUCH_NAME, responder.respond(create, CommandResponder.V1, true, 10).errorStatus());
    }

    /** GETBULK with one repeater returns what successive GETNEXTs return, from any start. */
    @Property(tries = 200)
    void getBulkAgreesWithGetNext(@ForAll @IntRange(min = 0, max = 6) int first,
            @ForAll @IntRange(min = 0, max = 40) int second, @ForAll @IntRange(min = 1, max = 12) int reps) {
        Oid start = Oid.of(1, 3, 6, 1, 2, 1, first, second);
        Pdu bulk = responder.respond(request(BerTags.GETBULK, 0, reps, start), CommandResponder.V2C, false, 1000);
        Oid cursor = start;
        for (VarBind vb : bulk.varBinds()) {
            VarBind next = responder.respond(request(BerTags.GETNEXT, 0, 0, cursor), CommandResponder.V2C, false, 10)
                    .varBinds().get(0);
            assertEquals(next, vb);
            if (vb.value().isException()) {
                break;
            }
            assertTrue(vb.oid().compareTo(cursor) > 0);
            cursor = vb.oid();
        }
    }
}
