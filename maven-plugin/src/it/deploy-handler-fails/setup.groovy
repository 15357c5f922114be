// Starts a stand-in for the fn4j runtime on 127.0.0.1 (a free port) that takes the image and
// answers the deploy as a runtime whose check found that the handler cannot start: 502
// handler_failed with the host's report (docs/protocol.md, "Start-up failure").
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def calls = Collections.synchronizedList([])
def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
server.createContext('/', { exchange ->
    String method = exchange.requestMethod
    String path = exchange.requestURI.path
    byte[] body = exchange.requestBody.readAllBytes()
    calls << [method: method, path: path]
    def answer = { int status, Object json ->
        byte[] out = JsonOutput.toJson(json).getBytes('UTF-8')
        exchange.responseHeaders.add('Content-Type', 'application/json')
        exchange.sendResponseHeaders(status, out.length)
        exchange.responseBody.write(out)
        exchange.close()
    }
    if (method == 'GET' && path == '/healthz') {
        answer(200, [status: 'ok', engine: 'up', runtimeId: 'stub'])
    } else if (method == 'POST' && path == '/v1/images/reusable-layers') {
        answer(200, [reusable: 0])
    } else if (method == 'POST' && path == '/v1/images') {
        answer(201, [id: 'sha256:' + '0' * 64, tags: [], handlers: ['com.example.Hello']])
    } else if (method == 'PUT' && path.startsWith('/v1/functions/')) {
        answer(502, [error: [code: 'handler_failed', message:
                "the handler of 'deploy-handler-fails' revision 1 failed to start; fix it and deploy again:" +
                " handler com.example.Hello: static initializer threw java.lang.IllegalStateException:" +
                " no database configured\n\tat com.example.Hello.connect(Hello.java:10)\n" +
                "\tat com.example.Hello.<clinit>(Hello.java:7)"]])
    } else {
        answer(404, [error: [code: 'not_found', message: method + ' ' + path]])
    }
} as HttpHandler)
server.start()
context.stub = server
context.calls = calls
// Read by the invoker after this script: the build talks to the stand-in.
new File(basedir, 'test.properties').text = 'fn.url = http://127.0.0.1:' + server.address.port + '\n'
return true
