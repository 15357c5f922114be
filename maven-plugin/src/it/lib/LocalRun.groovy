// Helpers of the fn:run ITs (run-reload, run-sandbox-none), which start mvn fn:run in the
// background and watch its output in run.log. Loaded like Verify.groovy:
//     def run = new GroovyShell(binding).parse(new File(itLib, 'LocalRun.groovy'))

/** Where the background fn:run writes its output. */
File runLog() {
    return new File(basedir, 'run.log')
}

/** Waits up to {@code seconds} for {@code done}, failing with run.log when it does not come. */
void waitFor(String what, int seconds, Closure<Boolean> done) {
    long deadline = System.currentTimeMillis() + seconds * 1000L
    while (!done()) {
        assert System.currentTimeMillis() < deadline : 'no ' + what + ' within ' + seconds + ' s; run.log:\n' + runLog().text
        Thread.sleep(50)
    }
}

/** POSTs {@code body} to {@code url}; returns [status, body]. */
List call(String url, String body, String contentType) {
    def connection = (HttpURLConnection) new URL(url).openConnection()
    connection.requestMethod = 'POST'
    connection.doOutput = true
    connection.setRequestProperty('Content-Type', contentType)
    connection.outputStream.withCloseable { it.write(body.getBytes('UTF-8')) }
    int status = connection.responseCode
    String answer = (status < 400 ? connection.inputStream : connection.errorStream).text
    return [status, answer]
}

/** Whether the runtime child of this project's fn:run still runs, found by its data directory. */
boolean runtimeRuns() {
    String dataDir = new File(basedir, 'target/fn4j-run').canonicalPath
    return ProcessHandle.allProcesses().anyMatch { p -> p.info().arguments().map { it.contains(dataDir) }.orElse(false) }
}
