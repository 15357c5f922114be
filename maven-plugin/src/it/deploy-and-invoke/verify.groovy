// fn:deploy checked the runtime, built and uploaded the image, deployed the function with its
// settings (scaling and protection included, from the pom and from -Dfn.maxQueue; public, from
// <public>) and printed its URL, revision and that the URL needs no API key; fn:invoke sent the
// data and printed the raw answer; every call carried the API key from settings.xml.
import groovy.json.JsonSlurper

try {
    def log = new File(basedir, 'build.log').text
    def calls = context.calls
    String url = 'http://127.0.0.1:' + context.stub.address.port

    assert calls.collect { it.method + ' ' + it.path } == [
            'GET /healthz', 'POST /v1/images', 'PUT /v1/functions/deploy-and-invoke',
            'POST /v1/functions/deploy-and-invoke/invocations']

    assert calls.every { it.authorization == 'Bearer it-secret' } : 'a call lacks the API key of settings.xml'

    byte[] archive = new File(basedir, 'target/fn/image.tar').bytes
    assert calls[1].contentType == 'application/x-tar'
    assert calls[1].body == archive : 'the upload is not target/fn/image.tar'
    String imageId = 'sha256:' + context.sha256(archive)

    assert new JsonSlurper().parse(calls[2].body) == [image: imageId, handler: 'com.example.Hello',
                                                      timeout: '10s', env: [GREETING: 'Hi'],
                                                      minInstances: 1, maxInstances: 3, idleTimeout: '5m',
                                                      maxQueue: 50, rateLimit: [perSecond: 10, burst: 20],
                                                      'public': true]
    assert new String(calls[2].body, 'UTF-8').contains('"public":true')
    assert new String(calls[3].body, 'UTF-8') == '{"name":"Ada"}'
    assert calls[3].contentType == 'application/json'

    assert log.contains('[INFO] Uploaded image.tar (')
    def deployed = /\[INFO\] Deployed deploy-and-invoke revision 1 \(new function\) in [0-9.]+ m?s: / +
            java.util.regex.Pattern.quote(url + '/fn/deploy-and-invoke (public: no API key needed)') + /\R/
    assert log =~ deployed
    assert log =~ /\[INFO\] Deployed 1 function in [0-9.]+ m?s\./
    assert log =~ /\[INFO\] deploy-and-invoke answered in [0-9.]+ m?s \(cold start\), request id stub-4:/
    assert log.contains('\n{"message":"Hello, Ada!"}\n') : 'the answer is not printed raw on its own line'
    return true
} finally {
    context.stub?.stop(0)
}
