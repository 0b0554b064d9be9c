package io.varbind.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.varbind.SnmpEngine;
import io.varbind.SnmpVariable;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.engine.Target;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The varbinds of a notification: sysUpTime.0 and snmpTrapOID.0 first, the trap OID of each call. */
class NotificationBindingsTest {
    private static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    private static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";

    @Test
    void eachNotificationCarriesItsOwnTrapOidAndARepeatedOneIsResolvedOnce() {
        try (SnmpEngine engine = SnmpEngine.builder().threads(1).build()) {
            AtomicInteger resolved = new AtomicInteger();
            NotificationSender s = new NotificationSender(engine, Target.community(new InetSocketAddress("127.0.0.1",
                    162), 1, "public".getBytes(StandardCharsets.US_ASCII), 1_000_000_000L, 0), true, null, null,
                    (name, value, type) -> new VarBind(Oid.parse(name), type.equals("t")
                            ? Variable.timeTicks(Long.parseLong(value.toString()))
                            : Variable.integer(Integer.parseInt(value.toString()))),
                    spec -> {
                        resolved.incrementAndGet();
                        return Oid.parse(spec);
                    });
            for (String trapOid : List.of(LINK_DOWN, LINK_UP, LINK_DOWN, LINK_DOWN)) {
                List<VarBind> b = s.bindings(trapOid, List.of(SnmpVariable.of("1.3.6.1.2.1.2.2.1.1.7", "7", "i")));
                assertEquals(3, b.size());
                assertEquals(NotificationSender.SYS_UPTIME_0, b.get(0).oid());
                assertEquals(BerTags.TIMETICKS, b.get(0).value().tag());
                assertEquals(NotificationSender.SNMP_TRAP_OID_0, b.get(1).oid());
                assertEquals(Oid.parse(trapOid), b.get(1).value().oidValue());
                assertEquals(7, b.get(2).value().longValue());
            }
            assertEquals(3, resolved.get(), "the fourth, a repeat of the third, is resolved again");
            // a leading sysUpTime.0 gives the uptime and is not repeated
            List<VarBind> b = s.bindings(LINK_UP, List.of(SnmpVariable.of("1.3.6.1.2.1.1.3.0", "4242", "t"),
                    SnmpVariable.of("1.3.6.1.2.1.2.2.1.1.7", "7", "i")));
            assertEquals(3, b.size());
            assertEquals(4242, b.get(0).value().longValue());
            assertEquals(Oid.parse(LINK_UP), b.get(1).value().oidValue());
            assertThrows(UnsupportedOperationException.class, () -> b.add(b.get(2)));
        }
    }
}
