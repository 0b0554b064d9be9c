package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Session.Builder: easysnmp's defaults (easysnmp/session.py, Session.__init__), validation and address parsing. */
class SessionBuilderTest {

    @Test
    void defaultsAreEasysnmps() {
        try (Session s = Session.builder().build()) {
            assertEquals("localhost", s.hostname());
            assertEquals(3, s.version());
            assertEquals("public", s.community());
            assertEquals(1.0, s.timeout());
            assertEquals(3, s.retries());
            assertEquals(161, s.remotePort());
            assertEquals(0, s.localPort());
            assertEquals("no_auth_or_privacy", s.securityLevel());
            assertEquals("initial", s.securityUsername());
            assertEquals("DEFAULT", s.authProtocol());
            assertEquals("", s.authPassword());
            assertEquals("DEFAULT", s.privacyProtocol());
            assertEquals("", s.privacyPassword());
            assertEquals("", s.contextEngineId());
            assertEquals("", s.securityEngineId());
            assertEquals("", s.context());
            assertEquals(0, s.engineBoots());
            assertEquals(0, s.engineTime());
            assertEquals("", s.ourIdentity());
            assertEquals("", s.theirIdentity());
            assertEquals("", s.theirHostname());
            assertEquals("", s.trustCert());
            assertFalse(s.useLongNames() || s.useNumeric() || s.useSprintValue() || s.useEnums());
            assertEquals(0, s.bestGuess());
            assertFalse(s.retryNoSuch() || s.abortOnNonexistent());
            assertEquals("udp", s.transport());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "localhost, udp, localhost, 161",
        "localhost:11161, udp, localhost, 11161",
        "udp:10.0.0.1:162, udp, 10.0.0.1, 162",
        "TCP:agent.example:1161, tcp, agent.example, 1161",
        "tcp6:[::1]:1161, tcp6, ::1, 1161",
        "udp6:[fe80::1], udp6, fe80::1, 161",
        "'[::1]:161', udp6, ::1, 161",
        "::1, udp6, ::1, 161",
        "2001:db8::5, udp6, 2001:db8::5, 161",
        "tls:host, tls, host, 10161",
        "tlstcp:host:999, tls, host, 999",
        "dtls:host, dtls, host, 10161",
        "dtlsudp:[::1]:5, dtls, ::1, 5",
    })
    void parsesNetSnmpAddresses(String hostname, String transport, String host, int port) {
        Session s = Session.builder().hostname(hostname).build();
        assertEquals(transport, s.transport());
        assertEquals(host, s.hostname());
        assertEquals(port, s.remotePort());
    }

    @Test
    void remotePortAlone() {
        Session s = Session.builder().hostname("localhost").remotePort(11161).build();
        assertEquals(11161, s.remotePort());
    }

    @Test
    void aPortInTheHostnameAndARemotePortAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Session.builder().hostname("localhost:11161").remotePort(161).build());
        assertThrows(IllegalArgumentException.class,
                () -> Session.builder().hostname("[::1]:11161").remotePort(161).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, -1, 2000})
    void unknownVersionsAreRefused(int version) {
        assertThrows(IllegalArgumentException.class, () -> Session.builder().version(version).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"noAuthNoPriv", "AUTHNOPRIV", "authpriv", "No_Auth_Or_Privacy", "auth_without_privacy",
        "AUTH_WITH_PRIVACY"})
    void securityLevelsMatchCaseInsensitively(String level) {
        assertEquals(level, Session.builder().securityLevel(level).build().securityLevel());
    }

    @Test
    void unknownNamesAreRefusedAtBuild() {
        Session.Builder b = Session.builder().securityLevel("authPrivacy");
        assertThrows(IllegalArgumentException.class, b::build);
        assertThrows(IllegalArgumentException.class, () -> Session.builder().authProtocol("SHA3").build());
        assertThrows(IllegalArgumentException.class, () -> Session.builder().privacyProtocol("AES512").build());
        assertThrows(IllegalArgumentException.class, () -> Session.builder().hostname("host:port").build());
        assertThrows(IllegalArgumentException.class, () -> Session.builder().hostname("host:70000").build());
        assertThrows(IllegalArgumentException.class, () -> Session.builder().bestGuess(3).build());
        assertThrows(IllegalArgumentException.class, () -> Session.builder().contextEngineId("8000g").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "SHA", "sha1", "SHA-224", "sha256", "SHA-384", "sha-512", "default"})
    void authProtocolNames(String name) {
        assertEquals(name, Session.builder().authProtocol(name).build().authProtocol());
    }

    @ParameterizedTest
    @ValueSource(strings = {"des", "3DES", "AES", "aes128", "AES-192", "aes256", "AES-192-C", "aes256c", "DEFAULT"})
    void privacyProtocolNames(String name) {
        assertEquals(name, Session.builder().privacyProtocol(name).build().privacyProtocol());
    }

    @Test
    void timeoutInSecondsOrDuration() {
        assertEquals(2.5, Session.builder().timeout(2.5).build().timeout());
        assertEquals(0.25, Session.builder().timeout(Duration.ofMillis(250)).build().timeout());
    }

    @Test
    void buildNeverTouchesTheNetwork() {
        // no agent, an address nobody answers: building must still succeed at once
        long start = System.nanoTime();
        Session.builder().hostname("192.0.2.1:161").version(2).timeout(30).build().close();
        Session.builder().hostname("no-such-host.invalid").version(1).build().close();
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }

    @Test
    void displayFlagsChangeBetweenCalls() {
        Session s = Session.builder().useNumeric(true).build();
        assertTrue(s.useNumeric());
        s.setUseNumeric(false);
        s.setUseLongNames(true);
        s.setUseEnums(true);
        s.setUseSprintValue(true);
        s.setBestGuess(2);
        s.setRetryNoSuch(true);
        s.setAbortOnNonexistent(true);
        assertFalse(s.useNumeric());
        assertTrue(s.useLongNames() && s.useEnums() && s.useSprintValue() && s.retryNoSuch() && s.abortOnNonexistent());
        assertEquals(2, s.bestGuess());
    }

    @Test
    void updateSessionAppliesChangesOrNothing() {
        Session s = Session.builder().hostname("localhost:11161").version(2).community("wrong").build();
        s.updateSession(b -> b.community("private"));
        assertEquals("private", s.community());
        assertEquals(11161, s.remotePort());
        s.updateSession(b -> b.hostname("otherhost"));
        assertEquals("otherhost", s.hostname());
        assertThrows(IllegalArgumentException.class, () -> s.updateSession(b -> b.version(7)));
        assertEquals(2, s.version());
        assertEquals("private", s.community());
    }
}
