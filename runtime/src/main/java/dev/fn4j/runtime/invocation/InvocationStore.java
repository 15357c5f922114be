package dev.fn4j.runtime.invocation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where invocations and their state changes are kept; the runtime's database in production. Each
 * change of an asynchronous invocation updates it and appends its event together, so the events
 * replay exactly what happened. Blocks: call it from worker threads.
 */
public interface InvocationStore {

    /** Stores a newly accepted asynchronous call and its first event, {@code queued}. */
    Transition insertQueued(Invocation invocation);

    /** Stores invocations that already ended (synchronous calls), in one batch, without events. */
    void insertEnded(List<Invocation> invocations);

    /**
     * Starts an attempt: the invocation becomes {@code running} on {@code revision} and its
     * attempts go up by one. Returns it with its request body, which the attempt needs.
     */
    Transition start(String id, long revision, Instant at);

    /** Ends the invocation's attempt with {@code outcome}. */
    Transition finish(String id, Outcome outcome);

    /** Puts an invocation whose attempt a crash interrupted back in the queue. */
    Transition requeue(String id, Instant at);

    /** The invocation, without its request body. */
    Optional<Invocation> find(String id);

    /** The invocation's state changes in order; empty for synchronous calls. */
    List<InvocationEvent> events(String id);

    /**
     * The function's newest invocations first, at most {@code limit}, without request or result
     * bodies.
     */
    List<Invocation> recent(String function, int limit);

    /** Asynchronous invocations still queued or running, oldest first, without request bodies. */
    List<Invocation> unfinished();

    /** Deletes invocations that ended before {@code cutoff}, with their events; returns how many. */
    int deleteEndedBefore(Instant cutoff);
}
