package io.varbind.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The (D)TLS side's settings, for the agent and the notification receiver alike: our
 * certificate, the trusted client certificates, the certSecName rules and the TSM names' access.
 */
final class SecureListening {
    String localCert;
    final List<String> trustCerts = new ArrayList<>();
    final List<CertificateMap.Rule> rules = new ArrayList<>();
    final Map<String, TsmAgentProcessor.Access> access = new LinkedHashMap<>();
    int handshakeMillis = 10_000;
    io.varbind.transport.DtlsServer.Limits dtlsLimits = io.varbind.transport.DtlsServer.Limits.DEFAULT;

    /** The DTLS listener's caps; an IllegalArgumentException for a value below 1. */
    void dtlsLimits(int maxSessions, int maxHandshakes, java.time.Duration idleTimeout) {
        dtlsLimits = new io.varbind.transport.DtlsServer.Limits(maxSessions, maxHandshakes, idleTimeout);
    }

    /** Loads the certificates; fails with what is missing. */
    io.varbind.transport.TlsServerSecurity security() {
        if (localCert == null || localCert.isEmpty()) {
            throw new IllegalArgumentException("tls: and dtls: endpoints need the agent's certificate: localCert(...)");
        }
        try {
            io.varbind.engine.TlsSecurity.Identity id = io.varbind.engine.TlsSecurity.loadIdentity(localCert);
            List<byte[]> fingerprints = new ArrayList<>();
            List<java.security.cert.X509Certificate> anchors = new ArrayList<>();
            for (String t : trustCerts) {
                byte[] fp = io.varbind.engine.TlsSecurity.parseFingerprint(t);
                if (fp != null) {
                    fingerprints.add(fp);
                } else {
                    anchors.addAll(io.varbind.engine.TlsSecurity.loadCertificates(t));
                }
            }
            return io.varbind.transport.TlsServerSecurity.of(completeChain(id.chain(), anchors), id.key(),
                    CertificateMap.of(rules, fingerprints, anchors), handshakeMillis);
        } catch (io.varbind.SnmpException e) {
            throw new AgentException(e.getMessage(), e);
        }
    }

    /**
     * Our chain with the issuers found among the trusted certificates appended, as snmpd sends
     * its localCert's CA: Net-SNMP's clients check the agent's certificate with OpenSSL, which
     * does not accept a trusted leaf whose issuer it cannot find.
     */
    static java.security.cert.X509Certificate[] completeChain(java.security.cert.X509Certificate[] chain,
            List<java.security.cert.X509Certificate> candidates) {
        List<java.security.cert.X509Certificate> out = new ArrayList<>(List.of(chain));
        for (int guard = 0; guard < 8; guard++) {
            java.security.cert.X509Certificate last = out.get(out.size() - 1);
            if (last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
                break;
            }
            java.security.cert.X509Certificate issuer = null;
            for (java.security.cert.X509Certificate c : candidates) {
                if (c.getSubjectX500Principal().equals(last.getIssuerX500Principal()) && !out.contains(c)) {
                    try {
                        last.verify(c.getPublicKey());
                        issuer = c;
                        break;
                    } catch (java.security.GeneralSecurityException notThisOne) {
                        // another certificate of the same name
                    }
                }
            }
            if (issuer == null) {
                break;
            }
            out.add(issuer);
        }
        return out.toArray(new java.security.cert.X509Certificate[0]);
    }
}
