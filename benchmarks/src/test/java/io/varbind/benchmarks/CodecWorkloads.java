package io.varbind.benchmarks;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.codec.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/**
 * The codec benchmark's three workloads, built once for each library from the same values:
 * {@code get1} a v2c GetRequest with one varbind, {@code resp10} a v2c Response with ten
 * varbinds of mixed types, {@code bulk50} a GetBulk Response with fifty.
 */
final class CodecWorkloads {
    static final byte[] COMMUNITY = "public".getBytes(StandardCharsets.US_ASCII);
    static final int REQUEST_ID = 0x1234567;

    private CodecWorkloads() {
    }

    /** One binding, described once and built for both libraries. */
    record Binding(int[] oid, int kind, long number, byte[] octets, int[] oidValue) {
    }

    static final int OCTETS = 0;
    static final int INT32 = 1;
    static final int COUNTER32 = 2;
    static final int COUNTER64 = 3;
    static final int TICKS = 4;
    static final int OBJECT_ID = 5;
    static final int IPADDR = 6;
    static final int GAUGE32 = 7;
    static final int NULL = 8;

    static List<Binding> bindings(String workload) {
        switch (workload) {
            case "get1":
                return List.of(new Binding(new int[] {1, 3, 6, 1, 2, 1, 1, 1, 0}, NULL, 0, null, null));
            case "resp10":
                return mixed(10, false);
            case "bulk50":
                return mixed(50, true);
            default:
                throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    /** The mixed types of the issue: a 30-byte string, Integer32, Counter32, Counter64, TimeTicks, a 12-arc OID, IpAddress. */
    private static List<Binding> mixed(int n, boolean table) {
        byte[] text = "Linux router 6.1.0-18 x86_64 a".getBytes(StandardCharsets.US_ASCII); // 30 octets
        List<Binding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] oid = table ? new int[] {1, 3, 6, 1, 2, 1, 2, 2, 1, 1 + i % 22, 1 + i / 22}
                    : new int[] {1, 3, 6, 1, 2, 1, 1, 1 + i, 0};
            switch (i % 10) {
                case 0: out.add(new Binding(oid, OCTETS, 0, text, null)); break;
                case 1: out.add(new Binding(oid, INT32, -1234567, null, null)); break;
                case 2: out.add(new Binding(oid, COUNTER32, 3_000_000_000L, null, null)); break;
                case 3: out.add(new Binding(oid, COUNTER64, 0x7123_4567_89AB_CDEFL, null, null)); break;
                case 4: out.add(new Binding(oid, TICKS, 123_456_789L, null, null)); break;
                case 5: out.add(new Binding(oid, OBJECT_ID, 0, null,
                        new int[] {1, 3, 6, 1, 4, 1, 8072, 3, 2, 10, 1, 2})); break;
                case 6: out.add(new Binding(oid, IPADDR, 0, new byte[] {(byte) 192, (byte) 168, 1, 1}, null)); break;
                case 7: out.add(new Binding(oid, GAUGE32, 1_000_000_000L, null, null)); break;
                case 8: out.add(new Binding(oid, INT32, 1, null, null)); break;
                default: out.add(new Binding(oid, OCTETS, 0, new byte[] {0, 0x1b, 0x21, 0x3c, 0x4d, 0x5e}, null)); break;
            }
        }
        return out;
    }

    static CommunityMessage varbindMessage(String workload) {
        List<VarBind> vbs = new ArrayList<>();
        for (Binding b : bindings(workload)) {
            Variable v;
            switch (b.kind()) {
                case OCTETS: v = Variable.octetString(b.octets()); break;
                case INT32: v = Variable.integer((int) b.number()); break;
                case COUNTER32: v = Variable.counter32(b.number()); break;
                case COUNTER64: v = Variable.counter64(b.number()); break;
                case TICKS: v = Variable.timeTicks(b.number()); break;
                case OBJECT_ID: v = Variable.objectId(Oid.of(b.oidValue())); break;
                case IPADDR: v = Variable.ipAddress(b.octets()); break;
                case GAUGE32: v = Variable.gauge32(b.number()); break;
                default: v = Variable.nullValue(); break;
            }
            vbs.add(new VarBind(Oid.of(b.oid()), v));
        }
        int type = workload.equals("get1") ? BerTags.GET : BerTags.RESPONSE;
        return new CommunityMessage(1, COMMUNITY, new Pdu(type, REQUEST_ID, 0, 0, vbs));
    }

