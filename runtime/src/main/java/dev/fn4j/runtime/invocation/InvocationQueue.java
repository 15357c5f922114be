package dev.fn4j.runtime.invocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable backlog of asynchronous invocations: accepted calls wait here as {@code queued}
 * until a runtime claims them, oldest first. A claim marks a row {@code running} with its owner
 * and lease in the same transaction that picks it, skipping rows another runtime is claiming, so
 * that runtimes sharing one database never run an attempt twice at once. Every change appends its
 * event, as {@link InvocationStore} does. Blocks: call it from worker threads.
 */
public interface InvocationQueue {

    /**
     * A claimed invocation.
     *
     * @param transition its {@code running} state, with its request body
     * @param tries its attempts since it was accepted or last redriven, this one included; what
     *     its retry budget counts
     */
    record Claimed(Transition transition, int tries) {}

    /** Stores newly accepted calls and their {@code queued} events, all in one transaction. */
    List<Transition> enqueue(List<Invocation> invocations);

    /**
     * Claims up to {@code limit} of the function's queued invocations that are due at
     * {@code now}, oldest first: each becomes {@code running} on {@code revision} with its attempts
     * up by one, owned by {@code owner} until {@code leaseUntil}.
     */
    List<Claimed> claim(String function, long revision, int limit, String owner, Instant now, Instant leaseUntil);

    /**
     * Ends the running attempt with {@code outcome} and records it; the invocation ends with the
     * outcome's status, or {@code dead_lettered} when {@code deadLettered}.
     */
    Transition end(String id, Outcome outcome, boolean deadLettered);

    /** Records the failed attempt and queues the invocation again, not to start before {@code notBefore}. */
    Transition retryLater(String id, Outcome failed, Instant notBefore);

    /**
     * Queues again the invocations {@code owner} left running (a crash or a stop cut them short),
     * recording each cut attempt as {@code interrupted}.
     */
    List<Transition> requeueRunning(String owner, Instant at);

    /** Each function's asynchronous invocations queued or running, by function name. */
    Map<String, Integer> backlog();

    /** The invocation's recorded attempts in order; empty when none has ended yet. */
    List<Attempt> attempts(String id);

    /**
     * The function's dead-lettered invocations, oldest first, without bodies: at most
     * {@code limit}, after the one with id {@code after} (null: from the first).
     */
    List<Invocation> deadLetters(String function, String after, int limit);

    /**
     * Queues a dead-lettered invocation again with its original input and a fresh retry budget;
     * empty when no dead-lettered invocation has that id.
     */
    Optional<Transition> redrive(String id, Instant at);

    /** Queues every dead-lettered invocation of the function again; returns them. */
    List<Transition> redriveAll(String function, Instant at);

    /** Deletes the function's dead-lettered invocations; returns how many. */
    int purgeDeadLetters(String function);
}
