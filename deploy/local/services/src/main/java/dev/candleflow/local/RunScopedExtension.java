package dev.candleflow.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side of a {@link RunScopedService}: starts it before a test class needs it and resolves
 * test parameters of its type. Subclasses name the service and add a static accessor.
 */
abstract class RunScopedExtension<S extends AutoCloseable>
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private final RunScopedService<S> service;

    RunScopedExtension(RunScopedService<S> service) {
        this.service = service;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        service.get(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        service.get(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == service.type();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return service.get(context);
    }
}
