// A stand-in runtime whose function dead-letters has three dead letters over two pages, redrives
// 0a1b2c and all three, and purges them.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
def dead = { String id, String queuedAt ->
    standIn.invocation(id, 'dead-letters', 'dead_lettered', [attempts: 4, queuedAt: queuedAt,
            error: [code: 'function_error', message: 'java.lang.IllegalStateException: boom']])
}
def stub = standIn.startFor(context, [
        'GET /v1/functions/dead-letters/dead-letters': { exchange, call ->
            if (call.query.contains('after=')) {
                standIn.json(exchange, 200, [deadLetters: [dead('0c', '2026-11-21T12:00:02Z')], next: null])
            } else {
                standIn.json(exchange, 200, [deadLetters: [dead('0a1b2c', '2026-11-21T12:00:00Z'),
                                                           dead('0b', '2026-11-21T12:00:01Z')], next: '0b'])
            }
        },
        'POST /v1/invocations/0a1b2c/redrive': { exchange, call ->
            standIn.json(exchange, 202, standIn.invocation('0a1b2c', 'dead-letters', 'queued', [attempts: 4]))
        },
        'POST /v1/functions/dead-letters/dead-letters/redrive': { exchange, call ->
            standIn.json(exchange, 200, [redriven: 3])
        },
        'DELETE /v1/functions/dead-letters/dead-letters': { exchange, call ->
            standIn.json(exchange, 200, [purged: 3])
        }])
String url = 'fn.url = ' + stub.url + '\n'
new File(basedir, 'test.properties').text = url
new File(basedir, 'one.properties').text = url + 'fn.redrive = 0a1b2c\n'
new File(basedir, 'all.properties').text = url + 'fn.redrive = all\n'
new File(basedir, 'purge.properties').text = url + 'fn.purge = true\n'
new File(basedir, 'bad.properties').text = url + 'fn.redrive = everything\n'
return true
