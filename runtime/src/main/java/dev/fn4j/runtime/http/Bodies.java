package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads request bodies within a size limit, answering 413 past it without reading it all. */
public final class Bodies {

    private Bodies() {}

    /** Reads the whole body into memory; at most {@code limit} bytes. */
    public static byte[] read(HttpServerExchange exchange, long limit) throws IOException {
        checkDeclaredLength(exchange, limit);
        long declared = exchange.getRequestContentLength();
        if (declared >= 0) {
            // The common case: an array of exactly the right size, no copying buffer per call.
            byte[] body = exchange.getInputStream().readNBytes((int) declared);
            if (body.length != declared) {
                throw new IOException(
                        "the body ended after " + body.length + " of its " + declared + " declared bytes");
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(exchange.getInputStream(), out, limit, new byte[8 * 1024]);
        return out.toByteArray();
    }

    /** Streams the body to a file; at most {@code limit} bytes. */
    public static void save(HttpServerExchange exchange, Path file, long limit) throws IOException {
        checkDeclaredLength(exchange, limit);
        try (OutputStream out = Files.newOutputStream(file)) {
            copy(exchange.getInputStream(), out, limit, new byte[64 * 1024]);
        }
    }

    private static void checkDeclaredLength(HttpServerExchange exchange, long limit) {
        long declared = exchange.getRequestContentLength();
        if (declared > limit) {
            throw tooLarge(declared, limit);
        }
    }

    private static void copy(InputStream in, OutputStream out, long limit, byte[] buffer) throws IOException {
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw tooLarge(total, limit);
            }
            out.write(buffer, 0, n);
        }
    }

    static ApiException tooLarge(long size, long limit) {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "the body is larger than the limit of "
                        + limit + " bytes (at least " + size + " bytes were sent); send less or raise"
                        + " the runtime's limit");
    }
}
