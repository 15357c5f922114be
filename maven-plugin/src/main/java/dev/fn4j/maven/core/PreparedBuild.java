package dev.fn4j.maven.core;

import dev.fn4j.image.ImageBuildRequest;
import java.util.List;

/**
 * A build that passed every check and is ready to run.
 *
 * @param request the image build request
 * @param functions the functions the image is for, each with its handler
 * @param allHandlers every handler found, written to the image's handlers label
 */
public record PreparedBuild(ImageBuildRequest request, List<ChosenFunction> functions, List<String> allHandlers) {

    /** Copies the lists. */
    public PreparedBuild {
        functions = List.copyOf(functions);
        allHandlers = List.copyOf(allHandlers);
    }
}
