package io.varbind.benchmarks;

import io.varbind.codec.Oid;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.VarBindCursor;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.UsmKeyLocalizer;
import io.varbind.usm.UsmSecurityModel;
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
import org.snmp4j.ScopedPDU;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.smi.OctetString;

/**
 * Per-message authPriv cost, Varbind beside SNMP4J (issue 5 section 4): encode + encrypt + sign
 * and verify + decrypt + decode of a GetRequest ({@code get1}) and a ten-varbind Response
 * ({@code resp10}) with HMAC-SHA-96 + AES-128 and with HMAC-SHA-256 + AES-256; and password to
 * localised key. {@link UsmWorkloads} builds both sides from the same user and PDU, and
 * {@code UsmWorkloadsTest} checks each reads the other's messages. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UsmBenchmark {

    @Param({"sha1_aes128", "sha256_aes256"})
    public String combo;

    @Param({"get1", "resp10"})
    public String workload;

    private UsmWorkloads w;
    private final byte[] out = new byte[8192];
    private byte[] varbindWire;
    private byte[] snmp4jWire;
    private final byte[] in = new byte[8192];
    private final V3Envelope envelope = new V3Envelope();
    private final VarBindCursor cursor = new VarBindCursor();
    private final int[] arcs = new int[Oid.MAX_ARCS];
    private final int[] valueArcs = new int[Oid.MAX_ARCS];
    private byte[] answerWire;
    private io.varbind.engine.Target target;

    @Setup
    public void setup() {
        w = new UsmWorkloads(combo, workload);
        varbindWire = java.util.Arrays.copyOf(out, w.varbindEncode(out));
        snmp4jWire = w.snmp4jEncode();
        answerWire = java.util.Arrays.copyOf(out, w.varbindAnswer(out));
        target = w.engineTarget();
    }

    @Benchmark
    public int varbind_encode() {
        return w.varbindEncode(out);
    }

    /**
     * The allocation-free path: the message copied into the receive buffer (as a socket would
     * put it there), verified and decrypted in place, every varbind visited through the cursor.
     */
    @Benchmark
    public long varbind_decode() {
        System.arraycopy(varbindWire, 0, in, 0, varbindWire.length);
        return w.varbindDecodeInPlace(in, varbindWire.length, envelope, cursor, arcs, valueArcs);
    }

    /** The object path: the same, ending in ScopedPdu, VarBind and Variable objects. */
    @Benchmark
    public UsmSecurityModel.Incoming varbind_decode_objects() {
        return w.varbindDecode(varbindWire, varbindWire.length);
    }

    /**
     * One v3 answer through the engine ({@code UsmMessageProcessing.decodeResponse}): copied into
     * the receive buffer, verified and decrypted there, its varbinds left there and read by a
     * cursor, as Session and the engine's walk read them.
     */
    @Benchmark
    public long varbind_answer() {
        System.arraycopy(answerWire, 0, in, 0, answerWire.length);
        return UsmWorkloads.engineAnswer(target, in, answerWire.length, cursor, arcs, valueArcs);
    }

    /** The same answer as the engine decoded it before (the ScopedPDU into PDU, VarBind and Variable objects). */
    @Benchmark
    public long varbind_answer_objects() {
        System.arraycopy(answerWire, 0, in, 0, answerWire.length);
        return w.engineAnswerObjects(in, answerWire.length, envelope);
    }

    @Benchmark
    public byte[] snmp4j_encode() {
        return w.snmp4jEncode();
    }

    @Benchmark
    public ScopedPDU snmp4j_decode() {
        return w.snmp4jDecode(snmp4jWire);
    }

    /** Password to localised key (RFC 3414 A.2: a megabyte of hashing, then one more digest). */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public static class KeyLocalization {
        @Param({"sha1", "sha256"})
        public String auth;

        private AuthProtocol varbindAuth;
        private AuthenticationProtocol snmp4jAuth;
        private final OctetString snmp4jPassword = new OctetString(UsmWorkloads.AUTH_PASSWORD);

        @Setup
        public void setup() {
            varbindAuth = auth.equals("sha1") ? AuthProtocol.SHA1 : AuthProtocol.SHA256;
            snmp4jAuth = auth.equals("sha1") ? new AuthSHA() : new AuthHMAC192SHA256();
            byte[] ours = UsmKeyLocalizer.authKey(varbindAuth, UsmWorkloads.AUTH_PASSWORD, UsmWorkloads.ENGINE_ID);
            byte[] theirs = snmp4jAuth.passwordToKey(snmp4jPassword, UsmWorkloads.ENGINE_ID);
            if (!java.util.Arrays.equals(ours, theirs)) {
                throw new IllegalStateException("Varbind and SNMP4J localise " + auth + " keys differently");
            }
        }

        @Benchmark
        public byte[] varbind_localize() {
            return UsmKeyLocalizer.authKey(varbindAuth, UsmWorkloads.AUTH_PASSWORD, UsmWorkloads.ENGINE_ID);
        }

        @Benchmark
        public byte[] snmp4j_localize() {
            return snmp4jAuth.passwordToKey(snmp4jPassword, UsmWorkloads.ENGINE_ID);
        }
    }
}
