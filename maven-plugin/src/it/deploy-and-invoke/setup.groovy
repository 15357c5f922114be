// Starts a stand-in for the fn4j runtime on 127.0.0.1 (a free port) that records every call
// and answers like docs/api.md; verify.groovy checks the calls and stops it. It says it has the
// image's first layer (POST /v1/images/reusable-layers answers 1), so the upload leaves it out.
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.security.MessageDigest

def sha256 = { byte[] bytes -> MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }
def archives = new GroovyShell().parse(new File(itLib, 'ImageArchive.groovy'))
// An engine's image id: the digest of the config the archive's manifest.json names.
def imageId = { byte[] tar ->
    def entries = archives.tarEntries(new ByteArrayInputStream(tar))
    'sha256:' + sha256(entries[new JsonSlurper().parse(entries['manifest.json'])[0].Config])
}
def calls = Collections.synchronizedList([])
def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
server.createContext('/', { exchange ->
    String method = exchange.requestMethod
    String path = exchange.requestURI.path
    byte[] body = exchange.requestBody.readAllBytes()
    calls << [method: method, path: path, body: body,
              contentType: exchange.requestHeaders.getFirst('Content-Type'),
              authorization: exchange.requestHeaders.getFirst('Authorization')]
    def answer = { int status, Object json, Map headers = [:] ->
        byte[] out = JsonOutput.toJson(json).getBytes('UTF-8')
        exchange.responseHeaders.add('Content-Type', 'application/json')
        exchange.responseHeaders.add('Fn-Request-Id', 'stub-' + calls.size())
        headers.each { k, v -> exchange.responseHeaders.add(k, v) }
        exchange.sendResponseHeaders(status, out.length)
        exchange.responseBody.write(out)
        exchange.close()
    }
    if (method == 'GET' && path == '/healthz') {
        answer(200, [status: 'ok', engine: 'up', runtimeId: 'stub'])
    } else if (method == 'POST' && path == '/v1/images/reusable-layers') {
        answer(200, [reusable: Math.min(1, new JsonSlurper().parse(body).diffIds.size())])
    } else if (method == 'POST' && path == '/v1/images') {
        answer(201, [id: imageId(body), tags: [], handlers: ['com.example.Hello']])
    } else if (method == 'PUT' && path.startsWith('/v1/functions/')) {
        String name = path.substring('/v1/functions/'.length())
        answer(201, new JsonSlurper().parse(body) + [name: name, revision: 1, url: '/fn/' + name])
    } else if (method == 'POST' && path.endsWith('/invocations')) {
        answer(200, [message: 'Hello, Ada!'], ['Fn-Cold-Start': 'true'])
    } else {
        answer(404, [error: [code: 'not_found', message: method + ' ' + path]])
    }
} as HttpHandler)
server.start()
context.stub = server
context.calls = calls
context.imageId = imageId
// Read by the invoker after this script: the build talks to the stand-in.
new File(basedir, 'test.properties').text =
        'fn.url = http://127.0.0.1:' + server.address.port + '\nfn.data = {"name":"Ada"}\nfn.maxQueue = 50\n'
return true
