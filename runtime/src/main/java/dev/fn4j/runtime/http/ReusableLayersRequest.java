package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.error.Messages.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.deploy.Images;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the body of {@code POST /v1/images/reusable-layers}: {@code {"diffIds": […]}}, an image
 * config's {@code rootfs.diff_ids} in order.
 */
final class ReusableLayersRequest {

    /** More layers than an engine stacks: Docker refuses images deeper than 125 layers. */
    static final int MAX_LAYERS = 128;
    /** {@value #MAX_LAYERS} quoted ids of 71 characters take 10 KiB; the rest allows spacing. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private static final String SHAPE =
            "{\"diffIds\": [\"sha256:<64 hex>\", …]}, the image" + " config's rootfs.diff_ids in order";

    private ReusableLayersRequest() {}

    /** The diff ids the body lists; a {@code 400 bad_request} naming the problem otherwise. */
    static List<String> diffIds(JsonNode body) {
        if (!body.isObject()) {
            throw invalid("the body must be a JSON object " + SHAPE);
        }
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("diffIds")) {
                throw invalid("unknown field " + quote(field) + "; the only field is diffIds");
            }
        }
        JsonNode list = body.get("diffIds");
        if (list == null || !list.isArray()) {
            throw invalid("\"diffIds\" is required: a list of 1 to " + MAX_LAYERS + " diff ids, " + SHAPE);
        }
        if (list.isEmpty() || list.size() > MAX_LAYERS) {
            throw invalid("\"diffIds\" must list 1 to " + MAX_LAYERS + " diff ids; it lists " + list.size());
        }
        List<String> diffIds = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isTextual() || !Images.isDiffId(entry.asText())) {
                throw invalid("\"diffIds\"[" + i + "] is not sha256: and 64 lower-case hex digits: "
                        + quote(entry.isTextual() ? entry.asText() : entry.toString()));
            }
            diffIds.add(entry.asText());
        }
        return diffIds;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }
}
