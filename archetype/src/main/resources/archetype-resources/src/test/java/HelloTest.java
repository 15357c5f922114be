package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fn4j.test.FnError;
import dev.fn4j.test.FnResponse;
import dev.fn4j.test.LocalFunction;
import dev.fn4j.test.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests the function two ways, with the fn4j-test kit: its handle method called directly with a
 * ready {@link TestContext}, and through the platform's own JSON mapping with
 * {@link LocalFunction} (JSON in, JSON out, errors as a caller of the deployed function gets them).
 */
class HelloTest {

    private final Hello hello = new Hello();
    private final TestContext context = TestContext.forFunction("${artifactId}");
    private final LocalFunction function =
            LocalFunction.load("${package}.Hello").functionName("${artifactId}").build();

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

    @Test
    void answersJsonAsTheDeployedFunctionWill() {
        FnResponse response = function.invokeJson("{\"name\":\"Ada\"}").expectSuccess();

        assertEquals("{\"message\":\"Hello, Ada!\"}", response.text());
        assertEquals(new GreetingResponse("Hello, Ada!"), response.as(GreetingResponse.class));
        assertTrue(response.logs().contains("Greeting Ada"), response.logs());
    }

    @Test
    void rejectsInputThatIsNoGreetingAsThePlatformWill() {
        FnError error = function.invokeJson("[\"Ada\"]").expectError("bad_input");

        assertEquals(400, error.status());
        assertTrue(error.message().startsWith("function '${artifactId}': "), error.message());
    }
}
