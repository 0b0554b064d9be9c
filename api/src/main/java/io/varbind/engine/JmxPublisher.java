package io.varbind.engine;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.LoggerFactory;

/**
 * Registers the engine's and the agent's counters with the platform MBean server under
 * {@code io.varbind:type=TYPE,name=NAME}. JMX is for operators: a name that is taken or a server
 * that refuses is logged at WARN and never stops an engine or agent from working.
 *
 * <p>{@code -Dvarbind.jmx=false} registers nothing: starting the platform MBean server costs about
 * 0.1 s of CPU, as much as the rest of a one-shot command line's GET, which no operator watches.
 */
public final class JmxPublisher {
    /** The JMX domain of every Varbind MBean. */
    public static final String DOMAIN = "io.varbind";
    /** The system property that turns registration off when {@code false}. */
    public static final String ENABLED_PROPERTY = "varbind.jmx";

    private JmxPublisher() {
    }

    /**
     * Registers {@code bean} as an MXBean of interface {@code type}.
     *
     * @return its name, or null when it could not be registered or JMX is off ({@link #ENABLED_PROPERTY})
     */
    public static <T> ObjectName register(String type, String name, T bean, Class<T> intf) {
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY))) {
            return null;
        }
        try {
            ObjectName on = new ObjectName(DOMAIN + ":type=" + type + ",name=" + ObjectName.quote(name));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new StandardMBean(bean, intf, true), on);
            return on;
        } catch (JMException | RuntimeException e) {
            LoggerFactory.getLogger("io.varbind.engine").warn("cannot register the JMX MBean {} {}: {}", type, name,
                    e.toString());
            return null;
        }
    }

    /** Unregisters what {@link #register} returned (null: nothing). */
    public static void unregister(ObjectName on) {
        if (on == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(on);
        } catch (JMException | RuntimeException e) {
            // already gone: nothing to do
        }
    }
}
