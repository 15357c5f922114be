package ${package};

/**
 * The function's input, read from the call's JSON body, for example {@code {"name": "Ada"}}.
 *
 * @param name who to greet; may be missing
 */
public record Greeting(String name) {}
