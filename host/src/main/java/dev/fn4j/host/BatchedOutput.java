package dev.fn4j.host;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The container's stdout or stderr, passed on in batches once output comes fast: the first {@link
 * #WRITE_THROUGH} writes of every {@link #INTERVAL} go straight to the descriptor, and later ones
 * wait in a buffer until it fills, the interval ends or the process exits. So a function that logs
 * now and then keeps every line in the container's log at once, also the last before a crash,
 * while a log line per call under load costs the container engine, which reads every write
 * through a pipe and forwards it, a share of one read instead of one of its own
 * (docs/benchmarks.md, "A log line per call"). Bytes reach the descriptor in the order written;
 * only a kill from outside while output comes fast can lose the last interval of it. What a call
 * writes reaches the runtime through the call's own log (the protocol's LogLines and Logs frames)
 * either way.
 */
final class BatchedOutput extends OutputStream {

    /** How long written bytes may wait before they reach the descriptor. */
    static final Duration INTERVAL = Duration.ofMillis(20);

    /** How many writes of an interval go straight through: 1,000 a second. */
    static final int WRITE_THROUGH = 20;

    /** The buffer's size: a write this large or larger goes straight through. */
    static final int CAPACITY = 64 * 1024;

    /** Every output {@link #drainAll} drains: those of the process's stdout and stderr. */
    private static final List<BatchedOutput> INSTALLED = new CopyOnWriteArrayList<>();

    private final OutputStream target;
    /** Bytes written and not yet passed on: the first {@link #count}; guarded by this. */
    private final byte[] buffer;
    /** How many writes of an interval go straight through. */
    private final int writeThrough;
    /** {@link System#nanoTime} or a test's clock. */
    private final LongSupplier nanoTime;

    private int count;
    /** When the current interval began, and how many writes went straight through in it; guarded by this. */
    private long intervalStart;

    private int writtenThrough;

    BatchedOutput(OutputStream target) {
        this(target, CAPACITY, WRITE_THROUGH, System::nanoTime);
    }

    BatchedOutput(OutputStream target, int capacity, int writeThrough, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 byte: " + capacity);
        }
        if (writeThrough < 0) {
            throw new IllegalArgumentException("writeThrough must not be negative: " + writeThrough);
        }
        this.writeThrough = writeThrough;
        this.target = Objects.requireNonNull(target, "target");
        this.buffer = new byte[capacity];
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.intervalStart = nanoTime.getAsLong();
    }

    /**
     * Replaces System.out and System.err with UTF-8 print streams over batched outputs of the
     * process's descriptors 1 and 2, each drained by a daemon thread and by a shutdown hook; call
     * once, first thing in the host's main.
     */
    static void install() {
        BatchedOutput out = new BatchedOutput(new FileOutputStream(FileDescriptor.out));
        BatchedOutput err = new BatchedOutput(new FileOutputStream(FileDescriptor.err));
        for (BatchedOutput output : List.of(out, err)) {
            INSTALLED.add(output);
            Thread flusher = new Thread(output::flushLoop, "fn4j-output-flusher");
            flusher.setDaemon(true);
            flusher.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(BatchedOutput::drainAll, "fn4j-output-drain"));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Passes on what every installed output holds; for a process about to halt without hooks. */
    static void drainAll() {
        for (BatchedOutput output : INSTALLED) {
            output.drain();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (count == 0 && mayWriteThrough()) {
            // Nothing waits ahead of these bytes, so order is kept.
            send(b, off, len);
            return;
        }
        if (len > buffer.length - count) {
            passOn();
        }
        if (len >= buffer.length) {
            send(b, off, len);
            return;
        }
        boolean wasEmpty = count == 0;
        System.arraycopy(b, off, buffer, count, len);
        count += len;
        if (wasEmpty) {
            notifyAll();
        }
    }

    /**
     * Does nothing: a print stream flushes after every line, and passing each line on at once is
     * what this class exists to avoid; the flusher passes it on within {@link #INTERVAL}.
     */
    @Override
    public void flush() {}

    /** Passes on everything written so far, now; a failure of the descriptor drops it. */
    synchronized void drain() {
        try {
            passOn();
        } catch (IOException e) {
            // The descriptor is gone (the engine stopped reading); there is nowhere to report it.
        }
    }

    /** Waits until bytes are waiting to be passed on. */
    synchronized void awaitOutput() throws InterruptedException {
        while (count == 0) {
            wait();
        }
    }

    @Override
    public void close() {
        drain();
    }

    private void flushLoop() {
        try {
            while (true) {
                awaitOutput();
                // Let the lines of other calls gather behind the first: one write for all of them.
                Thread.sleep(INTERVAL.toMillis());
                drain();
            }
        } catch (InterruptedException e) {
            drain();
        }
    }

    /** Whether this write is one of the first {@link #writeThrough} of the current interval. */
    private boolean mayWriteThrough() {
        long now = nanoTime.getAsLong();
        if (now - intervalStart >= INTERVAL.toNanos()) {
            intervalStart = now;
            writtenThrough = 0;
        }
        return writtenThrough++ < writeThrough;
    }

    /** Writes the buffer to the target and empties it, even when the write fails. */
    private void passOn() throws IOException {
        if (count == 0) {
            return;
        }
        int length = count;
        count = 0;
        send(buffer, 0, length);
    }

    /** Hands bytes to the descriptor now. */
    private void send(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        target.flush();
    }
}
