package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.ProtocolException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * Serves one connection on its own thread: sends Hello, then answers each Invoke with exactly one
 * frame carrying its request id, preceded by a Logs frame when the call wrote output, one call at
 * a time, until the runtime closes the socket. A fatal JVM error is reported as a fatal
 * PlatformError and halts the process.
 */
final class Connection implements Runnable, LogStreamer.Source {

    /** The PlatformError code of a fatal JVM error other than OutOfMemoryError. */
    static final String VM_ERROR = "vm_error";

    private static final int BUFFER_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final Frame.Hello hello;
    private final Invoker invoker;
    /** Routes the output of the thread serving a call, and of threads it starts, to its log. */
    private final LogRouter router;
    /** The most bytes of output kept per call; 0 sends no Logs frames. */
    private final int logLimitBytes;

    private final PrintStream err;
    /** Sends the current call's whole lines while it runs. */
    private final LogStreamer streamer;
    /**
     * Held while writing a frame: the serving thread and the streamer both write, and a call's
     * LogLines must never follow its Logs frame or answer.
     */
    private final Object writeLock = new Object();
    /** Set once, before the first Invoke is read. */
    private volatile OutputStream out;
    /** The log of the call being served, or null between calls; written under writeLock. */
    private CapturedLog current;

    private volatile boolean clean;

    Connection(
            SocketChannel channel,
            Frame.Hello hello,
            Invoker invoker,
            LogRouter router,
            int logLimitBytes,
            PrintStream err) {
        this(channel, hello, invoker, router, logLimitBytes, LogStreamer.OFF, err);
    }

    Connection(
            SocketChannel channel,
            Frame.Hello hello,
            Invoker invoker,
            LogRouter router,
            int logLimitBytes,
            LogStreamer streamer,
            PrintStream err) {
        if (logLimitBytes < 0) {
            throw new IllegalArgumentException("logLimitBytes must not be negative: " + logLimitBytes);
        }
        this.channel = channel;
        this.hello = hello;
        this.invoker = invoker;
        this.router = router;
        this.logLimitBytes = logLimitBytes;
        this.streamer = streamer;
        this.err = err;
    }

    /** Whether {@link #run()} ended because the runtime closed the connection between calls. */
    boolean endedCleanly() {
        return clean;
    }

    @Override
    public void run() {
        String requestId = "";
        CapturedLog log = null;
        // Not try-with-resources: a fatal error must be reported before the channel closes.
        try {
            InputStream in = bufferedInput(channel);
            out = bufferedOutput(channel);
            FrameCodec.write(hello, out);
            while (true) {
                Frame frame;
                try {
                    frame = FrameCodec.read(in);
                } catch (EOFException e) {
                    clean = true;
                    return;
                }
                if (!(frame instanceof Frame.Invoke invoke)) {
                    throw new ProtocolException("expected an Invoke frame, got type " + frame.type());
                }
                requestId = invoke.requestId();
                log = new CapturedLog(requestId, logLimitBytes);
                synchronized (writeLock) {
                    current = log;
                }
                streamer.watch(this);
                Frame answer;
                router.begin(log);
                try {
                    answer = answer(invoke, log);
                } finally {
                    router.end();
                    streamer.unwatch(this);
                }
                synchronized (writeLock) {
                    current = null;
                    Frame.Logs logs = log.close();
                    if (logs != null) {
                        FrameCodec.write(logs, out);
                    }
                    send(answer, out);
                }
                requestId = "";
                log = null;
            }
        } catch (IOException e) {
            err.println("fn4j-host: connection " + hello.connection() + " closed: " + e.getMessage());
        } catch (VirtualMachineError e) {
            if (Exit.isFatal(e)) {
                fatal(e, requestId, log, out);
            }
            err.println("fn4j-host: connection " + hello.connection() + " closed: " + e);
        } finally {
            close();
        }
    }

    /** Sends the current call's new whole lines; a failed write is left to the serving thread. */
    @Override
    public void sendLines() {
        synchronized (writeLock) {
            Frame.LogLines lines = current == null ? null : current.drainLines();
            if (lines == null) {
                return;
            }
            try {
                FrameCodec.write(lines, out);
            } catch (IOException e) {
                // The serving thread meets the same broken connection and reports it.
            }
        }
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // The runtime sees the connection end either way.
        }
    }

    /** The invoker's answer; whatever non-fatal escapes it still gets its one answer. */
    private Frame answer(Frame.Invoke invoke, CapturedLog log) {
        try {
            return invoker.answer(invoke, log);
        } catch (RuntimeException | StackOverflowError e) {
            return Failures.functionError(invoke.requestId(), e);
        }
    }

    /** How a connection reads its channel: buffered, as the stems' warm-up reads its own too. */
    static InputStream bufferedInput(SocketChannel channel) {
        return new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES);
    }

    /** How a connection writes its channel; flushed after each answer. */
    static OutputStream bufferedOutput(SocketChannel channel) {
        return new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
    }

    private static void send(Frame answer, OutputStream out) throws IOException {
        try {
            FrameCodec.write(answer, out);
        } catch (ProtocolException tooLarge) {
            // FrameCodec checks the size before it writes a byte, so the stream is still in step.
            String id = answer instanceof Frame.Result result
                    ? result.requestId()
                    : answer instanceof Frame.FunctionError error ? error.requestId() : "";
            FrameCodec.write(
                    new Frame.PlatformError(
                            id, Protocol.BAD_OUTPUT, "the answer is too large: " + tooLarge.getMessage(), false),
                    out);
        }
    }

    /**
     * Reports a fatal JVM error on this connection if it still can, with the call's logs when
     * there is a call, then halts. Never returns.
     */
    private void fatal(VirtualMachineError error, String requestId, CapturedLog log, OutputStream out) {
        int code = Exit.forFatal(error);
        try {
            err.println(
                    "fn4j-host: fatal " + error + (requestId.isEmpty() ? "" : " in call " + requestId) + "; halting");
            streamer.unwatch(this);
            synchronized (writeLock) {
                current = null;
                if (out != null && log != null) {
                    sendLogs(log, out);
                }
                if (out != null) {
                    FrameCodec.write(
                            new Frame.PlatformError(
                                    requestId,
                                    code == Exit.OUT_OF_MEMORY ? Protocol.OUT_OF_MEMORY : VM_ERROR,
                                    String.valueOf(error),
                                    true),
                            out);
                }
            }
        } catch (Throwable ignored) {
            // Nothing more can be done; the runtime sees the process exit.
        } finally {
            Exit.halt(code);
        }
    }

    /** Sends the call's logs if it can; memory may be short, so a failure only loses them. */
    private static void sendLogs(CapturedLog log, OutputStream out) {
        try {
            Frame.Logs logs = log.close();
            if (logs != null) {
                FrameCodec.write(logs, out);
            }
        } catch (Throwable lost) {
            // The fatal PlatformError matters more; FrameCodec writes nothing of a frame it cannot build.
        }
    }
}
