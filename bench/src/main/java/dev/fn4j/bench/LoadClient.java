package dev.fn4j.bench;

import java.io.IOException;
import java.net.URI;

/**
 * What the load phases call: one {@link Caller} per simulated client, each making one POST at a
 * time with the same body and {@code Authorization: Bearer} key. Implementations must bound every
 * call in time.
 */
interface LoadClient extends AutoCloseable {

    /** One client's connection: makes a call, answers the HTTP status, checks an echo. */
    interface Caller extends AutoCloseable {
        /**
         * POSTs the body and reads the whole answer.
         *
         * @return the status, or {@link #BAD_BODY} for a 200 whose body is not the echo
         */
        int call() throws IOException;

        @Override
        void close();
    }

    /** The status reported for a 200 answer whose body is not the body sent. */
    int BAD_BODY = 999;

    Caller open() throws IOException;

    /** A short name for the report. */
    String name();

    @Override
    void close();

    /**
     * The client named {@code kind} ("jdk" or "raw") POSTing {@code body} to {@code uri} with
     * {@code Authorization: Bearer <apiKey>}.
     */
    static LoadClient create(String kind, URI uri, byte[] body, String apiKey) {
        return switch (kind) {
            case "jdk" -> new JdkLoadClient(uri, body, apiKey);
            case "raw" -> new RawLoadClient(uri, body, apiKey);
            default -> throw new IllegalArgumentException("--client must be jdk or raw: " + kind);
        };
    }
}
