package dev.fn4j.host;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Routes System.out and System.err: every write goes to the real stream, and also into the
 * {@link CapturedLog} of the call the writing thread serves, which threads started during a call
 * inherit. Threads serving no call write to the real stream only.
 */
final class LogRouter {

    /** The log of the call this thread serves, or of the call during which it was started. */
    private final InheritableThreadLocal<CapturedLog> current = new InheritableThreadLocal<>();

    /** Installs routed System.out and System.err; call once, at host start. */
    static LogRouter install(PrintStream realOut, PrintStream realErr) {
        LogRouter router = new LogRouter();
        System.setOut(router.route(realOut));
        System.setErr(router.route(realErr));
        return router;
    }

    /** A UTF-8 print stream that writes through to {@code real} and into the current call's log. */
    PrintStream route(PrintStream real) {
        return new PrintStream(new Routed(Objects.requireNonNull(real, "real")), true, StandardCharsets.UTF_8);
    }

    /** Sends this thread's writes, and those of threads it starts from now on, to the log too. */
    void begin(CapturedLog log) {
        current.set(Objects.requireNonNull(log, "log"));
    }

    /** Stops sending this thread's writes to a call's log. */
    void end() {
        current.remove();
    }

    /** The log this thread's writes go to, or null. */
    CapturedLog current() {
        return current.get();
    }

    /** The byte stream under a routed print stream. */
    private final class Routed extends OutputStream {
        private final PrintStream real;

        Routed(PrintStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CapturedLog log = current.get();
            if (log != null) {
                log.write(b, off, len);
            }
            real.write(b, off, len);
        }

        @Override
        public void flush() {
            real.flush();
        }
    }
}
