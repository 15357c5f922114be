package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.FrameDecoder;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.ProtocolException;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * One connection to the runtime: sends Hello, then answers each Invoke with exactly one frame
 * carrying its request id, preceded by a Logs frame when the call wrote output, one call at a
 * time, until the runtime closes the socket. A {@link ServingLoop} decides which thread reads and
 * serves it; {@link #run} serves it alone, in a loop of its own. A fatal JVM error is reported as a
 * fatal PlatformError and halts the process.
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
    /** Read by one thread at a time: the one its {@link ServingLoop} lets serve this connection. */
    private final FrameDecoder decoder = new FrameDecoder();
    /**
     * Held while writing a frame: the serving thread and the streamer both write, and a call's
     * LogLines must never follow its Logs frame or answer.
     */
    private final Object writeLock = new Object();
    /** Set once, by {@link #greet}, before any call is read. */
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

    /** Whether the connection ended because the runtime closed it between calls. */
    boolean endedCleanly() {
        return clean;
    }

    /** Serves this connection alone, in a loop of its own, and returns once it has ended. */
    @Override
    public void run() {
        try {
            greet();
        } catch (IOException e) {
            end(e);
            return;
        }
        new ServingLoop(List.of(this)).run();
    }

    /** Sends Hello, then makes the channel non-blocking, as a {@link ServingLoop} serves it. */
    void greet() throws IOException {
        ByteBuffer frame = ByteBuffer.wrap(FrameCodec.encode(hello));
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        channel.configureBlocking(false);
        out = new BufferedOutputStream(new ChannelOutput(channel), BUFFER_BYTES);
    }

    SocketChannel channel() {
        return channel;
    }

    /**
     * Reads what has arrived, without waiting, and once an Invoke frame is whole runs its call on
     * this thread and sends the call's Logs frame and answer. A fatal JVM error is reported and
     * halts the process; this never returns then.
     *
     * @return whether a call was served; false while its frame is not whole yet
     * @throws java.io.EOFException when the runtime closed the connection between calls
     * @throws IOException when the connection failed, the bytes are not an Invoke frame, the
     *     answer could not be sent, or a JVM error that is not fatal ended the call
     */
    boolean serveNext() throws IOException {
        String requestId = "";
        CapturedLog log = null;
        try {
            Frame.Invoke invoke = nextCall();
            if (invoke == null) {
                return false;
            }
            requestId = invoke.requestId();
            log = new CapturedLog(requestId, logLimitBytes);
            serve(invoke, log);
            return true;
        } catch (VirtualMachineError e) {
            if (Exit.isFatal(e)) {
                fatal(e, requestId, log, out);
            }
            throw new IOException(e.toString(), e);
        }
    }

    /** Whether bytes that came after the last call's frame wait in the buffer. */
    boolean hasBuffered() {
        return decoder.hasBuffered();
    }

    private Frame.Invoke nextCall() throws IOException {
        Frame frame = decoder.next();
        while (frame == null) {
            if (decoder.read(channel) == 0) {
                return null;
            }
            frame = decoder.next();
        }
        if (!(frame instanceof Frame.Invoke invoke)) {
            throw new ProtocolException("expected an Invoke frame, got type " + frame.type());
        }
        return invoke;
    }

    private void serve(Frame.Invoke invoke, CapturedLog log) throws IOException {
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
    }

    /**
     * Ends the connection: says why on stderr unless {@code cause} is the runtime closing it
     * between calls, then closes the channel.
     */
    void end(IOException cause) {
        clean = cause instanceof EOFException;
        if (!clean) {
            err.println("fn4j-host: connection " + hello.connection() + " closed: " + cause.getMessage());
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The runtime sees the connection end either way.
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

    /** The invoker's answer; whatever non-fatal escapes it still gets its one answer. */
    private Frame answer(Frame.Invoke invoke, CapturedLog log) {
        try {
            return invoker.answer(invoke, log);
        } catch (RuntimeException | StackOverflowError e) {
            return Failures.functionError(invoke.requestId(), e);
        }
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
