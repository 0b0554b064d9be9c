package io.varbind.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link SnmpdAgent} per test class (lazily, on first use) and
 * injects it into test methods, constructors and lifecycle methods that declare a
 * {@code SnmpdAgent} parameter. The agent is stopped when the class's tests are done.
 */
public final class SnmpdExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SnmpdExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SnmpdAgent.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NS)
                .getOrComputeIfAbsent("agent", k -> new Holder(SnmpdAgent.start()), Holder.class).agent;
    }

    /** Closes the agent when JUnit closes the class-level store. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final SnmpdAgent agent;

        Holder(SnmpdAgent agent) {
            this.agent = agent;
        }

        @Override
        public void close() {
            agent.close();
        }
    }
}
