package ${package};

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/**
 * A function that greets: {@code {"name": "Ada"}} in, {@code {"message": "Hello, Ada!"}} out.
 *
 * <p>The platform creates one instance and calls {@link #handle} for every invocation, so keep
 * per-call state in local variables. Deploy it with {@code mvn fn:deploy}, call it with
 * {@code mvn fn:invoke -Dfn.data='{"name":"Ada"}'}.
 */
public class Hello implements Handler<Greeting, GreetingResponse> {

    @Override
    public GreetingResponse handle(Greeting input, Context context) {
        String name = input == null || input.name() == null || input.name().isBlank()
                ? "world"
                : input.name().strip();
        context.logger().info("Greeting " + name);
        return new GreetingResponse("Hello, " + name + "!");
    }
}
