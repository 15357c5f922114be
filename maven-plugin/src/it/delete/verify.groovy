// fn:delete deleted both functions of <functions>, with the key from FN4J_API_KEY; then
// -Dfn.name=ghost, unknown to the runtime, failed the build with a MojoFailureException.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path } == [
            'DELETE /v1/functions/greet', 'DELETE /v1/functions/bye', 'DELETE /v1/functions/ghost']
    assert context.calls.every { it.authorization == 'Bearer env-key-7c1f02' } : 'FN4J_API_KEY was not used'
    assert log.contains("[INFO] Deleted function 'greet' from " + url + '; its instances are stopped.')
    assert log.contains("[INFO] Deleted function 'bye' from " + url + '; its instances are stopped.')
    verify.failedWith('delete', "No function named 'ghost' on " + url + ': there is nothing to delete.' +
            ' See the deployed functions with mvn fn:list, and name one with -Dfn.name.')
    assert !log.contains('env-key-7c1f02') : 'the API key is in build.log'
}
