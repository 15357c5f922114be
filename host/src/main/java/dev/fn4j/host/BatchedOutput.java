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

/**
 * The container's stdout or stderr, passed on in batches: bytes wait in a buffer until it fills,
 * {@link #INTERVAL} passes or the process ends, so that a log line per call costs the container
 * engine, which reads every write through a pipe and forwards it, a share of one read instead of
 * one of its own (docs/benchmarks.md, "A log line per call"). Bytes reach the descriptor in the
 * order written, at most {@link #INTERVAL} late, unless a kill ends the process first; what a
 * call writes reaches its runtime through the call's own log (the protocol's LogLines and Logs
 * frames) either way, unbatched.
 */
final class BatchedOutput extends OutputStream {

    /** How long written bytes may wait before they reach the descriptor. */
    static final Duration INTERVAL = Duration.ofMillis(20);

    /** The buffer's size: a write this large or larger goes straight through. */
    static final int CAPACITY = 64 * 1024;

    /** Every output {@link #drainAll} drains: those of the process's stdout and stderr. */
    private static final List<BatchedOutput> INSTALLED = new CopyOnWriteArrayList<>();

    private final OutputStream target;
    /** Bytes written and not yet passed on: the first {@link #count}; guarded by this. */
    private final byte[] buffer;

    private int count;

    BatchedOutput(OutputStream target, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 byte: " + capacity);
        }
        this.target = Objects.requireNonNull(target, "target");
        this.buffer = new byte[capacity];
    }

    /**
     * Replaces System.out and System.err with UTF-8 print streams over batched outputs of the
     * process's descriptors 1 and 2, each drained by a daemon thread and by a shutdown hook; call
     * once, first thing in the host's main.
     */
    static void install() {
        BatchedOutput out = new BatchedOutput(new FileOutputStream(FileDescriptor.out), CAPACITY);
        BatchedOutput err = new BatchedOutput(new FileOutputStream(FileDescriptor.err), CAPACITY);
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
        if (len > buffer.length - count) {
            passOn();
        }
        if (len >= buffer.length) {
            target.write(b, off, len);
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

    /** Writes the buffer to the target and empties it, even when the write fails. */
    private void passOn() throws IOException {
        if (count == 0) {
            return;
        }
        int length = count;
        count = 0;
        target.write(buffer, 0, length);
        target.flush();
    }
}
