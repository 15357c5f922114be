// mvn fn:run against the real runtime (the fn4j-runtime of the plugin's version) and Docker:
// it serves the function on loopback with no API key, swaps in code compiled while it runs
// (the time from the class file written to the new answer is printed, for docs/benchmarks.md),
// keeps the old code serving when the handler class is gone, lets mvn fn:invoke call it (with the
// settings.xml key of another runtime), and leaves no container behind when stopped, or when its
// Maven JVM is killed with kill -9. Its containers carry dev.fn4j.test=true, as every test's do.
import javax.tools.ToolProvider

def localRun = new GroovyShell(binding).parse(new File(itLib, 'LocalRun.groovy'))
File runLog = localRun.runLog()
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
File settings = new File(basedir.parentFile, 'interpolated-settings.xml')
List<String> maven = [mvn.path, '-B', '-Dstyle.color=never', '-s', settings.path, '-Dmaven.repo.local=' + localRepo]
int port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
String url = 'http://127.0.0.1:' + port + '/fn/run-reload'

def startRun = {
    runLog.delete()
    new ProcessBuilder(maven + ['fn:run', '-Dfn.run.port=' + port, '-Dfn.run.containerLabel=dev.fn4j.test=true'])
            .directory(basedir).redirectErrorStream(true).redirectOutput(runLog).start()
}
def call = { String input -> localRun.call(url, input, 'text/plain') }
File source = new File(basedir, 'src/main/java/com/example/Hello.java')
File classes = new File(basedir, 'target/classes')
String api = new File(localRepo, 'dev/fn4j/fn4j-api/' + fn4jVersion + '/fn4j-api-' + fn4jVersion + '.jar').path
String original = source.text
def compileSource = { String text ->
    source.text = text
    def javac = ToolProvider.systemJavaCompiler
    assert javac.run(null, null, null, '--release', '17', '-cp', api, '-d', classes.path, source.path) == 0
}
def compile = { String greeting -> compileSource(original.replace('return "Hello, "', 'return "' + greeting + ', "')) }
def containersOf = { String runtimeId ->
    def out = ['docker', 'ps', '-aq', '--filter', 'label=dev.fn4j.runtime=' + runtimeId].execute().text
    return out.readLines().findAll { it.trim() }
}
def removeContainersOf = { String runtimeId ->
    containersOf(runtimeId).each { ['docker', 'rm', '-f', it].execute().waitFor() }
}

// A fresh runtime: the invoker clones over the last run's target/.
new File(basedir, 'target/fn4j-run').deleteDir()
Process run = startRun()
String runtimeId = null
try {
    localRun.waitFor('serving', 240) { runLog.text.contains('fn:run serves on http://127.0.0.1:' + port) }
    runtimeId = new File(basedir, 'target/fn4j-run/runtime-id').text.trim()
    String log = runLog.text
    assert log.contains('OPEN LOOPBACK: requests from this machine')
    assert log.contains('  run-reload: http://127.0.0.1:' + port + '/fn/run-reload (revision 1)')

    // No API key: the call comes from loopback.
    assert call('Ada') == [200, 'Hello, Ada!']
    // Each call's line: function, method and path, outcome, duration, cold or warm, revision.
    localRun.waitFor('call line', 30) {
        runLog.text =~ /-> run-reload POST \/fn\/run-reload ok in \d+ ms \((cold start|warm)\) revision 1 \[[0-9a-f]+\]/
    }
    localRun.waitFor('logged line', 30) { runLog.text.contains('    run-reload | ') && runLog.text.contains('greeting Ada') }

    List<Long> reloadMillis = []
    (2..6).each { int version ->
        String greeting = 'Hello v' + version
        compile(greeting)
        long written = System.nanoTime()
        localRun.waitFor('answer of revision ' + version, 60) { call('Ada') == [200, greeting + ', Ada!'] }
        reloadMillis << (System.nanoTime() - written).intdiv(1_000_000L)
        localRun.waitFor('swap line', 30) { runLog.text.contains('Swapped in run-reload revision ' + version + ' in ') }
    }
    println 'fn:run reload, class file written to new answer (ms): ' + reloadMillis
    new File(basedir, 'reload-times.txt').text = reloadMillis.join(' ') + '\n'

    // The handler class gone: reported, and the previous code keeps serving.
    new File(classes, 'com/example/Hello.class').delete()
    localRun.waitFor('failed reload', 60) { runLog.text.contains('was not swapped in, the previous code keeps serving: ') }
    assert call('Ada') == [200, 'Hello v6, Ada!']

    // A handler that compiles but cannot start: the runtime's start check refuses it (502
    // handler_failed), reported, and the previous code keeps serving.
    compileSource(original.replace('return "Hello, "', 'return "Hello v7, "').replace(
            'public class Hello implements Handler<String, String> {',
            'public class Hello implements Handler<String, String> {\n    public Hello() {\n'
                    + '        throw new IllegalStateException("broken on purpose");\n    }\n'))
    localRun.waitFor('refused start', 60) { runLog.text.contains('handler_failed: revision 6 keeps serving: ') }
    assert runLog.text.contains('was not swapped in, the previous code keeps serving: The fn4j runtime rejected'
            + ' function \'run-reload\': handler_failed: revision 6 keeps serving: ')
    assert call('Ada') == [200, 'Hello v6, Ada!']

    // fn:invoke works against it unchanged; settings.xml's key (of another runtime) is not in the way.
    def invoke = new ProcessBuilder(maven + ['fn:invoke', '-Dfn.url=http://127.0.0.1:' + port, '-Dfn.data=Ada'])
            .directory(basedir).redirectErrorStream(true).start()
    String invoked = invoke.inputStream.text
    assert invoke.waitFor() == 0 : invoked
    assert invoked.contains('Hello v6, Ada!')
    localRun.waitFor('fn:invoke call line', 30) {
        runLog.text =~ /-> run-reload POST \/v1\/functions\/run-reload\/invocations ok in \d+ ms \((cold start|warm)\) revision 6/
    }

    // Ctrl-C (SIGTERM here) stops the runtime, which removes its containers.
    assert !containersOf(runtimeId).isEmpty()
    run.destroy()
    assert run.waitFor() != null
    assert runLog.text.contains('Stopping the local fn4j runtime; it removes its containers.')
    localRun.waitFor('runtime stopped', 60) { !localRun.runtimeRuns() }
    assert containersOf(runtimeId).isEmpty() : 'containers left after fn:run stopped'

    // kill -9 of the Maven JVM: the runtime notices its parent is gone and cleans up.
    compile('Hello')
    run = startRun()
    localRun.waitFor('serving again', 240) { runLog.text.contains('fn:run serves on http://127.0.0.1:' + port) }
    assert call('Bob') == [200, 'Hello, Bob!']
    assert !containersOf(runtimeId).isEmpty()
    run.destroyForcibly()
    run.waitFor()
    localRun.waitFor('runtime stopped after kill -9', 90) { !localRun.runtimeRuns() }
    localRun.waitFor('containers removed after kill -9', 30) { containersOf(runtimeId).isEmpty() }
    return true
} finally {
    if (run.alive) {
        run.destroyForcibly()
    }
    if (runtimeId != null) {
        Thread.sleep(1000)
        removeContainersOf(runtimeId)
    }
}
