package dev.fn4j.maven.core;

import dev.fn4j.image.HandlerInfo;

/**
 * A function to deploy with the handler class chosen for it.
 *
 * @param target the function's checked settings
 * @param handler the handler class it runs
 */
public record ChosenFunction(FunctionTarget target, HandlerInfo handler) {

    /** The function's name. */
    public String name() {
        return target.name();
    }
}
