// fn:deploy built and uploaded the image, and the runtime's check found that the handler cannot
// start: the build failed (the user's failure, a MojoFailureException) with the cause and the
// first lines of its stack, as the runtime reported them.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.withStandIn { log, url ->
    assert context.calls.collect { it.method + ' ' + it.path } == [
            'GET /healthz', 'POST /v1/images/reusable-layers', 'POST /v1/images',
            'PUT /v1/functions/deploy-handler-fails']
    verify.failedWithLines('deploy', [
            "The fn4j runtime rejected function 'deploy-handler-fails': handler_failed: the handler of" +
                    " 'deploy-handler-fails' revision 1 failed to start; fix it and deploy again: handler" +
                    " com.example.Hello: static initializer threw java.lang.IllegalStateException:" +
                    " no database configured",
            '\tat com.example.Hello.connect(Hello.java:10)',
            '\tat com.example.Hello.<clinit>(Hello.java:7)'])
}
