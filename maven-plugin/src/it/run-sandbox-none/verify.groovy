// mvn fn:run -Dfn.run.sandbox=none with no Docker engine reachable: the runtime runs the function
// inside its own JVM (--engine in-process) and says loudly, first, that nothing is isolated and
// what is not enforced; the function answers on the same URL with the same JSON mapping (records,
// java.time), each call's line shows method and path, recompiled code is swapped in (the time from
// the class file written to the new answer is printed, for docs/benchmarks.md), mvn fn:invoke
// works against it unchanged, and stopping it leaves no runtime running.
import javax.tools.ToolProvider

def localRun = new GroovyShell(binding).parse(new File(itLib, 'LocalRun.groovy'))
File runLog = localRun.runLog()
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
File settings = new File(basedir.parentFile, 'interpolated-settings.xml')
List<String> maven = [mvn.path, '-B', '-Dstyle.color=never', '-s', settings.path, '-Dmaven.repo.local=' + localRepo]
int port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
String url = 'http://127.0.0.1:' + port + '/fn/run-sandbox-none'
// No engine answers there: nothing of this run may need Docker.
String noDocker = 'unix:///tmp/fn4j-it-no-docker-here.sock'

def start = { List<String> command ->
    def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
    builder.environment().put('DOCKER_HOST', noDocker)
    return builder
}
def call = { String json -> localRun.call(url, json, 'application/json') }
File source = new File(basedir, 'src/main/java/com/example/Hello.java')
File classes = new File(basedir, 'target/classes')
String api = new File(localRepo, 'dev/fn4j/fn4j-api/' + fn4jVersion + '/fn4j-api-' + fn4jVersion + '.jar').path
String original = source.text
def compile = { String greeting ->
    source.text = original.replace('"Hello, "', '"' + greeting + ', "')
    def javac = ToolProvider.systemJavaCompiler
    assert javac.run(null, null, null, '--release', '17', '-cp', api, '-d', classes.path, source.path) == 0
}

new File(basedir, 'target/fn4j-run').deleteDir()
runLog.delete()
Process run = start(maven + ['fn:run', '-Dfn.run.sandbox=none', '-Dfn.run.port=' + port]).redirectOutput(runLog).start()
try {
    localRun.waitFor('serving', 240) { runLog.text.contains('fn:run serves on http://127.0.0.1:' + port) }
    String log = runLog.text
    // The loud warning, before anything is served: the plugin's, then the runtime's exact list.
    assert log.contains('[WARNING] -Dfn.run.sandbox=none: NOTHING IS ISOLATED. The functions run inside the local'
            + ' runtime\'s JVM')
    assert log.contains('ENGINE IN-PROCESS: NOTHING IS ISOLATED.')
    assert log.contains('Not enforced: the memory limit (memory, and its swap limit), the CPU quota, the timeout kill')
    assert log.contains('network isolation (no --network none)')
    assert log.indexOf('NOTHING IS ISOLATED') < log.indexOf('fn:run serves on')
    assert log.contains('fn:run serves on http://127.0.0.1:' + port + ' WITHOUT ISOLATION (-Dfn.run.sandbox=none)')
    assert log.contains('  run-sandbox-none: http://127.0.0.1:' + port + '/fn/run-sandbox-none (revision 1)')

    // The same URL and JSON mapping as in a container: records and java.time in and out.
    assert call('{"name":"Ada","day":"2026-12-06"}') == [200, '{"message":"Hello, Ada!","day":"2026-12-06"}']
    localRun.waitFor('call line', 30) {
        runLog.text =~ /-> run-sandbox-none POST \/fn\/run-sandbox-none ok in \d+ ms \((cold start|warm)\) revision 1/
    }
    localRun.waitFor('logged line', 30) { runLog.text.contains('    run-sandbox-none | ') && runLog.text.contains('greeting Ada') }
    // A mapping mistake is answered as the platform answers it.
    def (int status, String body) = call('{"name":')
    assert status == 400 : body

    // Reload: a new class loader per revision.
    List<Long> reloadMillis = []
    (2..4).each { int version ->
        String greeting = 'Hello v' + version
        compile(greeting)
        long written = System.nanoTime()
        localRun.waitFor('answer of revision ' + version, 60) {
            call('{"name":"Ada","day":"2026-12-06"}')[1] == '{"message":"' + greeting + ', Ada!","day":"2026-12-06"}'
        }
        reloadMillis << (System.nanoTime() - written).intdiv(1_000_000L)
        localRun.waitFor('swap line', 30) { runLog.text.contains('Swapped in run-sandbox-none revision ' + version + ' in ') }
    }
    println 'fn:run -Dfn.run.sandbox=none reload, class file written to new answer (ms): ' + reloadMillis
    new File(basedir, 'reload-times.txt').text = reloadMillis.join(' ') + '\n'

    // fn:invoke works against it unchanged.
    def invoke = start(maven + ['fn:invoke', '-Dfn.url=http://127.0.0.1:' + port, '-Dfn.data={"name":"Bob"}']).start()
    String invoked = invoke.inputStream.text
    assert invoke.waitFor() == 0 : invoked
    assert invoked.contains('Hello v4, Bob!')

    // Ctrl-C (SIGTERM here) stops the runtime.
    run.destroy()
    run.waitFor()
    localRun.waitFor('runtime stopped', 60) { !localRun.runtimeRuns() }
    return true
} finally {
    if (run.alive) {
        run.destroyForcibly()
    }
}
