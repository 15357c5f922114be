package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Admits requests until the runtime starts stopping, then answers 503 {@code shutting_down} to
 * all but those whose matched route is {@link Route#servedWhileStopping() served while stopping},
 * and lets the requests already admitted finish. It runs after the {@link Router}.
 */
final class Admission implements HttpHandler {

    private final HttpHandler next;
    /** Guarded by this: requests admitted and not yet complete; never negative. */
    private int inFlight;

    private boolean stopping;

    Admission(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!admit(Route.of(exchange))) {
            ErrorResponses.send(
                    exchange,
                    new ApiException(
                            ErrorCode.SHUTTING_DOWN,
                            "the runtime is stopping and takes no new calls; retry against a running" + " runtime"),
                    true);
            return;
        }
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            finished();
            nextListener.proceed();
        });
        next.handleRequest(exchange);
    }

    private synchronized boolean admit(Route route) {
        if (stopping && !route.servedWhileStopping()) {
            return false;
        }
        inFlight++;
        return true;
    }

    private synchronized void finished() {
        inFlight--;
        notifyAll();
    }

    /** Stops admitting and waits up to {@code grace} for admitted requests; true when all ended. */
    synchronized boolean stopAndDrain(Duration grace) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized boolean stopping() {
        return stopping;
    }
}