    static PDU snmp4jPdu(String workload) {
        PDU pdu = new PDU();
        pdu.setType(workload.equals("get1") ? PDU.GET : PDU.RESPONSE);
        pdu.setRequestID(new Integer32(REQUEST_ID));
        for (Binding b : bindings(workload)) {
            org.snmp4j.smi.Variable v;
            switch (b.kind()) {
                case OCTETS: v = new OctetString(b.octets()); break;
                case INT32: v = new Integer32((int) b.number()); break;
                case COUNTER32: v = new Counter32(b.number()); break;
                case COUNTER64: v = new Counter64(b.number()); break;
                case TICKS: v = new TimeTicks(b.number()); break;
                case OBJECT_ID: v = new OID(b.oidValue()); break;
                case IPADDR: v = new IpAddress(b.octets()); break;
                case GAUGE32: v = new Gauge32(b.number()); break;
                default: v = Null.instance; break;
            }
            pdu.add(new VariableBinding(new OID(b.oid()), v));
        }
        return pdu;
    }

    /** The message SEQUENCE as SNMP4J's MPv2c builds it: version, community, PDU. */
    static int snmp4jEncode(Integer32 version, OctetString community, PDU pdu, BEROutputStream out) {
        try {
            int len = version.getBERLength() + community.getBERLength() + pdu.getBERLength();
            BER.encodeHeader(out, BER.SEQUENCE, len);
            version.encodeBER(out);
            community.encodeBER(out);
            pdu.encodeBER(out);
            return out.getBuffer().position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the workload, checked to be identical from both libraries. */
    static byte[] bytes(String workload) {
        byte[] buf = new byte[8192];
        int n = SnmpMessageEncoder.encode(varbindMessage(workload), buf, 0);
        byte[] ours = Arrays.copyOf(buf, n);
        ByteBuffer bb = ByteBuffer.allocate(8192);
        int m = snmp4jEncode(new Integer32(1), new OctetString(COMMUNITY), snmp4jPdu(workload), new BEROutputStream(bb));
        byte[] theirs = Arrays.copyOf(bb.array(), m);
        if (!Arrays.equals(ours, theirs)) {
            throw new IllegalStateException("Varbind and SNMP4J encode " + workload + " differently:\n"
                    + java.util.HexFormat.of().formatHex(ours) + "\n" + java.util.HexFormat.of().formatHex(theirs));
        }
        return ours;
    }

    /**
     * Reads every varbind under a positioned cursor without allocating: each OID's arcs, each
     * integer or OID value, and where other contents lie; returns a hash of what it saw (for the
     * benchmark to consume, so that nothing is optimised away).
     */
    static long visit(VarBindCursor c, int[] arcs, int[] valueArcs) {
        long h = c.requestId();
        while (c.next()) {
            int n = c.oid(arcs);
            h += arcs[n - 1] + n;
            switch (c.valueTag()) {
                case BerTags.OBJECT_IDENTIFIER:
                    h += c.oidValue(valueArcs);
                    break;
                case BerTags.INTEGER:
                case BerTags.COUNTER32:
                case BerTags.GAUGE32:
                case BerTags.TIMETICKS:
                case BerTags.COUNTER64:
                case BerTags.UINTEGER32:
                    h += c.longValue();
                    break;
                default:
                    // octets, addresses, NULL, exceptions: where the content is and how long
                    h += c.valueLength();
                    break;
            }
        }
        return h;
    }
}
