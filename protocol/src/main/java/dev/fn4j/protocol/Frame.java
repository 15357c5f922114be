package dev.fn4j.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One message of the runtime-to-host protocol; {@link FrameCodec} reads and writes them as
 * docs/protocol.md specifies.
 */
public sealed interface Frame {

    /** The frame's type byte on the wire. */
    byte type();

    /**
     * Host to runtime, first frame on every connection: the host is loaded and ready to serve.
     *
     * @param instanceId the instance id the runtime gave the container in {@code FN4J_INSTANCE_ID}
     * @param connection this connection's index among the host's connections, from 0
     * @param handler the handler class the host loaded
     */
    record Hello(String instanceId, int connection, String handler) implements Frame {
        public static final byte TYPE = 1;

        public Hello {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(handler, "handler");
            if (connection < 0 || connection > 0xFFFF) {
                throw new IllegalArgumentException("connection must be in [0, 65535]: " + connection);
            }
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * Runtime to host: run the function once.
     *
     * @param requestId the invocation's id
     * @param deadlineEpochMillis when the runtime abandons the call, in ms since the epoch
     * @param headers metadata; names starting with {@code :} are protocol pseudo-headers
     * @param body the call body
     */
    record Invoke(String requestId, long deadlineEpochMillis, List<Header> headers, byte[] body) implements Frame {
        public static final byte TYPE = 2;

        public Invoke {
            Objects.requireNonNull(requestId, "requestId");
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * Host to runtime: the function returned.
     *
     * @param requestId the id of the {@link Invoke} this answers
     * @param headers metadata of the result, for example {@code :status} of an HTTP function
     * @param body the encoded output
     */
    record Result(String requestId, List<Header> headers, byte[] body) implements Frame {
        public static final byte TYPE = 3;

        public Result {
            Objects.requireNonNull(requestId, "requestId");
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * Host to runtime: the function's handler threw. The connection stays usable.
     *
     * @param requestId the id of the {@link Invoke} this answers
     * @param errorType the thrown exception's class name
     * @param message the exception's message, empty when it had none
     * @param stackTrace the exception's stack trace as text
     */
    record FunctionError(String requestId, String errorType, String message, String stackTrace) implements Frame {
        public static final byte TYPE = 4;

        public FunctionError {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(stackTrace, "stackTrace");
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * Host to runtime: the platform, not the handler, failed this call (for example the body
     * could not be decoded into the handler's input type).
     *
     * @param requestId the id of the {@link Invoke} this answers
     * @param code a stable error code, see docs/protocol.md
     * @param message what went wrong, for the caller
     * @param fatal whether the host is about to exit, so the instance must not be reused
     */
    record PlatformError(String requestId, String code, String message, boolean fatal) implements Frame {
        public static final byte TYPE = 5;

        public PlatformError {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * Host to runtime, optional: what the function wrote to stdout, stderr and its logger during
     * one call. Sent only to a runtime that set {@code FN4J_LOG_LIMIT_BYTES}, at most once per
     * call, immediately before the call's answer.
     *
     * @param requestId the id of the {@link Invoke} whose answer follows
     * @param text the captured output, UTF-8, in write order; ends with a truncation marker line
     *     when {@code truncated}
     * @param truncated whether output beyond the limit was dropped
     */
    record Logs(String requestId, String text, boolean truncated) implements Frame {
        public static final byte TYPE = 6;

        public Logs {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * Host to runtime, optional: whole lines the function wrote during one call, sent while the
     * call runs. Sent only to a runtime that set both {@code FN4J_LOG_LIMIT_BYTES} and
     * {@code FN4J_LOG_STREAM_MILLIS}, zero or more times per call, after its {@link Invoke} and
     * before its {@link Logs} and answer. A call's LogLines texts, concatenated in order, are a
     * prefix of its Logs text, which stays the record.
     *
     * @param requestId the id of the {@link Invoke} being served
     * @param text one or more whole lines, UTF-8, each ending with {@code \n}; never empty
     */
    record LogLines(String requestId, String text) implements Frame {
        public static final byte TYPE = 7;

        public LogLines {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(text, "text");
            if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
                throw new IllegalArgumentException("LogLines text must be whole lines ending with a line feed: '"
                        + (text.length() > 40 ? text.substring(text.length() - 40) : text) + "'");
            }
        }

        @Override
        public byte type() {
            return TYPE;
        }
    }

    /**
     * One name-value pair; names are compared case-sensitively and may repeat.
     *
     * @param name the header name
     * @param value the header value
     */
    record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
