package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Collects the items of one streaming Docker call and lets the caller wait for its end with a
 * timeout. docker-java's own adapter logs every error at ERROR level, even the expected ones
 * (a container that is already gone), so the engine uses this quiet one.
 *
 * @param <T> the streamed item type
 */
final class BlockingCallback<T> implements ResultCallback<T> {

    private final CountDownLatch done = new CountDownLatch(1);
    /** Guarded by {@code this}. */
    private final List<T> items = new ArrayList<>();
    /** The first error only: later ones are consequences of it (or of our own close). */
    private volatile Throwable error;

    private volatile Closeable stream;
    private volatile boolean closed;

    @Override
    public void onStart(Closeable stream) {
        this.stream = stream;
        if (closed) {
            closeQuietly(stream); // the caller gave up before the response started
        }
    }

    @Override
    public synchronized void onNext(T item) {
        items.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        if (error == null && !closed) {
            error = throwable;
        }
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }

    /** Waits for the end of the stream; false when the timeout passed first. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    synchronized List<T> items() {
        return List.copyOf(items);
    }

    /** The error that ended the stream, or {@code null}. */
    Throwable error() {
        return error;
    }

    /** Aborts the call if it still runs. */
    @Override
    public void close() {
        closed = true;
        Closeable s = stream;
        if (s != null) {
            closeQuietly(s);
        }
        done.countDown();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing an aborted HTTP response may fail; nothing is left to release
        }
    }
}
