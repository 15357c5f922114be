package dev.fn4j.runtime.source;

import java.io.IOException;
import java.nio.file.Path;

/** One language the runtime builds uploaded source for: it recognises an unpacked upload and turns it into an image. */
public interface LanguageBuilder {

    /** The language as the API reports it: {@code java}, {@code python} or {@code go}. */
    String language();

    /** What this language looks for, in the user's terms, listed by the 400 when no language matches. */
    String lookedFor();

    /**
     * Whether the unpacked upload under {@code root} holds a function of this language.
     *
     * @param handler the handler the upload named, or {@code null} when it named none
     */
    boolean recognises(Path root, String handler) throws IOException;

    /**
     * Builds the function's image from the unpacked upload and returns the reference the engine
     * knows it by (an image id or {@code name:tag}), reporting each step to {@code steps}.
     *
     * @throws SourceRejectedException when the upload itself is at fault (a compile error, a
     *     missing handler, dependencies that are not vendored): answered 400
     */
    String build(Path root, String handler, String imageName, BuildSteps steps)
            throws IOException, InterruptedException;
}
