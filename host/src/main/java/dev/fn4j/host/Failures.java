package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Turns what a handler threw into a FunctionError frame, letting fatal JVM errors through. */
final class Failures {

    /** Longest stack trace text sent, in chars; a frame must stay far below 64 MiB. */
    static final int MAX_STACK_TRACE_CHARS = 256 * 1024;

    private Failures() {}

    /**
     * The FunctionError for a throwable.
     *
     * @throws VirtualMachineError the throwable itself when {@link Exit#isFatal} holds
     */
    static Frame.FunctionError functionError(String requestId, Throwable thrown) {
        if (Exit.isFatal(thrown)) {
            throw (VirtualMachineError) thrown;
        }
        return new Frame.FunctionError(requestId, thrown.getClass().getName(), message(thrown), stackTrace(thrown));
    }

    /** The throwable's message; empty when it has none or getMessage() itself throws. */
    private static String message(Throwable thrown) {
        try {
            String message = thrown.getMessage();
            return message == null ? "" : message;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The throwable's printed stack trace, cut to {@link #MAX_STACK_TRACE_CHARS}. */
    static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        try {
            thrown.printStackTrace(new PrintWriter(text));
        } catch (RuntimeException e) {
            // A user-defined throwable whose toString() or getMessage() throws: keep what was printed.
            text.write("\n\t(printing the stack trace threw " + e.getClass().getName() + ")\n");
        }
        String trace = text.toString();
        return trace.length() <= MAX_STACK_TRACE_CHARS
                ? trace
                : trace.substring(0, MAX_STACK_TRACE_CHARS) + "\n\t... (truncated)\n";
    }
}
