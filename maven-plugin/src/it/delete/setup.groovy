// A stand-in runtime that has the functions greet and bye, and no ghost.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
def stub = standIn.startFor(context, [
        'DELETE /v1/functions/greet': { exchange, call -> standIn.empty(exchange, 204) },
        'DELETE /v1/functions/bye'  : { exchange, call -> standIn.empty(exchange, 204) },
        'DELETE /v1/functions/ghost': { exchange, call ->
            standIn.json(exchange, 404, [error: [code: 'function_not_found',
                                                 message: "no function named 'ghost'; deploy it with mvn fn:deploy"]])
        }])
new File(basedir, 'test.properties').text = 'fn.url = ' + stub.url + '\n'
new File(basedir, 'ghost.properties').text = 'fn.url = ' + stub.url + '\nfn.name = ghost\n'
return true
