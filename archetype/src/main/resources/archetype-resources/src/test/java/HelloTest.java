package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls the handler directly, as the platform would, with a {@link TestContext}. */
class HelloTest {

    private final Hello hello = new Hello();
    private final TestContext context = new TestContext("${artifactId}");

    @Test
    void greetsByName() {
        assertEquals(new GreetingResponse("Hello, Ada!"), hello.handle(new Greeting("Ada"), context));
    }

    @Test
    void greetsTheWorldWhenNoNameIsGiven() {
        assertEquals(new GreetingResponse("Hello, world!"), hello.handle(new Greeting(null), context));
        assertEquals(new GreetingResponse("Hello, world!"), hello.handle(new Greeting("  "), context));
        assertEquals(new GreetingResponse("Hello, world!"), hello.handle(null, context));
    }

    @Test
    void logsWhomItGreets() {
        hello.handle(new Greeting(" Ada "), context);
        assertEquals(List.of("INFO Greeting Ada"), context.lines());
    }
}
