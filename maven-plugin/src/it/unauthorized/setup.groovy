// A stand-in runtime that answers 401 to a missing or unknown key, and 403 to the key
// scoped-key-77aa50; its messages echo the key it got, as a careless runtime might.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
def refuse = { exchange, call ->
    String key = call.authorization?.replaceFirst('^Bearer ', '')
    if (key == null) {
        standIn.json(exchange, 401, [error: [code: 'unauthorized', message: 'missing API key']])
    } else if (key == 'scoped-key-77aa50') {
        standIn.json(exchange, 403, [error: [code: 'forbidden', message: "key '" + key + "' may only invoke"]])
    } else {
        standIn.json(exchange, 401, [error: [code: 'unauthorized', message: "invalid API key '" + key + "'"]])
    }
}
def stub = standIn.startFor(context, [
        'GET /v1/functions'                          : refuse,
        'GET /v1/functions/unauthorized/invocations': refuse,
        'DELETE /v1/functions/unauthorized'          : refuse])
new File(basedir, 'run1.properties').text = 'fn.url = ' + stub.url + '\nfn.apiKey = cli-key-9b2e5f\n'
new File(basedir, 'run2.properties').text = 'fn.url = ' + stub.url + '\nfn.serverId = nobody\n'
new File(basedir, 'run3.properties').text = 'fn.url = ' + stub.url + '\nfn.apiKey = scoped-key-77aa50\n'
return true
