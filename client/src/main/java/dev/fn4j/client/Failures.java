package dev.fn4j.client;

import dev.fn4j.spec.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Turns the I/O exceptions of {@link java.net.http.HttpClient} into client exceptions. */
final class Failures {

    private Failures() {}

    static RuntimeClientException translate(URI base, IOException e, Duration requestTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return new RuntimeUnreachableException(base, "Connection timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new RuntimeUnreachableException(base, "No answer within " + Durations.format(requestTimeout), e);
        }
        Throwable unknownHost = find(e, UnknownHostException.class);
        if (unknownHost != null || find(e, UnresolvedAddressException.class) != null) {
            return new RuntimeUnreachableException(base, "Unknown host " + base.getHost(), e);
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return new RuntimeUnreachableException(base, "No route to host", e);
        }
        Throwable refused = find(e, ConnectException.class);
        if (refused != null) {
            return new RuntimeUnreachableException(base, connectReason(refused), e);
        }
        return new RuntimeClientException("Lost the connection to the fn4j runtime at " + base + ": " + describe(e), e);
    }

    /** HttpClient's ConnectException often has no message; its cause has the OS's words. */
    private static String connectReason(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return "Connection refused";
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
