// A stand-in runtime whose GET /v1/functions lists two functions the first time (one without a
// status, as older runtimes answer, and one failed), none after.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
int lists = 0
def stub = standIn.startFor(context, [
        'GET /v1/functions': { exchange, call ->
            if (++lists == 1) {
                standIn.json(exchange, 200, [functions: [
                        [name: 'hello', revision: 3, image: 'sha256:1', handler: 'com.example.Hello',
                         url: '/fn/hello', 'public': true, instances: [[id: 'a', state: 'idle'], [id: 'b', state: 'busy']],
                         revisions: [[revision: 3, image: 'sha256:1', handler: 'com.example.Hello',
                                      deployedAt: '2026-11-21T12:00:00Z']]],
                        [name: 'image-resizer', revision: 12, image: 'sha256:2',
                         handler: 'com.example.Resize', url: '/fn/image-resizer', instances: [],
                         status: 'failed', error: [code: 'handler_failed',
                                                   message: 'handler com.example.Resize failed to start\nat X']]]])
            } else {
                standIn.json(exchange, 200, [functions: []])
            }
        }])
new File(basedir, 'test.properties').text = 'fn.url = ' + stub.url + '\n'
return true
