package dev.fn4j.runtime.log;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;

/**
 * Recognises failures that are routine rather than bugs, so they are logged in one line without
 * a stack trace: the stack trace of a client hanging up says nothing about the runtime.
 */
public final class ExpectedFailures {

    /**
     * What the JDK and Undertow say when the other end of a connection went away mid-request
     * (UT000128 is Undertow's "remote peer closed connection before all data could be read").
     */
    private static final List<String> HANG_UP_PHRASES =
            List.of("broken pipe", "connection reset", "remote peer closed connection", "ut000128");

    private ExpectedFailures() {}

    /** Whether {@code failure}, or one of its causes, is a client's connection going away. */
    public static boolean clientHungUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Not EOFException: a truncated upload's archive ends early too, and that is no hang-up.
            if (t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (HANG_UP_PHRASES.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
        }
        return false;
    }
}
