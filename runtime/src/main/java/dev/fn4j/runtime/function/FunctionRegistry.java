package dev.fn4j.runtime.function;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The deployed functions, by name: the newest revision of each. Thread-safe. */
public final class FunctionRegistry {

    private final ConcurrentMap<String, Function> functions = new ConcurrentHashMap<>();
    private final Clock clock;

    public FunctionRegistry(Clock clock) {
        this.clock = clock;
    }

    /** The result of {@link #put}: the new revision, and whether the function is new. */
    public record Deployed(Function function, boolean created) {}

    /** Creates the function or makes its next revision. */
    public Deployed put(String name, FunctionSpec spec) {
        FunctionName.check(name);
        boolean[] created = {false};
        Function function = functions.compute(name, (key, old) -> {
            var now = clock.instant();
            if (old == null) {
                created[0] = true;
                return new Function(key, 1, spec, now, now);
            }
            return old.next(spec, now);
        });
        return new Deployed(function, created[0]);
    }

    public Optional<Function> get(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Removes the function; returns what was removed, if anything. */
    public Optional<Function> remove(String name) {
        return Optional.ofNullable(functions.remove(name));
    }

    /** Every function, by name. */
    public List<Function> list() {
        List<Function> all = new ArrayList<>(functions.values());
        all.sort(Comparator.comparing(Function::name));
        return all;
    }
}
