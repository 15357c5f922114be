// Each refusal failed the build with a message that says where the key came from (or that there
// was none) and where to set one; no key appears in build.log, though the runtime echoed them
// and Maven ran with -X.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path + ' ' + it.authorization } == [
            'GET /v1/functions Bearer cli-key-9b2e5f',
            'GET /v1/functions/unauthorized/invocations null',
            'DELETE /v1/functions/unauthorized Bearer scoped-key-77aa50']
    assert log.contains('[DEBUG] ') : 'the builds did not run with -X'

    def failed = verify.&failed
    def where = "-Dfn.apiKey, FN4J_API_KEY or a settings.xml <server> with id "
    def expected = [
            failed('list') + 'The fn4j runtime at ' + url + " refused the API key from -Dfn.apiKey" +
                    " (unauthorized: invalid API key '****'): set a valid key with " + where + "'fn4j' (its <password>).",
            failed('logs') + 'The fn4j runtime at ' + url + ' needs an API key, and none is set' +
                    ' (unauthorized: missing API key): set one with ' + where + "'nobody' (its <password>).",
            failed('delete') + 'The fn4j runtime at ' + url + " refused to delete function 'unauthorized'" +
                    " (forbidden: key '****' may only invoke): the key's scope does not allow it (the API key" +
                    ' from -Dfn.apiKey). Use a key whose scope does, set with ' + where + "'fn4j' (its <password>)."]
    expected.each { assert log.contains(it) : 'build.log lacks: ' + it }

    ['cli-key-9b2e5f', 'env-key-4d11aa', 'scoped-key-77aa50', 'it-secret'].each { key ->
        assert !log.contains(key) : 'the API key ' + key + ' is in build.log'
    }
}
