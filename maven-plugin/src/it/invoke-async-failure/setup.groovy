// A stand-in runtime whose event stream ends after "queued"; asked for the state, it says
// running once, then failed with the function's error.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
int asked = 0
def stub = standIn.startFor(context, [
        'POST /v1/functions/invoke-async-failure/invocations': { exchange, call ->
            standIn.json(exchange, 202, [id: 'inv-7', status: 'queued', location: '/v1/invocations/inv-7'],
                    [Location: '/v1/invocations/inv-7'])
        },
        'GET /v1/invocations/inv-7/events': { exchange, call ->
            standIn.events(exchange, [standIn.invocation('inv-7', 'invoke-async-failure', 'queued')])
        },
        'GET /v1/invocations/inv-7': { exchange, call ->
            standIn.json(exchange, 200, ++asked == 1
                    ? standIn.invocation('inv-7', 'invoke-async-failure', 'running')
                    : standIn.invocation('inv-7', 'invoke-async-failure', 'failed', [
                            durationMs: 3, coldStart: false, logs: 'about to fail\n',
                            error: [code: 'function_error', message: 'java.lang.IllegalStateException: boom']]))
        }])
new File(basedir, 'test.properties').text = 'fn.url = ' + stub.url + '\nfn.async = true\nfn.data = Ada\n'
return true
