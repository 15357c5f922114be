package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Attempt;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.invocation.Transition;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The dead letters: asynchronous calls whose retries ran out. They can be listed, redriven (run
 * again with their original input and a fresh retry budget, through the backlog like a new call)
 * or purged. Blocks on the store: call it from worker threads.
 */
public final class DeadLetterQueue {

    private final InvocationQueue queue;
    private final InvocationStore store;
    private final AsyncInvocations async;
    private final InvocationEvents events;
    private final Clock clock;

    public DeadLetterQueue(
            InvocationQueue queue,
            InvocationStore store,
            AsyncInvocations async,
            InvocationEvents events,
            Clock clock) {
        this.queue = queue;
        this.store = store;
        this.async = async;
        this.events = events;
        this.clock = clock;
    }

    /** The function's dead letters, oldest first, at most {@code limit} after id {@code after} (or from the first). */
    public List<Invocation> list(String function, String after, int limit) {
        return queue.deadLetters(function, after, limit);
    }

    /**
     * Queues a dead-lettered invocation again. Fails with 404 {@code invocation_not_found} for an
     * unknown id and 409 {@code not_dead_lettered} for one that is not dead-lettered.
     */
    public Invocation redrive(String id) {
        Optional<Transition> redriven = queue.redrive(id, clock.instant());
        if (redriven.isEmpty()) {
            Invocation found = store.find(id).orElseThrow(() -> notFound(id));
            throw new ApiException(
                    ErrorCode.NOT_DEAD_LETTERED,
                    "invocation '" + id + "' is " + found.status().wire() + ", not "
                            + InvocationStatus.DEAD_LETTERED.wire() + "; only dead letters can be redriven");
        }
        published(redriven.get().invocation().function(), List.of(redriven.get()));
        return redriven.get().invocation().withoutBodies();
    }

    /** Queues every dead letter of the function again; returns how many. */
    public int redriveAll(String function) {
        List<Transition> redriven = queue.redriveAll(function, clock.instant());
        published(function, redriven);
        return redriven.size();
    }

    /**
     * The invocation's ended attempts in order; fails with 404 {@code invocation_not_found} for
     * an unknown id.
     */
    public List<Attempt> attempts(String id) {
        List<Attempt> attempts = queue.attempts(id);
        if (attempts.isEmpty() && store.find(id).isEmpty()) {
            throw notFound(id);
        }
        return attempts;
    }

    /** Deletes the function's dead letters; returns how many. */
    public int purge(String function) {
        return queue.purgeDeadLetters(function);
    }

    private static ApiException notFound(String id) {
        return new ApiException(
                ErrorCode.INVOCATION_NOT_FOUND,
                "no invocation with id '" + id + "'; ids come from Fn-Request-Id, and ended invocations are kept"
                        + " for the runtime's --invocation-retention-hours");
    }

    private void published(String function, List<Transition> redriven) {
        redriven.forEach(t -> events.publish(InvocationEvents.Update.of(t)));
        if (!redriven.isEmpty()) {
            async.requeued(function, redriven.size());
        }
    }
}
