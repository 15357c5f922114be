// A stand-in runtime with two keys (the older one listed without expiresAt and lastUsedAt, as older
// runtimes list keys); it creates the key ci, revokes 3f9a0c1b2d4e and has no 0123456789ab.
def standIn = new GroovyShell().parse(new File(itLib, 'StandIn.groovy'))
def stub = standIn.startFor(context, [
        'GET /v1/keys'                 : { exchange, call ->
            standIn.json(exchange, 200, [keys: [
                    [id: '000000000001', name: 'admin', scope: 'admin', createdAt: '2026-11-21T09:00:00Z'],
                    [id: '3f9a0c1b2d4e', name: 'ci deploys', scope: 'invoke', createdAt: '2026-11-22T10:00:00Z',
                     expiresAt: '2026-12-22T10:00:00Z', lastUsedAt: '2026-11-22T11:00:00Z']]])
        },
        'POST /v1/keys'                : { exchange, call ->
            standIn.json(exchange, 201, [id: '5b6c7d8e9f01', name: 'ci', scope: 'admin',
                                         createdAt: '2026-11-22T12:00:00Z', expiresAt: '2026-12-22T12:00:00Z',
                                         lastUsedAt: null, key: 'fn4j_5b6c7d8e9f01_' + 'k' * 43],
                    [Location: '/v1/keys/5b6c7d8e9f01'])
        },
        'DELETE /v1/keys/3f9a0c1b2d4e': { exchange, call -> standIn.empty(exchange, 204) },
        'DELETE /v1/keys/0123456789ab': { exchange, call ->
            standIn.json(exchange, 404, [error: [code: 'key_not_found', message: "no API key '0123456789ab'"]])
        }])
String url = 'fn.url = ' + stub.url + '\n'
new File(basedir, 'test.properties').text = url
new File(basedir, 'create.properties').text = url + 'fn.createKey = ci\nfn.keyScope = admin\nfn.keyExpiresIn = 30d\n'
new File(basedir, 'delete.properties').text = url + 'fn.deleteKey = 3f9a0c1b2d4e\n'
new File(basedir, 'ghost.properties').text = url + 'fn.deleteKey = 0123456789ab\n'
return true
