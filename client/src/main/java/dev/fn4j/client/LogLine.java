package dev.fn4j.client;

import java.util.Objects;

/**
 * A line an invocation wrote while it ran, from a {@code log} event of its event stream, or a
 * notice in its place: the runtime cut the output at its log limit ({@code log-truncated}), or
 * dropped lines because this client read too slowly ({@code log-dropped}).
 *
 * @param text the line without its line break, or the notice in words
 * @param notice whether this is a notice rather than a line the function wrote
 */
public record LogLine(String text, boolean notice) {
    public LogLine {
        Objects.requireNonNull(text, "text");
    }
}
