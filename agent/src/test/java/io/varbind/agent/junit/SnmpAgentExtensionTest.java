package io.varbind.agent.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.Session;
import io.varbind.SnmpTimeoutException;
import io.varbind.agent.ScalarGroup;
import io.varbind.agent.SnmpAgent;
import io.varbind.codec.Variable;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension the five-line way, once per class and once per method. */
class SnmpAgentExtensionTest {

    @RegisterExtension
    static SnmpAgentExtension agent = SnmpAgentExtension.demo();

    static int portOfTheFirstTest;

    @Test
    void aPollerTestInFiveLines() {
        try (Session s = Session.builder().hostname(agent.target()).version(2).community("public").build()) {
            assertEquals("varbind-demo", s.get("sysName.0").value());
        }
    }

    @Test
    void theRunningAgentIsAParameterToo(SnmpAgent running) {
        assertSame(agent.agent(), running);
        assertTrue(running.statistics().inPackets.sum() >= 0);
    }

    /** On an instance field: an agent of its own for each method, stopped after it. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerMethod {
        @RegisterExtension
        SnmpAgentExtension own = SnmpAgentExtension.of(b -> b.handler("1.3.6.1.4.1.99999.1",
                new ScalarGroup("1.3.6.1.4.1.99999.1", Map.<Integer, Supplier<Variable>>of(
                        1, () -> Variable.octetString("from code")))));

        @Test
        @Order(1)
        void servesItsHandler() {
            portOfTheFirstTest = own.port();
            assertTrue(own.port() != agent.port());
            try (Session s = Session.builder().hostname(own.target()).version(2).community("public")
                    .timeout(1).retries(0).build()) {
                assertEquals("from code", s.get(".1.3.6.1.4.1.99999.1.1.0").value());
            }
        }

        @Test
        @Order(2)
        void theAgentOfTheMethodBeforeIsStopped() {
            assertTrue(portOfTheFirstTest > 0 && own.port() != portOfTheFirstTest);
            try (Session s = Session.builder().hostname("127.0.0.1:" + portOfTheFirstTest).version(2)
                    .community("public").timeout(0.3).retries(0).build()) {
                assertThrows(SnmpTimeoutException.class, () -> s.get(".1.3.6.1.4.1.99999.1.1.0"));
            }
        }
    }
}
