package dev.fn4j.bench;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@link Echo} written for Google's Functions Framework: the body in as UTF-8 text, the same text
 * out. Loaded only by the GCF invoker's process ({@link GcfInvoker}), never by the bench.
 */
public final class GcfEcho implements HttpFunction {

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        String input = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
}
