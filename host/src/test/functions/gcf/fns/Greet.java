package fns;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;

/** A Cloud Functions HTTP function as written for Google: query, headers and body in, a written answer out. */
public class Greet implements HttpFunction {

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        String name = request.getFirstQueryParameter("name").orElse("world");
        String body = new String(request.getInputStream().readAllBytes());
        response.setStatusCode(202);
        response.setContentType("text/plain; charset=utf-8");
        response.appendHeader("X-Method", request.getMethod());
        BufferedWriter writer = response.getWriter();
        writer.write("Hello, " + name + "! " + request.getPath() + " " + request.getUri()
                + " agent=" + request.getFirstHeader("User-Agent").orElse("?")
                + " type=" + request.getContentType().orElse("?") + " body=" + body);
    }
}
