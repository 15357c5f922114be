package dev.fn4j.runtime.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.function.LiveInstances;
import dev.fn4j.runtime.function.Revision;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.Settings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function as {@code GET /v1/functions/{name}} shows it: every setting of the spec catalogue
 * ({@link Field#ALL}, so a new setting shows up without a change here), its live instances and
 * its revision history (newest first; left out of the list of all functions). {@code status} is
 * {@code active}, or {@code failed} with {@code error} saying why when its current revision's
 * handler cannot start.
 *
 * @param settings each set field's plain JSON form by field name, in catalogue order; an empty
 *     text (no description) is left out
 */
@JsonPropertyOrder({"name", "revision", "image", "handler"})
record FunctionView(
        String name,
        long revision,
        String image,
        String handler,
        @JsonIgnore Map<String, Object> settings,
        Map<String, String> env,
        String url,
        String invocationsUrl,
        Instant createdAt,
        Instant updatedAt,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) ErrorView error,
        List<InstanceView> instances,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Revision> revisions) {

    /** One live instance. */
    record InstanceView(String id, long revision, String state, Instant startedAt, int inFlight) {
        static InstanceView of(LiveInstances.Snapshot instance) {
            return new InstanceView(
                    instance.id(), instance.revision(), instance.state(), instance.startedAt(), instance.inFlight());
        }
    }

    /** Why the current revision cannot start, as the error of a call to it would say. */
    record ErrorView(String code, String message) {}

    /** The settings, written among the view's own properties. */
    @JsonAnyGetter
    Map<String, Object> settingsJson() {
        return settings;
    }

    static FunctionView of(Function function, List<LiveInstances.Snapshot> instances, Optional<String> failure) {
        return of(function, instances, failure, null);
    }

    /** With {@code revisions}, newest first, or null to leave them out. */
    static FunctionView of(
            Function function,
            List<LiveInstances.Snapshot> instances,
            Optional<String> failure,
            List<Revision> revisions) {
        FunctionSpec spec = function.spec();
        return new FunctionView(
                function.name(),
                function.revision(),
                spec.image(),
                spec.handler(),
                plain(spec.settings()),
                spec.env(),
                "/fn/" + function.name(),
                "/v1/functions/" + function.name() + "/invocations",
                function.createdAt(),
                function.updatedAt(),
                failure.isPresent() ? "failed" : "active",
                failure.map(message -> new ErrorView(ErrorCode.HANDLER_FAILED.code(), message))
                        .orElse(null),
                instances.stream().map(InstanceView::of).toList(),
                revisions);
    }

    private static Map<String, Object> plain(Settings settings) {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Field<?> field : Field.ALL) {
            Object value = plain(field, settings);
            if (value != null && !"".equals(value)) {
                plain.put(field.name(), value);
            }
        }
        return plain;
    }

    private static <T> Object plain(Field<T> field, Settings settings) {
        T value = settings.get(field);
        return value == null ? null : field.toPlain(value);
    }
}
