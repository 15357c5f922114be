// 1: fn:dead-letters listed both pages, oldest first. 2: redrove one; 3: all; 4: purged. 5: a
// -Dfn.redrive that is neither all nor an id failed the build naming it, before any call.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path + (it.query ? '?' + it.query : '') } == [
            'GET /v1/functions/dead-letters/dead-letters?limit=100',
            'GET /v1/functions/dead-letters/dead-letters?limit=100&after=0b',
            'POST /v1/invocations/0a1b2c/redrive',
            'POST /v1/functions/dead-letters/dead-letters/redrive',
            'DELETE /v1/functions/dead-letters/dead-letters']
    assert context.calls.every { it.authorization == 'Bearer it-secret' }
    def listed = [
            "[INFO] 3 dead letter(s) of 'dead-letters' on " + url + ', oldest first:',
            '[INFO] 2026-11-21T12:00:00Z  4 attempt(s)  0a1b2c  function_error: java.lang.IllegalStateException: boom',
            '[INFO] 2026-11-21T12:00:01Z  4 attempt(s)  0b  function_error: java.lang.IllegalStateException: boom',
            '[INFO] 2026-11-21T12:00:02Z  4 attempt(s)  0c  function_error: java.lang.IllegalStateException: boom',
            '[INFO] Run them again with -Dfn.redrive=all (or one id), or delete them with -Dfn.purge=true.'].join('\n')
    assert log.contains(listed) : 'build.log lacks:\n' + listed
    assert log.contains("[INFO] Redrove 0a1b2c of 'dead-letters': it is queued and runs again with its original"
            + ' input. Follow it with mvn fn:logs.')
    assert log.contains("[INFO] Redrove 3 dead letter(s) of 'dead-letters' on " + url
            + '; they run again with their original input.')
    assert log.contains("[INFO] Purged 3 dead letter(s) of 'dead-letters' on " + url + '.')
    verify.failedWith('dead-letters', "<redrive> (-Dfn.redrive) is 'everything', not an invocation id: use all,"
            + ' or an id that mvn fn:dead-letters lists.')
}
