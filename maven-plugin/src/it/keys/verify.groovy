// 1: fn:keys listed the keys, aligned, "never" and "-" where the runtime gave no time. 2: with
// -Dfn.createKey and -q it created the key and printed it alone. 3: it revoked a key. 4: an id the
// runtime does not have failed the build. Every call carried the key of settings.xml, which build.log
// does not show.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path } == ['GET /v1/keys', 'POST /v1/keys',
            'DELETE /v1/keys/3f9a0c1b2d4e', 'DELETE /v1/keys/0123456789ab']
    assert context.calls.every { it.authorization == 'Bearer it-secret' } : 'a call lacks the API key of settings.xml'
    assert !log.contains('it-secret') : 'the API key is in build.log'

    def table = ['[INFO] 2 keys on ' + url + ':',
                 '[INFO]   ID            NAME        SCOPE   CREATED               EXPIRES               LAST USED',
                 '[INFO]   000000000001  admin       admin   2026-11-21T09:00:00Z  never                 -',
                 '[INFO]   3f9a0c1b2d4e  ci deploys  invoke  2026-11-22T10:00:00Z  2026-12-22T10:00:00Z  2026-11-22T11:00:00Z'
                ].join('\n')
    assert log.contains(table) : 'build.log lacks:\n' + table

    assert context.calls[1].body == '{"name":"ci","scope":"admin","expiresIn":"30d"}'
    String key = 'fn4j_5b6c7d8e9f01_' + 'k' * 43
    // The quiet build printed the key on a line of its own and nothing else: the build before it
    // ends on the line before it, the build after it starts on the line after it (Maven's colour
    // resets and empty lines aside).
    def lines = log.replaceAll('\u001B\\[[0-9;]*m', '').readLines().findAll { !it.isBlank() }
    int at = lines.indexOf(key)
    assert at > 0 : 'the key is not on a line of its own'
    assert lines[at - 1] ==~ /\[INFO\] -{72}/ : 'the quiet build printed more than the key: ' + lines[at - 1]
    assert lines[at + 1] == lines.find { it.startsWith('[INFO] ') } : 'the quiet build printed more than the key: ' + lines[at + 1]
    assert log.count(key) == 1 : 'the new key is printed more than once'
    assert !log.contains('Created API key') : 'the quiet build logged at info level'

    assert log.contains('[INFO] Deleted API key 3f9a0c1b2d4e.')
    verify.failedWith('keys', "No API key '0123456789ab' on " + url + ': list them with mvn fn:keys.')
}
