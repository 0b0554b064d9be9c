package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.TlsAgent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SNMPv3 over TLS (RFC 6353) with the Transport Security Model against Net-SNMP's snmpd
 * (tlstcp): identities as PEM paths and fingerprints, the read-write and read-only certificate
 * mappings, trust by CA and host name, and every refusal as a SnmpConnectionException that
 * names its cause, never a hang.
 */
@Tag("agent")
class TlsSessionTest {
    static TlsAgent agent;

    @BeforeAll
    static void start() {
        agent = TlsAgent.start(false);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    static Session.Builder tls(TlsAgent a, String client) {
        return Session.builder().hostname("tls:127.0.0.1:" + a.port()).version(3).timeout(3).retries(0)
                .ourIdentity(a.cert(client).toString());
    }

    @Test
    void managerGetsWalksAndSetsWithThePinnedAgentFingerprint() {
        try (Session s = tls(agent, "manager").theirIdentity(agent.fingerprint("agent")).build()) {
            assertEquals("tls", s.transport());
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
            List<SnmpVariable> system = s.walk("system");
            assertTrue(system.size() >= 7, system.toString());
            assertTrue(s.bulkwalk("ifTable").size() >= 1);
            // sysContact is not fixed by the configuration, so it is writable
            assertTrue(s.set("sysContact.0", "set over tls"));
            assertEquals("set over tls", s.get("sysContact.0").value());
        }
    }

    @Test
    void closingASessionClosesItsTlsConnection() throws Exception {
        try (SnmpEngine engine = SnmpEngine.create()) {
            for (int i = 0; i < 3; i++) {
                try (Session s = tls(agent, "manager").theirIdentity(agent.fingerprint("agent")).engine(engine)
                        .build()) {
                    assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
                }
            }
            // three sessions, three TLS connections opened and closed: none left established
            // /proc/net/tcp, the agent's side: local address 0100007F:PORT (hex), state 01 = ESTABLISHED;
            // the closes are asynchronous, so poll until none is left or the deadline passes
            String port = String.format("%04X", agent.port());
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            String out;
            long established;
            do {
                out = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/net/tcp"));
                established = out.lines().map(l -> l.trim().split("\\s+"))
                        .filter(f -> f.length > 3 && f[1].endsWith(":" + port) && f[3].equals("01")).count();
                if (established > 0) {
                    Thread.sleep(20);
                }
            } while (established > 0 && System.nanoTime() < deadline);
            assertEquals(0, established, out);
        }
    }

    @Test
    void aStockNetSnmpAgentSpeaksTls10OnlyToSessionsThatAllowIt() {
        try (TlsAgent stock = TlsAgent.start(false, true)) {
            try (Session s = tls(stock, "manager").theirIdentity(stock.fingerprint("agent")).allowTls10(true).build()) {
                assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
                assertTrue(s.walk("system").size() >= 7);
                assertTrue(s.set("sysContact.0", "set over tls 1.0"));
            }
            try (Session s = tls(stock, "manager").trustCert(stock.caCert("ca").toString()).allowTls10(true)
                    .theirHostname("other.example").build()) {
                SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
                assertTrue(e.getMessage().contains("theirHostname other.example"), e.getMessage());
            }
            try (Session s = tls(stock, "manager").theirIdentity(stock.fingerprint("agent")).build()) {
                SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
                assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
            }
        }
    }

    @Test
    void fingerprintsTakeAnyCaseAndColons() {
        String fp = agent.fingerprint("agent").toUpperCase();
        StringBuilder colons = new StringBuilder();
        for (int i = 0; i < fp.length(); i += 2) {
            colons.append(i == 0 ? "" : ":").append(fp, i, i + 2);
        }
        try (Session s = tls(agent, "manager").theirIdentity(colons.toString()).build()) {
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
        }
    }

    @Test
    void trustByCaAndHostName() {
        try (Session s = tls(agent, "manager").trustCert(agent.caCert("ca").toString()).theirHostname("localhost")
                .build()) {
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
        }
        try (Session s = tls(agent, "manager").trustCert(agent.caCert("ca").toString())
                .theirHostname("other.example").build()) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("theirHostname other.example"), e.getMessage());
        }
    }

    @Test
    void readerMayReadButNotWrite() {
        try (Session s = tls(agent, "reader").theirIdentity(agent.fingerprint("agent")).build()) {
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
            SnmpException e = assertThrows(SnmpException.class, () -> s.set("sysContact.0", "not allowed"));
            assertTrue(e.getMessage().toLowerCase().contains("noaccess")
                    || e.getMessage().toLowerCase().contains("authorization"), e.getMessage());
        }
    }

    @Test
    void refusalsNameTheirCause() {
        try (Session s = tls(agent, "manager").theirIdentity(agent.fingerprint("reader")).build()) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("does not match theirIdentity"), e.getMessage());
        }
        try (Session s = tls(agent, "manager").trustCert(agent.caCert("rogue").toString()).build()) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("not trusted by trustCert"), e.getMessage());
        }
        try (Session s = tls(agent, "manager").build()) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("theirIdentity") && e.getMessage().contains("trustCert"),
                    e.getMessage());
        }
        // a client certificate the agent does not trust: refused by the agent, a typed error, no hang
        try (Session s = tls(agent, "rogue").theirIdentity(agent.fingerprint("agent")).build()) {
            assertThrows(SnmpException.class, () -> s.get("sysDescr.0"));
        }
        try (Session s = tls(agent, "nobody").theirIdentity(agent.fingerprint("agent")).build()) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("no certificate"), e.getMessage());
        }
    }

    /**
     * Net-SNMP 5.9.3's dtlsudp, once it has served one DTLS association, fails to send the
     * HelloVerifyRequest of a new one from the same host (its log: "failed to send a DTLS specific
     * packet"), so every DTLS case here has an agent of its own (the certificates are shared).
     */
    static void withDtls(String client, java.util.function.Function<TlsAgent, java.util.function.UnaryOperator<
            Session.Builder>> options, java.util.function.BiConsumer<TlsAgent, Session> body) {
        try (TlsAgent a = TlsAgent.start(false);
                Session s = options.apply(a).apply(Session.builder().hostname("dtls:127.0.0.1:" + a.dtlsPort())
                        .version(3).timeout(6).retries(0).ourIdentity(a.cert(client).toString())).build()) {
            body.accept(a, s);
        }
    }

    @Test
    void dtlsGetsWalksAndSets() {
        withDtls("manager", a -> b -> b.theirIdentity(a.fingerprint("agent")), (a, s) -> {
            assertEquals("dtls", s.transport());
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
            assertTrue(s.walk("system").size() >= 7);
            assertTrue(s.bulkwalk("ifTable").size() >= 1);
            assertTrue(s.set("sysContact.0", "set over dtls"));
            assertEquals("set over dtls", s.get("sysContact.0").value());
        });
    }

    @Test
    void aDtlsSessionIsMadeAgainAfterTheAgentRestarts() {
        withDtls("manager", a -> b -> b.theirIdentity(a.fingerprint("agent")).timeout(4), (a, s) -> {
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
            a.restart();
            // the restarted agent ignores the old association: the first request times out and drops it
            assertThrows(SnmpTimeoutException.class, () -> s.get("sysDescr.0"));
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
        });
    }

    @Test
    void aTlsSessionIsMadeAgainAfterTheAgentRestarts() {
        try (TlsAgent a = TlsAgent.start(false);
                Session s = tls(a, "manager").theirIdentity(a.fingerprint("agent")).build()) {
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
            a.restart();
            String v = null;
            for (int i = 0; i < 2 && v == null; i++) { // the closed stream may cost the request in flight
                try {
                    v = s.get("sysDescr.0").value();
                } catch (SnmpException lost) {
                    // the next request connects again
                }
            }
            assertEquals(TlsAgent.SYS_DESCR, v);
        }
    }

    @Test
    void dtlsTrustsByCaAndHostName() {
        withDtls("manager", a -> b -> b.trustCert(a.caCert("ca").toString()).theirHostname("localhost"),
                (a, s) -> assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value()));
    }

    @Test
    void dtlsReaderMayReadButNotWrite() {
        withDtls("reader", a -> b -> b.theirIdentity(a.fingerprint("agent")), (a, s) -> {
            assertEquals(TlsAgent.SYS_DESCR, s.get("sysDescr.0").value());
            assertThrows(SnmpException.class, () -> s.set("sysContact.0", "not allowed"));
        });
    }

    @Test
    void dtlsRefusalsNameTheirCause() {
        withDtls("manager", a -> b -> b.theirIdentity(a.fingerprint("reader")), (a, s) -> {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("does not match theirIdentity"), e.getMessage());
        });
        withDtls("manager", a -> b -> b.trustCert(a.caCert("ca").toString()).theirHostname("other.example"),
                (a, s) -> {
                    SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
                    assertTrue(e.getMessage().contains("theirHostname other.example"), e.getMessage());
                });
    }

    @Test
    void anExpiredAgentCertificateIsRefused() {
        try (TlsAgent expired = TlsAgent.start(true);
                Session s = tls(expired, "manager").trustCert(expired.caCert("ca").toString()).build()) {
            SnmpConnectionException e = assertThrows(SnmpConnectionException.class, () -> s.get("sysDescr.0"));
            assertTrue(e.getMessage().contains("expired"), e.getMessage());
        }
    }
}
