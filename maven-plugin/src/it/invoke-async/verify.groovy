// fn:invoke -Dfn.async=true submitted the call with Prefer: respond-async, logged the id and
// every state from the event stream, each log line as it came (and not again at the end), then
// printed the result raw on its own line. Every call
// carried the key from -Dfn.apiKey, which won over FN4J_API_KEY and settings.xml.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    def calls = context.calls
    assert calls.collect { it.method + ' ' + it.path } == [
            'POST /v1/functions/invoke-async/invocations', 'GET /v1/invocations/inv-42/events']
    assert calls.every { it.authorization == 'Bearer cli-key-31d9e8' } : '-Dfn.apiKey was not used'
    assert calls[0].prefer == 'respond-async'
    assert calls[0].body == '{"name":"Ada"}'
    assert calls[0].contentType == 'application/json'
    assert calls[1].accept == 'text/event-stream'
    def states = ['[INFO] Submitted invoke-async asynchronously: invocation inv-42.',
                  '[INFO] Invocation inv-42 is queued.',
                  '[INFO] Invocation inv-42 is running.',
                  '[INFO] Its log, as it is written:',
                  '[INFO]   | greeting Ada',
                  '[INFO]   | saying hello',
                  '[INFO] Invocation inv-42 succeeded in 42 ms (cold start).'].join('\n')
    assert log.contains(states) : 'build.log lacks:\n' + states
    assert !log.contains('[INFO] Its log:') : 'the streamed lines were shown twice'
    assert log =~ /\[INFO\] invoke-async answered in [0-9.]+ m?s \(cold start\), invocation id inv-42:\n\{"message":"Hello, Ada!"\}\n/
    assert !log.contains('cli-key-31d9e8') && !log.contains('env-key-7c1f02') : 'an API key is in build.log'
}
