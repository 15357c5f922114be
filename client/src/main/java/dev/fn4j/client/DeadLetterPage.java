package dev.fn4j.client;

import java.util.List;

/**
 * One page of a function's dead letters, oldest first.
 *
 * @param deadLetters the dead-lettered invocations, without their input or result
 * @param next the {@code after} of the next page, or null when this is the last
 */
public record DeadLetterPage(List<Invocation> deadLetters, String next) {
    public DeadLetterPage {
        deadLetters = List.copyOf(deadLetters);
    }
}
