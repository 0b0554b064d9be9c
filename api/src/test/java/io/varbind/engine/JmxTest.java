package io.varbind.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.SnmpEngine;
import io.varbind.SnmpTimeoutException;
import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The engine's counters in JMX, under the documented name, gone when the engine closes. */
class JmxTest {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void engineCountersAreAnMXBeanUntilClose() throws Exception {
        ObjectName name = new ObjectName("io.varbind:type=SnmpEngine,name=\"jmx-test\"");
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SnmpEngine engine = SnmpEngine.builder().threads(1).name("jmx-test").build();
            try {
                assertTrue(JMX.isRegistered(name));
                assertEquals(0L, JMX.getAttribute(name, "Timeouts"));
                Target t = Target.community(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()),
                        1, "public".getBytes(StandardCharsets.US_ASCII), TimeUnit.MILLISECONDS.toNanos(50), 1);
                ExecutionException e = assertThrows(ExecutionException.class, () -> engine.request(t,
                        Pdu.request(BerTags.GET, List.of(Oid.parse("1.3.6.1.2.1.1.1.0")))).get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof SnmpTimeoutException, e.toString());
                assertEquals(1L, JMX.getAttribute(name, "Timeouts"));
                assertEquals(0, JMX.getAttribute(name, "InFlight"));
                for (String a : List.of("UnmatchedResponses", "WrongSourceResponses", "MalformedMessages",
                        "RefusedMessages", "Queued")) {
                    assertEquals(0, ((Number) JMX.getAttribute(name, a)).intValue(), a);
                }
            } finally {
                engine.close();
            }
            assertFalse(JMX.isRegistered(name));
        }
    }

    @Test
    void enginesWithoutANameAreNumbered() throws Exception {
        try (SnmpEngine a = SnmpEngine.builder().threads(1).build();
                SnmpEngine b = SnmpEngine.builder().threads(1).build()) {
            assertTrue(JMX.queryNames(new ObjectName("io.varbind:type=SnmpEngine,name=\"engine-*\""), null).size() >= 2);
        }
    }

    @Test
    void nothingIsRegisteredWithJmxOff() throws Exception {
        ObjectName name = new ObjectName("io.varbind:type=SnmpEngine,name=\"jmx-off\"");
        String before = System.getProperty(JmxPublisher.ENABLED_PROPERTY);
        System.setProperty(JmxPublisher.ENABLED_PROPERTY, "false");
        try (SnmpEngine engine = SnmpEngine.builder().threads(1).name("jmx-off").build()) {
            assertFalse(JMX.isRegistered(name));
        } finally {
            if (before == null) {
                System.clearProperty(JmxPublisher.ENABLED_PROPERTY);
            } else {
                System.setProperty(JmxPublisher.ENABLED_PROPERTY, before);
            }
        }
        try (SnmpEngine engine = SnmpEngine.builder().threads(1).name("jmx-off").build()) {
            assertTrue(JMX.isRegistered(name), "on again once the property is gone");
        }
    }
}
