// fn:logs asked for the last 3 invocations and showed them newest last: time, status, duration,
// cold or warm, id; revision and times; the error; the function's log lines.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path + '?' + it.query } == [
            'GET /v1/functions/logs/invocations?limit=3']
    assert context.calls.every { it.authorization == 'Bearer it-secret' }
    def expected = [
            "[INFO] The last 3 invocations of 'logs' on " + url + ', newest last:',
            '[INFO] 2026-11-21T12:00:00Z  succeeded  42 ms  warm  inv-1',
            '[INFO]     revision 1, started 2026-11-21T12:00:00Z, ended 2026-11-21T12:00:00.042Z',
            '[INFO]     | greeting Ada',
            '[INFO]     | said hello',
            '[INFO] 2026-11-21T12:00:05Z  running    -      -     inv-2',
            '[INFO]     revision 2, started 2026-11-21T12:00:05Z, ended -',
            '[INFO] 2026-11-21T12:00:09Z  failed     3 ms   cold  inv-3',
            '[INFO]     revision 2, 2 attempts, started 2026-11-21T12:00:10Z, ended 2026-11-21T12:00:10.003Z',
            '[INFO]     error: function_error: java.lang.IllegalStateException: boom',
            '[INFO]     | about to fail'].join('\n')
    assert log.contains(expected) : 'build.log lacks:\n' + expected
}
