package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.VarBind;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Session keeps the names of recent set and notification bindings resolved (a small cache
 * of two ways per slot). With far more names than entries, in random order, so that names share
 * slots and evict each other, every notification still carries each name's own OID and the type
 * its MIB gives (the cached node is the name's own), and the trap OID its own.
 */
class SessionBoundNamesTest {

    @Test
    void manyNamesInRandomOrderEachKeepTheirOwnOidAndMibType() throws Exception {
        Random random = new Random(1713);
        try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                Session s = Session.builder().hostname("127.0.0.1:" + sink.getLocalPort()).version(2)
                        .community("public").build()) {
            sink.setSoTimeout(5000);
            for (int i = 0; i < 600; i++) {
                int index = 1 + random.nextInt(150);
                boolean numeric = random.nextBoolean();
                // ifDescr is an OCTET STRING and ifMtu an Integer32 in IF-MIB, whatever type is given
                String descr = numeric ? ".1.3.6.1.2.1.2.2.1.2." + index : "IF-MIB::ifDescr." + index;
                String mtu = numeric ? ".1.3.6.1.2.1.2.2.1.4." + index : "IF-MIB::ifMtu." + index;
                int trap = 1 + random.nextInt(6);
                String trapOid = random.nextBoolean() ? ".1.3.6.1.6.3.1.1.5." + trap : "SNMPv2-MIB::snmpTraps." + trap;
                List<SnmpVariable> vars = random.nextBoolean()
                        ? List.of(SnmpVariable.of(descr, "if" + index, "s"), SnmpVariable.of(mtu, "1500", "i"))
                        : List.of(SnmpVariable.of(mtu, "9000", "i"), SnmpVariable.of(descr, "eth" + index, "s"));
                s.trap(trapOid, vars);
                DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
                sink.receive(p);
                Pdu pdu = ((CommunityMessage) SnmpMessageDecoder.decode(p.getData(), 0, p.getLength())).regularPdu();
                List<VarBind> vbs = pdu.varBinds();
                String what = "trap " + i + " " + trapOid + " " + vars;
                assertEquals(Oid.parse("1.3.6.1.6.3.1.1.5." + trap), vbs.get(1).value().oidValue(), what);
                List<String> got = new ArrayList<>();
                for (VarBind vb : vbs.subList(2, vbs.size())) {
                    got.add(vb.oid() + " " + BerTags.name(vb.value().tag()));
                }
                String d = "1.3.6.1.2.1.2.2.1.2." + index + " OCTET STRING";
                String m = "1.3.6.1.2.1.2.2.1.4." + index + " INTEGER";
                assertEquals(vars.get(0).name().equals(descr) ? List.of(d, m) : List.of(m, d), got, what);
            }
        }
    }
}
