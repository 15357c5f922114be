package dev.fn4j.runtime.function;

import java.util.List;

/**
 * Where deployed functions and every revision of each are kept; the runtime's database in
 * production. Deleting a function deletes its revisions too. Blocks: call it from worker threads.
 */
public interface FunctionStore {

    /**
     * Records a new revision and makes it the function's current one, at once. The caller
     * numbers revisions; a revision number already stored fails.
     */
    void save(Function function);

    /** Deletes the function and its revisions; returns whether it existed. */
    boolean delete(String name);

    /**
     * Every function at its current revision, by name. A revision whose stored spec cannot be
     * read is left out rather than keeping the runtime from starting.
     */
    List<Function> loadAll();

    /** The function's newest revisions first, at most {@code limit}. */
    List<Revision> revisions(String name, int limit);
}
