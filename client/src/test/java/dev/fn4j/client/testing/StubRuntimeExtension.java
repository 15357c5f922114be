package dev.fn4j.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method its own {@link StubRuntime}: every StubRuntime parameter of the test
 * and of its @BeforeEach and @AfterEach methods is the same one, closed when the test ends.
 * Use with {@code @ExtendWith(StubRuntimeExtension.class)}.
 */
public final class StubRuntimeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StubRuntimeExtension.class);

    /** Closes the stub when JUnit closes the test method's store. */
    private record Started(StubRuntime stub) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stub.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StubRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // One per test method: a stub resolved in a class-level context would be shared.
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(Started.class, key -> start(), Started.class)
                .stub();
    }

    private static Started start() {
        try {
            return new Started(new StubRuntime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub runtime on 127.0.0.1", e);
        }
    }
}
