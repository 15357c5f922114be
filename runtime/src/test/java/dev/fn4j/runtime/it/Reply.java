package dev.fn4j.runtime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An HTTP answer from the runtime, with shortcuts for what tests assert on. */
public record Reply(int status, HttpResponse<byte[]> raw) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String body() {
        return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(raw.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (status " + status + "): " + body(), e);
        }
    }

    public String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    /** The {@code error.code} of an error answer. */
    public String errorCode() {
        return json().path("error").path("code").asText(null);
    }

    public String errorMessage() {
        return json().path("error").path("message").asText(null);
    }

    public boolean coldStart() {
        return Boolean.parseBoolean(header("Fn-Cold-Start"));
    }

    @Override
    public String toString() {
        return status + " " + body();
    }
}
