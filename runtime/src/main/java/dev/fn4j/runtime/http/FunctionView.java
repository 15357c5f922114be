package dev.fn4j.runtime.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.function.LiveInstances;
import dev.fn4j.runtime.function.Revision;
import dev.fn4j.spec.Durations;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.MemorySize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function as {@code GET /v1/functions/{name}} shows it, with its live instances and its
 * revision history (newest first; left out of the list of all functions). {@code status} is
 * {@code active}, or {@code failed} with {@code error} saying why when its current revision's
 * handler cannot start.
 */
record FunctionView(
        String name,
        long revision,
        String image,
        String handler,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
        String timeout,
        String memory,
        double cpus,
        int concurrency,
        int minInstances,
        int maxInstances,
        String idleTimeout,
        int maxQueue,
        Map<String, String> env,
        @JsonProperty("public") boolean publicTrigger,
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
        FunctionSpec.Scaling scaling = spec.scaling();
        return new FunctionView(
                function.name(),
                function.revision(),
                spec.image(),
                spec.handler(),
                spec.settings().get(Field.DESCRIPTION),
                Durations.format(spec.timeout()),
                MemorySize.format(spec.memoryBytes()),
                spec.cpus(),
                spec.concurrency(),
                scaling.minInstances(),
                scaling.maxInstances(),
                Durations.format(scaling.idleTimeout()),
                scaling.maxQueue(),
                spec.env(),
                spec.publicTrigger(),
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
}
