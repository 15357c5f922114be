package dev.fn4j.runtime.instance;

/**
 * Receives one call's output while it runs: each line once, in write order, then at most one
 * truncation marker, after which no line follows. Called on the thread reading the call's
 * connection, so an implementation must return at once and never throw.
 */
public interface LineSink {

    /** Discards everything. */
    LineSink NONE = new LineSink() {
        @Override
        public void line(String line) {}

        @Override
        public void truncated(String marker) {}
    };

    /** One line, without its line break (a trailing carriage return is removed too). */
    void line(String line);

    /** The call wrote more than the log limit; {@code marker} is the host's marker line, without its break. */
    void truncated(String marker);
}
