// The event stream ended early: the goal said so and asked for the state until the invocation
// failed, then failed the build with the error code, message and invocation id.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    def calls = context.calls.collect { it.method + ' ' + it.path }
    assert calls == ['POST /v1/functions/invoke-async-failure/invocations', 'GET /v1/invocations/inv-7/events',
                     'GET /v1/invocations/inv-7', 'GET /v1/invocations/inv-7']
    assert context.calls[0].contentType == 'text/plain; charset=utf-8'
    def states = ['[INFO] Submitted invoke-async-failure asynchronously: invocation inv-7.',
                  '[INFO] Invocation inv-7 is queued.',
                  '[WARNING] The event stream GET ' + url + '/v1/invocations/inv-7/events ended before the' +
                          ' invocation did; asking for its state instead.',
                  '[INFO] Invocation inv-7 is running.',
                  '[INFO] Invocation inv-7 failed after 3 ms: function_error: java.lang.IllegalStateException: boom.',
                  '[INFO] Its log:',
                  '[INFO]   | about to fail'].join('\n')
    assert log.contains(states) : 'build.log lacks:\n' + states
    verify.failedWith('invoke', "Function 'invoke-async-failure' failed: function_error:" +
            ' java.lang.IllegalStateException: boom (invocation inv-7)')
}
