package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.varbind.session.NotificationSender;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Notifications go to port 162 when the session's hostname names no port (as snmptrap's and
 * snmpinform's default), to the port given otherwise; requests of the same session still go to
 * 161. {@code ./varbind trap} and {@code inform} build their sessions from the AGENT argument the
 * same way.
 */
class NotificationPortTest {

    private static InetSocketAddress notificationDestination(Session s) throws Exception {
        Method m = Session.class.getDeclaredMethod("notifications");
        m.setAccessible(true);
        return ((NotificationSender) m.invoke(s)).destination();
    }

    @Test
    void withoutAPortNotificationsGoTo162() throws Exception {
        for (String host : new String[] {"127.0.0.1", "udp:127.0.0.1", "tcp:127.0.0.1", "udp6:[::1]"}) {
            for (int version : new int[] {1, 2, 3}) {
                Session.Builder b = Session.builder().hostname(host).version(version);
                if (version == 3) {
                    b.securityUsername("noauth").securityEngineId("80001f880473656e646572");
                } else {
                    b.community("public");
                }
                try (Session s = b.build()) {
                    assertEquals(162, notificationDestination(s).getPort(), host + " v" + version);
                    assertEquals(161, s.remotePort(), host + " v" + version + ": requests");
                }
            }
        }
        try (Session s = Session.builder().hostname("127.0.0.1:1162").version(2).community("public").build()) {
            assertEquals(1162, notificationDestination(s).getPort());
        }
        try (Session s = Session.builder().hostname("127.0.0.1").remotePort(2162).version(2).community("public")
                .build()) {
            assertEquals(2162, notificationDestination(s).getPort());
        }
    }
}
