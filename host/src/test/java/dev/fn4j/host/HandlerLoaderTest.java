package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.host.testfns.BadHandlers;
import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.HttpEcho;
import org.junit.jupiter.api.Test;

class HandlerLoaderTest {

    private static Object load(String name) throws StartupException {
        return HandlerLoader.load(name, HandlerLoaderTest.class.getClassLoader());
    }

    private static void assertRefused(String name, String message) {
        assertThatThrownBy(() -> load(name))
                .isInstanceOfSatisfying(
                        StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage(message);
    }

    @Test
    void loadsAHandlerAndAnHttpHandler() throws Exception {
        assertThat(load(Greeter.class.getName())).isInstanceOf(Greeter.class);
        assertThat(load(HttpEcho.class.getName())).isInstanceOf(HttpEcho.class);
    }

    @Test
    void missingClassIsNamed() {
        assertRefused("com.example.Nope", "handler com.example.Nope: class not found on the classpath");
    }

    @Test
    void classImplementingNeitherInterfaceIsRefused() {
        String name = BadHandlers.NotAHandler.class.getName();
        assertRefused(
                name, "handler " + name + ": implements neither dev.fn4j.api.Handler nor dev.fn4j.api.HttpHandler");
    }

    @Test
    void classImplementingBothInterfacesIsRefused() {
        String name = BadHandlers.Both.class.getName();
        assertRefused(
                name,
                "handler " + name
                        + ": implements both dev.fn4j.api.Handler and dev.fn4j.api.HttpHandler; implement one");
    }

    @Test
    void abstractClassIsRefused() {
        String name = BadHandlers.Abstract.class.getName();
        assertRefused(name, "handler " + name + ": is abstract; name a concrete class");
    }

    @Test
    void classWithoutNoArgConstructorIsRefused() {
        String name = BadHandlers.NoDefaultConstructor.class.getName();
        assertRefused(name, "handler " + name + ": has no public no-argument constructor");
    }

    @Test
    void throwingConstructorIsReportedWithItsCause() {
        String name = BadHandlers.ThrowingConstructor.class.getName();

        assertThatThrownBy(() -> load(name))
                .hasMessage("handler " + name + ": constructor threw java.lang.IllegalStateException: no config")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
