package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.util.List;
import org.xnio.Options;

/**
 * The control port ({@code --control-port}): a second listener with one IO thread of its own that
 * serves the control plane's routes ({@link Route#controlPlane()}: the health checks, the metrics,
 * the admin API, the API document) and no function call, so that a load balancer's health check,
 * Prometheus and an operator are never queued behind calls on the main port's IO threads. Every
 * other route answers 404 there, saying which port serves it; the dashboard is among them, since
 * its pages call functions and read invocations from the port that served them.
 *
 * <p>Invariant: both ports share the routes, the admission and the keys; only the threads that
 * read requests differ. The control plane's blocking routes run on the control plane's own pool
 * on either port.
 */
final class ControlPort {

    /** One IO thread: the control plane's traffic is light, and the thread sleeps until it comes. */
    private static final int IO_THREADS = 1;
    /** Every blocking control-plane route goes to the control plane's pool, so the listener's own workers stay idle. */
    private static final int WORKER_THREADS = 1;

    /** Its XNIO worker's name: its threads are {@code fn4j-ctl I/O-1} and {@code fn4j-ctl task-1}. */
    static final String THREAD_NAME = "fn4j-ctl";

    private ControlPort() {}

    /** The control port's listener on {@code host}:{@code port}, handing requests to {@code next}. */
    static Undertow server(String host, int port, List<Route> routes, HttpHandler next) {
        return Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(IO_THREADS)
                .setWorkerThreads(WORKER_THREADS)
                // Named so that its threads can be told apart in ps, top and /proc (at most 15 characters there).
                .setWorkerOption(Options.WORKER_NAME, THREAD_NAME)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setHandler(new Router(routes(routes), next))
                .build();
    }

    /**
     * The routes as the control port takes them: the control plane's unchanged, and each other
     * route (same method, path and access) answering 404 with where it is served.
     */
    static List<Route> routes(List<Route> all) {
        return all.stream().map(ControlPort::asOnControlPort).toList();
    }

    private static Route asOnControlPort(Route route) {
        if (route.controlPlane() && !route.template().equals(RouteTable.UI)) {
            return route;
        }
        Route elsewhere = Route.nonBlocking(
                route.method(),
                route.template(),
                route.access(),
                exchange -> {
                    throw new ApiException(
                            ErrorCode.NOT_FOUND,
                            exchange.getRequestMethod() + " " + exchange.getRequestPath()
                                    + " is served on the runtime's main port, not on its control port"
                                    + " (--control-port), which serves only health checks, metrics and the"
                                    + " admin API; send it to the main port (--port)");
                },
                route.summary());
        return route.servedWhileStopping() ? elsewhere.alsoWhileStopping() : elsewhere;
    }

    /** The port {@code server} bound (useful with port 0). */
    static int boundPort(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
}
