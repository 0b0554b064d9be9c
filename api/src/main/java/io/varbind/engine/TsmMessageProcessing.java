package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import io.varbind.SnmpEngine;
import io.varbind.codec.BerDecodeException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SNMPv3 with the Transport Security Model (RFC 5591) over TLS (RFC 6353): msgSecurityModel 4,
 * empty msgSecurityParameters, the scoped PDU in clear (the transport encrypts and authenticates),
 * msgFlags at the requested level (authPriv by default, as Net-SNMP). Before the first request
 * the agent's contextEngineID is learnt with RFC 5343's probe (a GET of snmpEngineID.0 in the
 * "local engine" context 0x8000000006), once per agent and engine, unless the session gives one.
 */
public final class TsmMessageProcessing implements MessageProcessing {
    private static final int MAX_SIZE = 65507;
    /** RFC 5343 section 3: the contextEngineID meaning "whatever engine answers". */
    private static final byte[] LOCAL_ENGINE = {(byte) 0x80, 0, 0, 0, 6};
    private static final Oid SNMP_ENGINE_ID = Oid.parse("1.3.6.1.6.3.10.2.1.1.0");

    private final TlsSecurity tls;
    private final int flags;
    private final byte[] givenContextEngineId;
    private final byte[] contextName;
    private volatile byte[] contextEngineId;

    /**
     * @param level 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv (the TSM securityLevel, checked by the agent's VACM)
     * @param contextEngineId the context engine id, or empty to probe for it
     */
    public TsmMessageProcessing(TlsSecurity tls, int level, byte[] contextEngineId, String contextName) {
        this.tls = tls;
        this.flags = (level >= 2 ? V3Message.FLAG_AUTH : 0) | (level >= 3 ? V3Message.FLAG_PRIV : 0);
        this.givenContextEngineId = contextEngineId.clone();
        this.contextName = contextName.getBytes(StandardCharsets.UTF_8);
        this.contextEngineId = contextEngineId.length > 0 ? contextEngineId.clone() : null;
    }

    /** The certificates and checks of the TLS sessions this processing's targets use. */
    @Override
    public TlsSecurity tls() {
        return tls;
    }

    @Override
    public CompletableFuture<Void> prepare(Target target, SnmpEngine engine) {
        if (contextEngineId != null) {
            return CompletableFuture.completedFuture(null);
        }
        String key = "tsm-context-engine|" + target.transport() + "|" + target.address();
        CompletableFuture<byte[]> known = engine.attachment(key, k -> probe(target, engine));
        known.whenComplete((id, e) -> {
            if (e != null) {
                engine.detach(key, known);
            }
        });
        return known.thenAccept(id -> contextEngineId = id);
    }

    private CompletableFuture<byte[]> probe(Target target, SnmpEngine engine) {
        Probe p = new Probe(this);
        Target t = new Target(target.address(), target.transport(), 3, null, target.timeoutNanos(), target.retries(),
                target.localPort(), p);
        return engine.request(t, Pdu.request(BerTags.GET, List.of(SNMP_ENGINE_ID))).thenApply(r -> {
            List<VarBind> vbs = r.pdu().varBinds();
            if (r.pdu().errorStatus() != 0 || vbs.isEmpty() || vbs.get(0).value().tag() != BerTags.OCTET_STRING
                    || vbs.get(0).value().bytes().length == 0) {
                throw new SnmpConnectionException("the RFC 5343 contextEngineID probe of " + target.address()
                        + " got no snmpEngineID: " + r.pdu());
            }
            return vbs.get(0).value().bytes();
        });
    }

    /** The probe's own processing: noAuthNoPriv, the local-engine context, and the shared TLS session. */
    static final class Probe implements MessageProcessing {
        final TsmMessageProcessing parent;

        Probe(TsmMessageProcessing parent) {
            this.parent = parent;
        }

        @Override
        public TlsSecurity tls() {
            return parent.tls;
        }

