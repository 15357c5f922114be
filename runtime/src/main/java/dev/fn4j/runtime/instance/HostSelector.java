package dev.fn4j.runtime.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that reads host connections' answers, and finishes the writes of calls too
 * large for a socket's buffer, so that no thread blocks per call while an instance works: a
 * selector over the connections' non-blocking channels. A call's answer is handed on from this
 * thread; whatever runs there must not block (a call's failure, which reads the engine, is moved to
 * a worker by the {@code Invoker}).
 *
 * <p>One per core, started on first use, as the JDK's own channel groups are, and shared by every
 * connection (they are made in several places: instance sockets, network hosts, stems), each
 * connection on one of them in turn: a call's end (its record, its HTTP answer, the waiting call
 * it hands its slot to) runs on its selector's thread, and one thread would cap that work at a
 * core.
 */
final class HostSelector {

    private static final Logger LOG = LoggerFactory.getLogger(HostSelector.class);

    /** The reads and writes a connection waits for; called on the selector's thread only. */
    interface Ready {
        void readable();

        void writable();

        /** The channel failed or closed under the selector: fail whatever waits on it. */
        void failed(IOException cause);
    }

    private static final class Shared {
        static final HostSelector[] ALL = startAll(Runtime.getRuntime().availableProcessors());
        static final AtomicInteger NEXT = new AtomicInteger();
    }

    private final Selector selector;
    /** Registrations and interest changes, applied by the selector's thread before it selects. */
    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();

    private HostSelector(Selector selector) {
        this.selector = selector;
    }

    /** The selector for a new connection: each in turn. */
    static HostSelector shared() {
        return Shared.ALL[Math.floorMod(Shared.NEXT.getAndIncrement(), Shared.ALL.length)];
    }

    private static HostSelector[] startAll(int count) {
        HostSelector[] all = new HostSelector[Math.max(1, count)];
        for (int i = 0; i < all.length; i++) {
            all[i] = start("fn4j-host-io-" + (i + 1));
        }
        return all;
    }

    private static HostSelector start(String name) {
        try {
            HostSelector made = new HostSelector(Selector.open());
            Thread thread = new Thread(made::loop, name);
            thread.setDaemon(true);
            thread.start();
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("opening the selector for host connections failed", e);
        }
    }

    /** Registers {@code channel} (non-blocking already) for reads, {@code ready} its attachment. */
    void register(SelectableChannel channel, Ready ready) {
        change(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, ready);
            } catch (ClosedChannelException e) {
                ready.failed(e);
            }
        });
    }

    /** Asks for {@link Ready#writable} once {@code channel} can take more bytes. */
    void wantWrite(SelectableChannel channel) {
        change(() -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null && key.isValid()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        });
    }

    /** Stops asking for {@link Ready#writable}; on the selector's thread only. */
    void writeDone(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void change(Runnable change) {
        changes.add(change);
        selector.wakeup();
    }

    private void loop() {
        while (true) {
            try {
                for (Runnable change; (change = changes.poll()) != null; ) {
                    change.run();
                }
                selector.select(this::handle);
            } catch (IOException | RuntimeException e) {
                // One connection's surprise must not stop every other connection's answers.
                LOG.error("the host connections' selector failed; it goes on", e);
            }
        }
    }

    private void handle(SelectionKey key) {
        Ready ready = (Ready) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                ready.writable();
            }
            if (key.isValid() && key.isReadable()) {
                ready.readable();
            }
        } catch (CancelledKeyException e) {
            ready.failed(new ClosedChannelException());
        }
    }
}
