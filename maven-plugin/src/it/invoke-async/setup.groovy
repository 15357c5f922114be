// A stand-in runtime that queues the call (202) and streams its states: queued, running,
// two log lines as the function writes them, then succeeded with a JSON result and those lines.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
def done = standIn.invocation('inv-42', 'invoke-async', 'succeeded', [
        startedAt: '2026-11-21T12:00:00.100Z', endedAt: '2026-11-21T12:00:00.142Z', durationMs: 42,
        coldStart: true, contentType: 'application/json', result: [message: 'Hello, Ada!'],
        logs: 'greeting Ada\nsaying hello\n'])
def stub = standIn.startFor(context, [
        'POST /v1/functions/invoke-async/invocations': { exchange, call ->
            standIn.json(exchange, 202, [id: 'inv-42', status: 'queued', location: '/v1/invocations/inv-42'],
                    [Location: '/v1/invocations/inv-42', 'Fn-Request-Id': 'inv-42'])
        },
        'GET /v1/invocations/inv-42/events': { exchange, call ->
            standIn.events(exchange, [standIn.invocation('inv-42', 'invoke-async', 'queued'),
                                      standIn.invocation('inv-42', 'invoke-async', 'running',
                                              [startedAt: '2026-11-21T12:00:00.100Z']),
                                      [logLine: 'greeting Ada'],
                                      [logLine: 'saying hello'],
                                      done])
        }])
new File(basedir, 'test.properties').text = 'fn.url = ' + stub.url +
        '\nfn.async = true\nfn.data = {"name":"Ada"}\nfn.apiKey = cli-key-31d9e8\n'
return true