        @Override
        public int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off) {
            return encode(out, off, correlationId, V3Message.FLAG_REPORTABLE,
                    new ScopedPdu(LOCAL_ENGINE, new byte[0], pdu.withRequestId(correlationId)));
        }

        @Override
        public int correlationId(byte[] buf, int off, int len) {
            return SnmpMessageDecoder.peekRequestId(buf, off, len);
        }

        @Override
        public Pdu decodeResponse(Target target, byte[] buf, int off, int len) {
            return decode(buf, off, len);
        }
    }

    private static int encode(byte[] out, int off, int msgId, int msgFlags, ScopedPdu sp) {
        V3Message m = new V3Message(msgId, MAX_SIZE, msgFlags, V3Message.SECURITY_MODEL_TSM, null, new byte[0], sp,
                null);
        return SnmpMessageEncoder.encodeV3(m, out, off).length();
    }

    private static Pdu decode(byte[] buf, int off, int len) {
        SnmpMessage sm;
        try {
            // the response's own buffer (as for USM): the varbinds stay there for a cursor to read
            sm = SnmpMessageDecoder.decodeDeferred(buf, off, len);
        } catch (BerDecodeException e) {
            throw new SnmpConnectionException("a malformed message from the agent: " + e.getMessage(), e);
        }
        if (!(sm instanceof V3Message m) || m.securityModel() != V3Message.SECURITY_MODEL_TSM) {
            throw new SnmpConnectionException("expected an SNMPv3 message of the Transport Security Model");
        }
        if (m.scopedPdu() == null) {
            throw new SnmpConnectionException("an encrypted scoped PDU over TSM");
        }
        return m.scopedPdu().pdu();
    }

    @Override
    public int encodeRequest(Target target, Pdu pdu, int correlationId, byte[] out, int off) {
        byte[] ctx = contextEngineId;
        if (ctx == null) {
            throw new SnmpConnectionException("TSM request before the contextEngineID probe");
        }
        return encode(out, off, correlationId, flags | V3Message.FLAG_REPORTABLE,
                new ScopedPdu(ctx, contextName, pdu.withRequestId(correlationId)));
    }

    @Override
    public int correlationId(byte[] buf, int off, int len) {
        return SnmpMessageDecoder.peekRequestId(buf, off, len);
    }

    @Override
    public Pdu decodeResponse(Target target, byte[] buf, int off, int len) {
        Pdu p = decode(buf, off, len);
        if (p.type() != BerTags.RESPONSE && p.type() != BerTags.REPORT) {
            throw new SnmpConnectionException("expected a Response PDU, got " + BerTags.name(p.type()));
        }
        return p;
    }

    @Override
    public boolean onReport(Target target, Pdu report, boolean alreadyRetried) {
        String what = report.varBinds().isEmpty() ? "(no varbind)" : report.varBinds().get(0).oid().toString();
        throw new SnmpConnectionException("the agent answered with a report (" + ReportNames.name(what)
                + "): the security level or identity is refused");
    }

    @Override
    public String timeoutHint() {
        return "; over TLS a silent agent usually refused the certificate mapping or the security level";
    }

    /** Names for the report OIDs a TSM agent sends (RFC 5591 section 5.2, RFC 3412 section 5). */
    static final class ReportNames {
        private ReportNames() {
        }

        static String name(String oid) {
            switch (oid) {
                case "1.3.6.1.6.3.190.1.1.1.0": return "snmpTsmInvalidCaches";
                case "1.3.6.1.6.3.190.1.1.2.0": return "snmpTsmInadequateSecurityLevels";
                case "1.3.6.1.6.3.190.1.1.3.0": return "snmpTsmUnknownPrefixes";
                case "1.3.6.1.6.3.190.1.1.4.0": return "snmpTsmInvalidPrefixes";
                case "1.3.6.1.6.3.11.2.1.1.0": return "snmpUnknownSecurityModels";
                case "1.3.6.1.6.3.11.2.1.2.0": return "snmpInvalidMsgs";
                case "1.3.6.1.6.3.11.2.1.3.0": return "snmpUnknownPDUHandlers";
                default: return oid;
            }
        }
    }
}
