package io.varbind.agent.junit;

import io.varbind.agent.SnmpAgent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link SnmpAgent} on a free UDP port of 127.0.0.1 for a test: registered on a static
 * field, once around the whole class; on an instance field, afresh around each test method.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SnmpAgentExtension agent = SnmpAgentExtension.demo();
 *
 * @Test
 * void pollsSysName() {
 *     try (Session s = Session.builder().hostname(agent.target()).version(2).community("public").build()) {
 *         assertEquals("varbind-demo", s.get("sysName.0").value());
 *     }
 * }
 * }</pre>
 *
 * Every agent it starts has community {@code public} (read-only) and {@code private}
 * (read-write); test methods may also take the running {@link SnmpAgent} as a parameter.
 */
public final class SnmpAgentExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Consumer<SnmpAgent.Builder> configuration;
    private SnmpAgent agent;
    private boolean perMethod;

    private SnmpAgentExtension(Consumer<SnmpAgent.Builder> configuration) {
        this.configuration = configuration;
    }

    /** An agent serving the built-in demo device (system group, interfaces, moving counters). */
    public static SnmpAgentExtension demo() {
        return of(SnmpAgent.Builder::demoData);
    }

    /** An agent serving a walk file ({@code snmpwalk -On -OU -Oe} output). */
    public static SnmpAgentExtension walkFile(Path file) {
        return of(b -> b.data(file));
    }

    /**
     * An agent configured by {@code configuration} (data, handlers, users, views, more endpoints)
     * on top of the free UDP port and the two communities.
     */
    public static SnmpAgentExtension of(Consumer<SnmpAgent.Builder> configuration) {
        return new SnmpAgentExtension(configuration);
    }

    private void start() {
        SnmpAgent.Builder b = SnmpAgent.builder().listen("udp:127.0.0.1:0").community("public")
                .writeCommunity("private");
        configuration.accept(b);
        agent = b.build();
    }

    private void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (agent == null) { // an instance field: JUnit calls no beforeAll, so each method gets its own
            perMethod = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perMethod) {
            stop();
        }
    }

    /** The running agent; fails outside a test. */
    public SnmpAgent agent() {
        if (agent == null) {
            throw new IllegalStateException("the agent runs only while a test of its class runs");
        }
        return agent;
    }

    /** The agent's UDP address. */
    public InetSocketAddress address() {
        return agent().udpEndpoints().get(0);
    }

    /** The agent's UDP port. */
    public int port() {
        return address().getPort();
    }

    /** {@code 127.0.0.1:PORT}, as {@code Session.Builder.hostname} and Net-SNMP's tools take it. */
    public String target() {
        return "127.0.0.1:" + port();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SnmpAgent.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return agent();
    }
}
