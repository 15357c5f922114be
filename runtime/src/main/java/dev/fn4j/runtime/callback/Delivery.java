package dev.fn4j.runtime.callback;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.limit.Backoff;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery attempt of one callback: reads it and its invocation, POSTs the signed payload,
 * and records the attempt with the callback's state after it. Blocks on the store and the receiver.
 */
final class Delivery {

    private final CallbackTable table;
    private final InvocationStore invocations;
    private final Sender sender;
    private final Backoff backoff;
    private final Clock clock;

    Delivery(CallbackTable table, InvocationStore invocations, Sender sender, Backoff backoff, Clock clock) {
        this.table = table;
        this.invocations = invocations;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Makes the attempt; returns the wait before the next one, or null when none follows. */
    Duration attempt(String id) {
        Optional<Callback> found = table.find(id);
        Optional<Invocation> invocation = invocations.find(id);
        if (found.isEmpty()
                || found.get().state() != Callback.State.PENDING
                || invocation.isEmpty()
                || !invocation.get().status().terminal()) {
            return null;
        }
        Callback callback = found.get();
        byte[] body = Payload.of(invocation.get());
        Instant at = clock.instant();
        String signature = Signature.header(table.secret(callback.function(), at), at.getEpochSecond(), body);
        Integer status = null;
        String error;
        try {
            status = sender.post(
                    URI.create(callback.url()),
                    body,
                    Map.of(Signature.HEADER, signature, Callbacks.INVOCATION_HEADER, id));
            error = status / 100 == 2 ? null : "the receiver answered " + status;
        } catch (IOException e) {
            error = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null; // stopping: taken up at the next start
        }
        int number = callback.attempts() + 1;
        Callback.Attempt attempt = new Callback.Attempt(number, at, status, error);
        if (error == null) {
            table.recordAttempt(id, attempt, Callback.State.DELIVERED, null);
            return null;
        }
        if (!backoff.retries(number)) {
            table.recordAttempt(id, attempt, Callback.State.FAILED, null);
            return null;
        }
        Duration wait = backoff.delay(number, Callbacks::jitter);
        table.recordAttempt(id, attempt, Callback.State.PENDING, clock.instant().plus(wait));
        return wait;
    }
}
