package io.varbind.benchmarks;

import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.VarBindCursor;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmSecurityParameters;
import org.snmp4j.security.UsmTimeEntry;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * The USM benchmark's set-up, the same for both libraries: one authPriv user of an agent whose
 * engine id, boots and time are known (as after discovery), with {@code sha1_aes128}
 * (HMAC-SHA-96 + AES-128) or {@code sha256_aes256} (HMAC-SHA-256-192 + AES-256, Blumenthal key
 * extension), and the messages of {@link CodecWorkloads} ({@code get1}, {@code resp10}) in a
 * scoped PDU. The SNMP4J side calls its USM exactly as its MPv3 does; the messages each library
 * writes are checked to verify and decrypt in the other ({@code UsmWorkloadsTest}).
 */
final class UsmWorkloads {
    static final byte[] ENGINE_ID = {(byte) 0x80, 0, 0x1f, (byte) 0x88, (byte) 0x80, 0x12, 0x34, 0x56, 0x78, 0x01,
        0x02, 0x03, 0x04};
    static final int BOOTS = 7;
    static final int TIME = 123456;
    static final String USER = "benchUser";
    static final String AUTH_PASSWORD = "auth password 1";
    static final String PRIV_PASSWORD = "priv password 2";
    static final int MSG_ID = 0x2345678;
    static final int MAX_SIZE = 65507;

    final String combo;
    final String workload;
    final UsmUser varbindUser;
    final EngineState varbindEngine;
    final ScopedPdu varbindScoped;
    final USM usm;
    final ScopedPDU snmp4jScoped;
    final OctetString userName = new OctetString(USER);
    /** What SNMP4J's dispatcher passes down for a request over UDP without a target (made once). */
    final TransportStateReference transport = new TransportStateReference(null, new UdpAddress("127.0.0.1/161"),
            null, SecurityLevel.authPriv, SecurityLevel.authPriv, false, null);

    UsmWorkloads(String combo, String workload) {
        this.combo = combo;
        this.workload = workload;
        boolean sha256 = combo.equals("sha256_aes256");
        if (!sha256 && !combo.equals("sha1_aes128")) {
            throw new IllegalArgumentException("unknown combination " + combo);
        }
        varbindUser = UsmUser.localized(USER, sha256 ? AuthProtocol.SHA256 : AuthProtocol.SHA1, AUTH_PASSWORD,
                sha256 ? PrivProtocol.AES256 : PrivProtocol.AES128, PRIV_PASSWORD, ENGINE_ID);
        varbindEngine = new EngineState(ENGINE_ID, BOOTS, TIME);
        Pdu pdu = CodecWorkloads.varbindMessage(workload).regularPdu();
        varbindScoped = new ScopedPdu(ENGINE_ID, new byte[0], pdu);

        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        usm = new USM(protocols, new OctetString(new byte[] {(byte) 0x80, 0, 0x1f, (byte) 0x88, 4, 'b', 'e', 'n', 'c',
            'h'}), 0);
        OID auth = sha256 ? AuthHMAC192SHA256.ID : AuthSHA.ID;
        OID priv = sha256 ? PrivAES256.ID : PrivAES128.ID;
        usm.addUser(userName, new OctetString(ENGINE_ID), new org.snmp4j.security.UsmUser(userName, auth,
                new OctetString(AUTH_PASSWORD), priv, new OctetString(PRIV_PASSWORD)));
        usm.getTimeTable().addEntry(new UsmTimeEntry(new OctetString(ENGINE_ID), BOOTS, TIME));
        PDU p = CodecWorkloads.snmp4jPdu(workload);
        snmp4jScoped = new ScopedPDU();
        snmp4jScoped.setType(p.getType());
        snmp4jScoped.setRequestID(p.getRequestID());
        snmp4jScoped.addAll(p.getVariableBindings());
        snmp4jScoped.setContextEngineID(new OctetString(ENGINE_ID));
        snmp4jScoped.setContextName(new OctetString());
    }

    int flags() {
        return MPv3.HeaderData.FLAG_AUTH | MPv3.HeaderData.FLAG_PRIV | (workload.equals("get1") ? 4 : 0);
    }

    /** Varbind: encode, encrypt and sign into {@code out}; returns the length. */
    int varbindEncode(byte[] out) {
        return UsmSecurityModel.encode(out, 0, MSG_ID, MAX_SIZE, workload.equals("get1"), varbindUser, varbindEngine,
                varbindScoped);
    }

    /** Varbind: the workload's varbinds in an authPriv Response, as an agent answers (not reportable). */
    int varbindAnswer(byte[] out) {
        Pdu p = varbindScoped.pdu();
        Pdu response = new Pdu(io.varbind.codec.BerTags.RESPONSE, p.requestId(), 0, 0, p.varBinds());
        return UsmSecurityModel.encode(out, 0, MSG_ID, MAX_SIZE, false, varbindUser, varbindEngine,
                new ScopedPdu(ENGINE_ID, new byte[0], response));
    }

