package dev.fn4j.runtime.http;

import io.undertow.io.AsyncSenderImpl;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Ends an exchange on its connection's IO thread once its answer is written, wherever the answer
 * was written from. Ended on a worker, Undertow hands the connection back to its IO thread under a
 * state flag that the IO thread spins on (a CAS loop in {@code HttpReadListener.handleEvent})
 * whenever the client's next request arrives meanwhile; on two busy cores the spinning thread
 * then holds the core the worker needs to clear the flag. That spin was about half the runtime's
 * Java samples under load (docs/benchmarks.md, "Runtime CPU per call"). Ended on the IO thread,
 * the hand-back never crosses threads and nothing spins; the answer itself still leaves from the
 * worker at once, so a call waits for no extra wake-up.
 */
final class EndOnIoThread implements IoCallback {

    static final IoCallback INSTANCE = new EndOnIoThread();

    private EndOnIoThread() {}

    /**
     * Sends the whole answer without blocking and ends the exchange on its IO thread. Framed as
     * Undertow frames a last write: with its length, unless a length or chunking is set already.
     * An empty answer goes the usual way, ending where it is sent.
     */
    static void send(HttpServerExchange exchange, ByteBuffer body) {
        if (!body.hasRemaining()) {
            // Nothing to write, so the headers would go out only when the exchange ends, and a
            // blocking exchange's stream then adds Content-Length: 0, even to a 204. Rare: as before.
            exchange.getResponseSender().send(body);
            return;
        }
        if (exchange.getResponseContentLength() == -1
                && !exchange.getResponseHeaders().contains(Headers.TRANSFER_ENCODING)) {
            exchange.setResponseContentLength(body.remaining());
        }
        new AsyncSenderImpl(exchange).send(body, INSTANCE);
    }

    @Override
    public void onComplete(HttpServerExchange exchange, Sender sender) {
        if (exchange.isInIoThread()) {
            exchange.endExchange();
            return;
        }
        // Inside a handler the dispatch waits until the handler returns: the worker lets go first.
        exchange.dispatch(exchange.getIoThread(), exchange::endExchange);
    }

    @Override
    public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
        IoCallback.END_EXCHANGE.onException(exchange, sender, exception);
    }
}
