package dev.fn4j.runtime.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A callback receiver on loopback: records each POST and answers with the next status given
 * ({@code 200} once they run out).
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One POST as received. */
    public record Request(String signature, String invocationId, byte[] body) {}

    private final HttpServer server;
    private final BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
    public final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public CallbackReceiver(Integer... statuses) throws IOException {
        this.statuses.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(
                    exchange.getRequestHeaders().getFirst("X-Fn4j-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Fn4j-Invocation-Id"),
                    body));
            Integer status = this.statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/done";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
