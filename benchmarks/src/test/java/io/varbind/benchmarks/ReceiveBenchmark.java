package io.varbind.benchmarks;

import io.varbind.SnmpVariable;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import io.varbind.session.ReceivedVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;

/**
 * From a received response's octets to what the caller gets, on one thread (no network): what a
 * {@code Session} returns ({@link SnmpVariable}s with numeric names, {@code useNumeric}), through
 * the engine's deferred decode and a cursor ({@code session_octets}, the path since issue 13) and
 * through decoded objects ({@code session_objects}, the path before it), beside what the engine's
 * {@code List<VarBind>} callers get ({@code engine_objects}) and what SNMP4J's callers get
 * ({@code snmp4j_pdu}: its PDU of VariableBindings, as its message dispatcher decodes it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReceiveBenchmark {

    @Param({"resp10", "bulk50"})
    public String workload;

    private byte[] wire;
    private final VarBindCursor cursor = new VarBindCursor();
    private final int[] arcs = new int[Oid.MAX_ARCS];

    @Setup
    public void setup() {
        wire = CodecWorkloads.bytes(workload);
        if (session_octets().size() != session_objects().size()
                || !session_octets().equals(session_objects())) {
            throw new IllegalStateException("the two Session paths disagree");
        }
    }

    /** Since issue 13: checked in one pass, then read from the octets straight into variables. */
    @Benchmark
    public List<SnmpVariable> session_octets() {
        Pdu p = ((CommunityMessage) SnmpMessageDecoder.decodeDeferred(wire, 0, wire.length)).regularPdu();
        ReceivedVariables.Reader reader = new ReceivedVariables.Reader(null, false, true, false, false);
        VarBindCursor c = cursor.reset(p);
        List<SnmpVariable> out = new ArrayList<>();
        while (c.next()) {
            out.add(reader.of(c, arcs, c.oid(arcs)));
        }
        return out;
    }

    /**
     * {@link #session_octets} with every variable's name, index and value read, which a variable
     * kept as its octets makes on first use: what a caller that looks at everything pays.
     */
    @Benchmark
    public long session_octets_read() {
        long chars = 0;
        for (SnmpVariable v : session_octets()) {
            chars += v.oid().length() + v.oidIndex().length() + v.value().length();
        }
        return chars;
    }

    /** {@link #snmp4j_pdu} with every binding's OID and variable made into strings, as a caller reads them. */
    @Benchmark
    public long snmp4j_pdu_read() {
        long chars = 0;
        for (org.snmp4j.smi.VariableBinding vb : snmp4j_pdu().getVariableBindings()) {
            chars += vb.getOid().toString().length() + vb.getVariable().toString().length();
        }
        return chars;
    }

    /** Before issue 13: PDU, VarBind, Oid and Variable objects, then a variable from each. */
    @Benchmark
    public List<SnmpVariable> session_objects() {
        Pdu p = ((CommunityMessage) SnmpMessageDecoder.decode(wire, 0, wire.length)).regularPdu();
        List<SnmpVariable> out = new ArrayList<>(p.varBinds().size());
        for (VarBind vb : p.varBinds()) {
            out.add(ReceivedVariables.of(vb, null, false, true, false, false));
        }
        return out;
    }

    /** What {@code SnmpEngine.walk}'s list callers get: the varbinds as objects. */
    @Benchmark
    public List<VarBind> engine_objects() {
        return ((CommunityMessage) SnmpMessageDecoder.decode(wire, 0, wire.length)).regularPdu().varBinds();
    }

    /** What SNMP4J's callers get: its PDU, decoded as its v2c message processing does. */
    @Benchmark
    public PDU snmp4j_pdu() {
        try {
            BERInputStream in = new BERInputStream(ByteBuffer.wrap(wire));
            BER.MutableByte type = new BER.MutableByte();
            BER.decodeHeader(in, type);
            new Integer32().decodeBER(in);
            new OctetString().decodeBER(in);
            PDU pdu = new PDU();
            pdu.decodeBER(in);
            return pdu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
