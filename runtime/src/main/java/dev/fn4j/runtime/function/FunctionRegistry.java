package dev.fn4j.runtime.function;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The deployed functions, by name: the newest revision of each, kept in the database and cached
 * in memory. Changes write through to the store before the cache, so what callers see was
 * stored. Thread-safe; changes block on the database.
 */
public final class FunctionRegistry {

    /** How many revisions a function's history shows, newest first. */
    public static final int HISTORY_LIMIT = 100;

    /** The current revision of every stored function; changed only under this object's lock. */
    private final ConcurrentMap<String, Function> functions = new ConcurrentHashMap<>();

    private final FunctionStore store;
    private final Clock clock;

    /** Loads every stored function. */
    public FunctionRegistry(Clock clock, FunctionStore store) {
        this.clock = clock;
        this.store = store;
        store.loadAll().forEach(f -> functions.put(f.name(), f));
    }

    /** The result of {@link #put}: the new revision, and whether the function is new. */
    public record Deployed(Function function, boolean created) {}

    /** Creates the function or makes its next revision, stored before it is returned. */
    public synchronized Deployed put(String name, FunctionSpec spec) {
        FunctionName.check(name);
        // To the millisecond, as the store keeps it, so what is returned equals what is stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Function old = functions.get(name);
        Function function = old == null ? new Function(name, 1, spec, now, now) : old.next(spec, now);
        store.save(function);
        functions.put(name, function);
        return new Deployed(function, old == null);
    }

    /**
     * The revision {@link #put} would make now, not stored: what a deploy checks before it puts
     * it. Equal in name, revision and spec as long as nothing else changes the function meanwhile.
     */
    public Function preview(String name, FunctionSpec spec) {
        FunctionName.check(name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Function old = functions.get(name);
        return old == null ? new Function(name, 1, spec, now, now) : old.next(spec, now);
    }

    public Optional<Function> get(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Removes the function and its revision history; returns what was removed, if anything. */
    public synchronized Optional<Function> remove(String name) {
        Function function = functions.get(name);
        if (function == null) {
            return Optional.empty();
        }
        store.delete(name);
        functions.remove(name);
        return Optional.of(function);
    }

    /**
     * Re-reads the function {@code name} from the store, where another runtime may have deployed
     * or deleted it: the cache then holds what is stored. Returns whether the cache changed.
     */
    public synchronized boolean refresh(String name) {
        Optional<Function> stored =
                store.loadAll().stream().filter(f -> f.name().equals(name)).findFirst();
        return adopt(name, stored.orElse(null));
    }

    /** Re-reads every function from the store; returns the names whose cached revision changed. */
    public synchronized List<String> refreshAll() {
        Map<String, Function> stored = new HashMap<>();
        store.loadAll().forEach(f -> stored.put(f.name(), f));
        Set<String> names = new TreeSet<>(stored.keySet());
        names.addAll(functions.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (adopt(name, stored.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** Caches {@code stored} as the function {@code name} (null: deleted); whether that changed it. */
    private boolean adopt(String name, Function stored) {
        Function cached = functions.get(name);
        if (stored == null) {
            return functions.remove(name) != null;
        }
        if (cached != null && cached.revision() == stored.revision()) {
            return false;
        }
        functions.put(name, stored);
        return true;
    }

    /** Every function, by name. */
    public List<Function> list() {
        List<Function> all = new ArrayList<>(functions.values());
        all.sort(Comparator.comparing(Function::name));
        return all;
    }

    /** The function's revisions, newest first, at most {@link #HISTORY_LIMIT}. */
    public List<Revision> revisions(String name) {
        return store.revisions(name, HISTORY_LIMIT);
    }

    /** The 404 {@code function_not_found} for a name no current function has. */
    public static ApiException notFound(String name) {
        return new ApiException(
                ErrorCode.FUNCTION_NOT_FOUND,
                "no function named '" + name + "'; list them with GET /v1/functions or deploy it with mvn fn:deploy");
    }
}
