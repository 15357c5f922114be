// fn:deploy checked the runtime, built the image, asked which layers the runtime has, uploaded
// the image without the first layer's file (the one the stand-in has), deployed the function with its
// settings (scaling and protection included, from the pom and from -Dfn.maxQueue; public, from
// <public>) and printed its URL, revision and that the URL needs no API key; fn:invoke sent the
// data and printed the raw answer; every call carried the API key from settings.xml.
import groovy.json.JsonSlurper

def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    def calls = context.calls

    assert calls.collect { it.method + ' ' + it.path } == [
            'GET /healthz', 'POST /v1/images/reusable-layers', 'POST /v1/images',
            'PUT /v1/functions/deploy-and-invoke', 'POST /v1/functions/deploy-and-invoke/invocations']

    assert calls.every { it.authorization == 'Bearer it-secret' } : 'a call lacks the API key of settings.xml'

    def archives = new GroovyShell().parse(new File(itLib, 'ImageArchive.groovy'))
    File archive = new File(basedir, 'target/fn/image.tar')
    def image = archives.readImage(archive)
    List<String> layerFiles = image.manifest.Layers
    assert layerFiles.size() > 1
    assert new JsonSlurper().parse(calls[1].body) == [diffIds: image.config.rootfs.diff_ids]

    assert calls[2].contentType == 'application/x-tar'
    assert calls[2].body == new File(basedir, 'target/fn/image-upload.tar').bytes :
            'the upload is not target/fn/image-upload.tar'
    Map<String, byte[]> full = archive.withInputStream { archives.tarEntries(it) }
    Map<String, byte[]> sent = archives.tarEntries(new ByteArrayInputStream(calls[2].body))
    assert sent.keySet() == full.keySet() - layerFiles[0] : 'the upload must leave out exactly the first layer'
    sent.each { name, bytes -> assert bytes == full[name] : name + ' differs from the one in image.tar' }
    String imageId = context.imageId(archive.bytes)

    assert new JsonSlurper().parse(calls[3].body) == [image: imageId, handler: 'com.example.Hello',
                                                      timeout: '10s', env: [GREETING: 'Hi'],
                                                      minInstances: 1, maxInstances: 3, idleTimeout: '5m',
                                                      maxQueue: 50, rateLimit: [perSecond: 10, burst: 20],
                                                      'public': true]
    assert new String(calls[3].body, 'UTF-8').contains('"public":true')
    assert new String(calls[4].body, 'UTF-8') == '{"name":"Ada"}'
    assert calls[4].contentType == 'application/json'

    def uploaded = /\[INFO\] Uploaded image\.tar \([0-9.]+ [KM]B of [0-9.]+ MB: 1 of / + layerFiles.size() +
            / layers was already on the runtime\) to / + java.util.regex.Pattern.quote(url) +
            / in [0-9.]+ m?s: image / + imageId + /\R/
    assert log =~ uploaded
    def deployed = /\[INFO\] Deployed deploy-and-invoke revision 1 \(new function\) in [0-9.]+ m?s: / +
            java.util.regex.Pattern.quote(url + '/fn/deploy-and-invoke (public: no API key needed)') + /\R/
    assert log =~ deployed
    assert log =~ /\[INFO\] Deployed 1 function in [0-9.]+ m?s\./
    assert log =~ /\[INFO\] deploy-and-invoke answered in [0-9.]+ m?s \(cold start\), request id stub-5:/
    assert log.contains('\n{"message":"Hello, Ada!"}\n') : 'the answer is not printed raw on its own line'
}
