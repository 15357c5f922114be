package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code GET /healthz} answered.
 *
 * @param status {@code ok} when the runtime serves calls
 * @param engine {@code up} or {@code down}: whether the container engine answers
 * @param runtimeId the runtime process's id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuntimeHealth(String status, String engine, String runtimeId) {

    /** Whether the runtime and its engine are both up. */
    public boolean isUp() {
        return "ok".equals(status) && !"down".equals(engine);
    }
}