    /** The engine's message processing for this user, its keys localized (as after discovery), and its target. */
    io.varbind.engine.Target engineTarget() {
        boolean sha256 = combo.equals("sha256_aes256");
        io.varbind.engine.UsmMessageProcessing mp = new io.varbind.engine.UsmMessageProcessing(USER, 3,
                sha256 ? AuthProtocol.SHA256 : AuthProtocol.SHA1, AUTH_PASSWORD,
                sha256 ? PrivProtocol.AES256 : PrivProtocol.AES128, PRIV_PASSWORD, ENGINE_ID, BOOTS, TIME,
                new byte[0], "");
        io.varbind.engine.Target t = new io.varbind.engine.Target(new java.net.InetSocketAddress("127.0.0.1", 161),
                "udp", 3, null, 1_000_000_000L, 0, 0, mp);
        mp.prepare(t, null).join();
        return t;
    }

    /**
     * The engine's path for one v3 answer: {@link io.varbind.engine.MessageProcessing#decodeResponse}
     * on the received buffer, then every varbind visited as Session and the walk read them.
     */
    static long engineAnswer(io.varbind.engine.Target t, byte[] msg, int len, VarBindCursor c, int[] arcs,
            int[] valueArcs) {
        Pdu p = t.processing().decodeResponse(t, msg, 0, len);
        return CodecWorkloads.visit(c.reset(p), arcs, valueArcs);
    }

    /**
     * What the engine did with a v3 answer before its varbinds were deferred: verified and
     * decrypted in place, the ScopedPDU decoded into objects, every varbind visited.
     */
    long engineAnswerObjects(byte[] msg, int len, V3Envelope e) {
        Pdu p = UsmSecurityModel.decodeScopedPduInPlace(msg, 0, len, varbindUser, varbindEngine, e).pdu();
        long h = p.requestId();
        for (io.varbind.codec.VarBind vb : p.varBinds()) {
            h += vb.oid().size() + vb.value().tag();
        }
        return h;
    }

    /** Varbind: verify, decrypt and decode. */
    UsmSecurityModel.Incoming varbindDecode(byte[] msg, int len) {
        return UsmSecurityModel.decode(msg, 0, len, varbindUser, varbindEngine);
    }

    /** Varbind, allocation-free: verify and decrypt in place, then visit every varbind. */
    long varbindDecodeInPlace(byte[] msg, int len, V3Envelope e, VarBindCursor c, int[] arcs, int[] valueArcs) {
        if (!UsmSecurityModel.decodeInPlace(msg, 0, len, varbindUser, varbindEngine, e)) {
            throw new IllegalStateException("not authenticated");
        }
        return CodecWorkloads.visit(c.resetScopedPdu(msg, e.dataOffset(), e.dataLength()), arcs, valueArcs);
    }

    private static final class Header extends MPv3.HeaderData {
    }

    /** SNMP4J: what MPv3.prepareOutgoingMessage does for a v3 message: scoped PDU, header, USM. */
    byte[] snmp4jEncode() {
        try {
            ByteBuffer sp = ByteBuffer.allocate(snmp4jScoped.getBERLength());
            snmp4jScoped.encodeBER(new BEROutputStream(sp));
            Header h = new Header();
            h.setMsgID(MSG_ID);
            h.setMsgMaxSize(MAX_SIZE);
            h.setMsgFlags(flags());
            h.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
            ByteBuffer global = ByteBuffer.allocate(h.getBERLength());
            h.encodeBER(new BEROutputStream(global));
            BEROutputStream whole = new BEROutputStream();
            sp.flip();
            int rc = usm.generateRequestMessage(MPv3.ID, global.array(), MAX_SIZE, SecurityModel.SECURITY_MODEL_USM,
                    ENGINE_ID, userName.getValue(), SecurityLevel.AUTH_PRIV, new BERInputStream(sp),
                    usm.newSecurityParametersInstance(), whole, transport, null);
            if (rc != SnmpConstants.SNMPv3_USM_OK) {
                throw new IllegalStateException("SNMP4J's USM refused to encode: " + rc);
            }
            ByteBuffer b = whole.getBuffer();
            return Arrays.copyOf(b.array(), b.limit());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SNMP4J: what MPv3.prepareDataElements does: header, security parameters, USM, scoped PDU. */
    ScopedPDU snmp4jDecode(byte[] msg) {
        try {
            BERInputStream in = new BERInputStream(ByteBuffer.wrap(msg));
            in.mark(16);
            BER.MutableByte type = new BER.MutableByte();
            BER.decodeHeader(in, type);
            Integer32 version = new Integer32();
            version.decodeBER(in);
            Header h = new Header();
            h.decodeBER(in);
            UsmSecurityParameters params = (UsmSecurityParameters) usm.newSecurityParametersInstance();
            int at = (int) in.getPosition();
            params.decodeBER(in);
            params.setSecurityParametersPosition(at); // as MPv3 does: where the OCTET STRING wrapper starts
            in.reset(); // the USM reads the whole message again from its start, as MPv3 hands it over
            BEROutputStream scoped = new BEROutputStream();
            StatusInformation status = new StatusInformation();
            int rc = usm.processIncomingMsg(MPv3.ID, MAX_SIZE, params, usm, SecurityLevel.AUTH_PRIV, in, null,
                    new OctetString(), new OctetString(), scoped, new Integer32(), usm.newSecurityStateReference(),
                    status);
            if (rc != SnmpConstants.SNMPv3_USM_OK) {
                throw new IllegalStateException("SNMP4J's USM refused the message: " + rc);
            }
            ScopedPDU pdu = new ScopedPDU();
            ByteBuffer plain = scoped.getBuffer();
            pdu.decodeBER(new BERInputStream(ByteBuffer.wrap(plain.array(), 0, plain.limit())));
            return pdu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
