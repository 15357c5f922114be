package ${package};

/**
 * The function's output, written as the answer's JSON body, for example
 * {@code {"message": "Hello, Ada!"}}.
 *
 * @param message the greeting
 */
public record GreetingResponse(String message) {}
