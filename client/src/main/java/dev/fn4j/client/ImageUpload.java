package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the runtime answers to an image upload.
 *
 * @param id the image id, {@code sha256:...}; what a {@link FunctionSpec} names as its image
 * @param tags the image's repository tags, for example {@code fn4j/hello:1}
 * @param handlers the handler classes the image's {@code dev.fn4j.handlers} label lists;
 *     empty when the image has no such label
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageUpload(String id, List<String> tags, List<String> handlers) {

    /** Replaces missing lists by empty ones. */
    public ImageUpload {
        tags = tags == null ? List.of() : List.copyOf(tags);
        handlers = handlers == null ? List.of() : List.copyOf(handlers);
    }
}
