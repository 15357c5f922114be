// A stand-in runtime with three invocations of the function logs, newest first.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
def stub = standIn.startFor(context, [
        'GET /v1/functions/logs/invocations': { exchange, call ->
            standIn.json(exchange, 200, [invocations: [
                    standIn.invocation('inv-3', 'logs', 'failed', [revision: 2, attempts: 2,
                            queuedAt: '2026-11-21T12:00:09Z', startedAt: '2026-11-21T12:00:10Z',
                            endedAt: '2026-11-21T12:00:10.003Z', durationMs: 3, coldStart: true,
                            error: [code: 'function_error', message: 'java.lang.IllegalStateException: boom'],
                            logs: 'about to fail\n']),
                    standIn.invocation('inv-2', 'logs', 'running', [revision: 2,
                            queuedAt: '2026-11-21T12:00:05Z', startedAt: '2026-11-21T12:00:05Z']),
                    standIn.invocation('inv-1', 'logs', 'succeeded', [revision: 1,
                            startedAt: '2026-11-21T12:00:00Z', endedAt: '2026-11-21T12:00:00.042Z',
                            durationMs: 42, coldStart: false, contentType: 'application/json',
                            result: [message: 'Hello, Ada!'], logs: 'greeting Ada\nsaid hello\n'])]])
        }])
new File(basedir, 'test.properties').text = 'fn.url = ' + stub.url + '\nfn.limit = 3\n'
return true
