package dev.heed.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands a {@link Stack} to any constructor, lifecycle or test method parameter
 * of that type: {@code @ExtendWith(LocalStackExtension.class)}.
 *
 * <p>Contract: one stack per test JVM, started on first use (see {@link LocalStack#start()} for how it
 * chooses Docker or in-process) and shared by every test class, since a broker start costs seconds and
 * parallel brokers only slow each other on two cores. It lives in the root context's store, so JUnit
 * closes it after the last test; tests must not close it.
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Stack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Stack.class, type -> LocalStack.start(), Stack.class);
    }
}
