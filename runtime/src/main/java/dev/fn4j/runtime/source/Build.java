package dev.fn4j.runtime.source;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.function.FunctionRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One build of an upload: its state, the steps it ended with their durations, its output, and
 * its result or error; and the subscribers following it. Thread-safe; every change is an
 * {@link Event}, kept in order, so a late subscriber gets the whole story and then the rest.
 */
public final class Build implements BuildSteps {

    /** A build runs until it succeeds or fails; it never leaves either. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** One change, as an SSE event's name and its JSON data. */
    public record Event(String name, Map<String, Object> data) {}

    /** Receives a build's events in order; must return at once (the build's thread calls it). */
    public interface Listener {
        void event(Event event);
    }

    /** Output lines kept; past it only the count grows, so a chatty build costs bounded memory. */
    static final int MAX_OUTPUT_LINES = 500;

    private final String id;
    private final String function;
    private final Instant createdAt;
    /** The build's own directory; deleted when the build ends. */
    private final Path dir;

    // Guarded by this.
    private State state = State.RUNNING;
    private String language;
    private Instant endedAt;
    private final List<Event> events = new ArrayList<>();
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private long outputDropped;
    private FunctionRegistry.Deployed deployed;
    private ApiException error;
    private final List<Listener> listeners = new ArrayList<>();

    Build(String id, String function, Instant createdAt, Path dir) {
        this.id = Objects.requireNonNull(id, "id");
        this.function = Objects.requireNonNull(function, "function");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public String id() {
        return id;
    }

    public String function() {
        return function;
    }

    public Instant createdAt() {
        return createdAt;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void ended(String step, long millis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", step);
        data.put("millis", millis);
        synchronized (this) {
            steps.add(data);
            publish(new Event("step", data));
        }
    }

    @Override
    public synchronized void output(String line) {
        if (output.size() >= MAX_OUTPUT_LINES) {
            outputDropped++;
            return;
        }
        output.add(line);
        publish(new Event("output", Map.of("line", line)));
    }

    synchronized void language(String language) {
        this.language = language;
    }

    synchronized void succeeded(FunctionRegistry.Deployed deployed, Instant at) {
        this.deployed = deployed;
        end(
                State.SUCCEEDED,
                at,
                Map.of("function", function, "revision", deployed.function().revision()));
    }

    synchronized void failed(ApiException error, Instant at) {
        this.error = error;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", error.code().code());
        data.put("message", error.getMessage());
        data.putAll(error.details());
        end(State.FAILED, at, Map.of("error", data));
    }

    private void end(State ended, Instant at, Map<String, Object> data) {
        state = ended;
        endedAt = at;
        publish(new Event(ended.name().toLowerCase(java.util.Locale.ROOT), data));
        listeners.clear();
    }

    private void publish(Event event) {
        events.add(event);
        for (Listener listener : listeners) {
            listener.event(event);
        }
    }

    /**
     * Hands {@code listener} every event so far and then each new one; returns whether the build
     * has ended (then no more come).
     */
    public synchronized boolean follow(Listener listener) {
        events.forEach(listener::event);
        if (state != State.RUNNING) {
            return true;
        }
        listeners.add(listener);
        return false;
    }

    /** Stops handing events to {@code listener}. */
    public synchronized void unfollow(Listener listener) {
        listeners.remove(listener);
    }

    public synchronized State state() {
        return state;
    }

    /** The deploy's result once succeeded; null before or on failure. */
    public synchronized FunctionRegistry.Deployed deployed() {
        return deployed;
    }

    /** The error once failed; null otherwise. */
    public synchronized ApiException error() {
        return error;
    }

    /** The build as JSON-ready values, without the deployed function's view (the API adds it). */
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("function", function);
        view.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        view.put("language", language);
        view.put("createdAt", createdAt.toString());
        view.put("endedAt", endedAt == null ? null : endedAt.toString());
        view.put("steps", List.copyOf(steps));
        view.put("output", List.copyOf(output));
        if (outputDropped > 0) {
            view.put("outputDropped", outputDropped);
        }
        if (deployed != null) {
            view.put("revision", deployed.function().revision());
        }
        if (error != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", error.code().code());
            data.put("message", error.getMessage());
            data.putAll(error.details());
            view.put("error", data);
        }
        return view;
    }
}
