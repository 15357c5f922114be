// A stand-in for the fn4j runtime on 127.0.0.1 (a free port) for the invoker builds that need no
// image: routes "METHOD /path" to closures, records every call (method, path, query, headers,
// body), answers 404 not_found to anything else. Loaded by setup.groovy scripts with GroovyShell;
// verify.groovy reads context.calls and stops context.stub (Verify.groovy's withStandIn).
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import java.util.concurrent.Executors

/** Starts the stand-in; each route is a closure (HttpExchange exchange, Map call). */
Map start(Map<String, Closure> routes) {
    def calls = Collections.synchronizedList([])
    def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
    server.executor = Executors.newCachedThreadPool()
    server.createContext('/', { HttpExchange exchange ->
        try {
            def call = [method: exchange.requestMethod, path: exchange.requestURI.path,
                        query: exchange.requestURI.rawQuery,
                        authorization: exchange.requestHeaders.getFirst('Authorization'),
                        prefer: exchange.requestHeaders.getFirst('Prefer'),
                        accept: exchange.requestHeaders.getFirst('Accept'),
                        contentType: exchange.requestHeaders.getFirst('Content-Type'),
                        body: new String(exchange.requestBody.readAllBytes(), 'UTF-8')]
            calls << call
            def route = routes[call.method + ' ' + call.path]
            if (route == null) {
                json(exchange, 404, [error: [code: 'not_found', message: call.method + ' ' + call.path]])
            } else {
                route(exchange, call)
            }
        } catch (IOException ignored) {
            // the client went away
        } finally {
            exchange.close()
        }
    } as HttpHandler)
    server.start()
    return [server: server, calls: calls, url: 'http://127.0.0.1:' + server.address.port]
}

/** Starts the stand-in for this build: verify.groovy finds it as context.stub, its calls as context.calls. */
Map startFor(Map context, Map<String, Closure> routes) {
    def stub = start(routes)
    context.stub = stub.server
    context.calls = stub.calls
    return stub
}

/** Answers JSON. */
void json(HttpExchange exchange, int status, Object body, Map headers = [:]) {
    byte[] out = JsonOutput.toJson(body).getBytes('UTF-8')
    exchange.responseHeaders.add('Content-Type', 'application/json')
    headers.each { k, v -> exchange.responseHeaders.add(k, v) }
    exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length)
    exchange.responseBody.write(out)
}

/** Answers with no body. */
void empty(HttpExchange exchange, int status) {
    exchange.sendResponseHeaders(status, -1)
}

/**
 * Answers an event stream: one event per invocation state, its status as the event name; an entry
 * {@code [logLine: 'text']} is a {@code log} event carrying that line instead.
 */
void events(HttpExchange exchange, List<Map> states, long pauseMillis = 50) {
    exchange.responseHeaders.add('Content-Type', 'text/event-stream')
    exchange.sendResponseHeaders(200, 0)
    def out = exchange.responseBody
    out.write(': stand-in\n\n'.getBytes('UTF-8'))
    out.flush()
    states.eachWithIndex { state, i ->
        Thread.sleep(pauseMillis)
        def event = state.containsKey('logLine')
                ? 'event: log\ndata: ' + JsonOutput.toJson([line: state.logLine]) + '\n\n'
                : 'event: ' + state.status + '\nid: ' + (i + 1) + '\ndata: ' + JsonOutput.toJson(state) + '\n\n'
        out.write(event.getBytes('UTF-8'))
        out.flush()
    }
}

/** An invocation as GET /v1/invocations/{id} shows it; fields in {@code extra} override. */
Map invocation(String id, String function, String status, Map extra = [:]) {
    return [id: id, function: function, revision: 1, async: true, status: status, attempts: 1,
            queuedAt: '2026-11-21T12:00:00Z', startedAt: null, endedAt: null, durationMs: null,
            coldStart: null, contentType: null, result: null, error: null, logs: null] + extra
}
