package io.varbind.benchmarks;

import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.smi.AssignableFromLong;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * Encode and decode of the same messages by Varbind and by SNMP4J, side by side. Both start from
 * the same bytes ({@link CodecWorkloads#bytes} checks they encode identically) and both decoders
 * visit every varbind's OID arcs and value. Run it with {@code -prof gc} for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

    @Param({"get1", "resp10", "bulk50"})
    public String workload;

    private byte[] wire;
    private final byte[] out = new byte[8192];
    private CommunityMessage message;
    private final VarBindCursor cursor = new VarBindCursor();
    private final int[] arcs = new int[Oid.MAX_ARCS];
    private final int[] valueArcs = new int[Oid.MAX_ARCS];

    private PDU snmp4jPdu;
    private final Integer32 snmp4jVersion = new Integer32(1);
    private final OctetString snmp4jCommunity = new OctetString(CodecWorkloads.COMMUNITY);
    private final ByteBuffer snmp4jOut = ByteBuffer.allocate(8192);
    private final BEROutputStream snmp4jStream = new BEROutputStream(snmp4jOut);

    @Setup
    public void setup() {
        wire = CodecWorkloads.bytes(workload);
        message = CodecWorkloads.varbindMessage(workload);
        snmp4jPdu = CodecWorkloads.snmp4jPdu(workload);
    }

    @Benchmark
    public int varbind_encode() {
        return SnmpMessageEncoder.encode(message, out, 0);
    }

    @Benchmark
    public int snmp4j_encode() {
        snmp4jOut.clear();
        return CodecWorkloads.snmp4jEncode(snmp4jVersion, snmp4jCommunity, snmp4jPdu, snmp4jStream);
    }

    /** The allocation-free path: every OID and value visited, nothing turned into objects. */
    @Benchmark
    public long varbind_decode() {
        VarBindCursor c = cursor.reset(wire, 0, wire.length);
        return CodecWorkloads.visit(c, arcs, valueArcs);
    }

    /** The object path: a whole message of immutable PDU, VarBind and Variable objects. */
    @Benchmark
    public void varbind_decode_objects(Blackhole bh) {
        CommunityMessage m = (CommunityMessage) SnmpMessageDecoder.decode(wire, 0, wire.length);
        Pdu p = m.regularPdu();
        for (VarBind vb : p.varBinds()) {
            bh.consume(vb.oid());
            bh.consume(vb.value());
        }
    }

    @Benchmark
    public long snmp4j_decode() {
        try {
            BERInputStream in = new BERInputStream(ByteBuffer.wrap(wire));
            BER.MutableByte type = new BER.MutableByte();
            BER.decodeHeader(in, type);
            Integer32 version = new Integer32();
            version.decodeBER(in);
            OctetString community = new OctetString();
            community.decodeBER(in);
            PDU pdu = new PDU();
            pdu.decodeBER(in);
            long h = pdu.getRequestID().getValue();
            for (VariableBinding vb : pdu.getVariableBindings()) {
                int[] a = vb.getOid().getValue();
                h += a[a.length - 1] + a.length;
                org.snmp4j.smi.Variable v = vb.getVariable();
                if (v instanceof AssignableFromLong || v instanceof Integer32) {
                    h += v.toLong();
                } else if (v instanceof org.snmp4j.smi.OID o) {
                    h += o.size();
                } else if (v instanceof org.snmp4j.smi.IpAddress) {
                    h += 4; // SNMP4J reports the IpAddress's whole TLV length as its payload length
                } else if (!(v instanceof org.snmp4j.smi.Null)) {
                    h += v.getBERPayloadLength();
                }
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
