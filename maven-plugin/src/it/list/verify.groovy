// fn:list printed one aligned line per function (name, revision, status, instances, public, URL),
// sorted by name, and a warning for the failed one; then said that nothing is deployed. The key
// came from settings.xml.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path } == ['GET /v1/functions', 'GET /v1/functions']
    assert context.calls.every { it.authorization == 'Bearer it-secret' } : 'a call lacks the API key of settings.xml'
    def table = ['[INFO] 2 functions on ' + url + ':',
                 '[INFO]   NAME           REVISION  STATUS  INSTANCES  PUBLIC  URL',
                 '[INFO]   hello          3         active  2          yes     ' + url + '/fn/hello',
                 '[INFO]   image-resizer  12        failed  0          no      ' + url + '/fn/image-resizer',
                 "[WARNING] Function 'image-resizer' failed, so calls to it fail until it is deployed again:"
                         + ' handler com.example.Resize failed to start'].join('\n')
    assert log.contains(table) : 'build.log lacks:\n' + table
    assert log.contains('[INFO] No functions are deployed on ' + url + ': deploy one with mvn fn:deploy.')
}
