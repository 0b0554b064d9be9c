package io.varbind;

import io.varbind.engine.MessageProcessing;
import io.varbind.engine.UsmMessageProcessing;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.PrivProtocol;
import java.util.HexFormat;

/** Builds a v3 session's message processing (USM) from its settings. */
final class V3Support {
    private V3Support() {
    }

    static MessageProcessing processing(Session.Validated config) {
        Session.Builder s = config.settings();
        return new UsmMessageProcessing(s.securityUsernameValue(), config.securityLevel(),
                AuthProtocol.parse(config.authProtocol()), s.authPasswordValue(),
                PrivProtocol.parse(config.privacyProtocol()), s.privacyPasswordValue(),
                hex(s.securityEngineIdValue()), s.engineBootsValue(), s.engineTimeValue(), hex(s.contextEngineIdValue()),
                s.contextValue());
    }

    /** USM for v3 traps: this side is the authoritative engine ({@code securityEngineId} names it). */
    static MessageProcessing trapProcessing(Session.Validated config) {
        Session.Builder s = config.settings();
        return new io.varbind.engine.UsmTrapProcessing(s.securityUsernameValue(), config.securityLevel(),
                AuthProtocol.parse(config.authProtocol()), s.authPasswordValue(),
                PrivProtocol.parse(config.privacyProtocol()), s.privacyPasswordValue(),
                hex(s.securityEngineIdValue()), s.engineBootsValue(), s.engineTimeValue(), hex(s.contextEngineIdValue()),
                s.contextValue());
    }

    /**
     * The processing of v3 informs: a discovering USM like requests' (but its own, since a
     * processing holds the one receiver it discovered); for TLS the request's TSM.
     */
    static MessageProcessing informProcessing(Session.Validated config, MessageProcessing requests) {
        return requests.tls() != null ? requests : processing(config);
    }

    /**
     * TSM over TLS: the identities of the session, and its security level, where the builder's
     * default (noAuthNoPriv) stands for Net-SNMP's default over TLS, authPriv.
     */
    static MessageProcessing tsm(Session.Validated config) {
        Session.Builder s = config.settings();
        boolean defaultLevel = "no_auth_or_privacy".equals(s.securityLevelValue());
        int level = defaultLevel ? 3 : config.securityLevel();
        return new io.varbind.engine.TsmMessageProcessing(io.varbind.engine.TlsSecurity.of(s.ourIdentityValue(),
                s.theirIdentityValue(), s.theirHostnameValue(), s.trustCertValue(), s.allowTls10Value()), level,
                hex(s.contextEngineIdValue()), s.contextValue());
    }

    private static byte[] hex(String h) {
        String x = h.startsWith("0x") || h.startsWith("0X") ? h.substring(2) : h;
        return HexFormat.of().parseHex(x.replace(":", ""));
    }
}
