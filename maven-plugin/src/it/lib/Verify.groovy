// Checks the verify.groovy scripts share. A script loads it with its own variables (basedir,
// fn4jVersion, context), so the checks know which build they look at:
//     def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
// Each project's directory is named like its artifactId, as Maven's failure line names it.

/** What the build printed. */
String buildLog() {
    return new File(basedir, 'build.log').text
}

/** How Maven's failure line of the goal starts, up to the goal's message. */
String failed(String goal) {
    return '[ERROR] Failed to execute goal dev.fn4j:fn-maven-plugin:' + fn4jVersion + ':' + goal +
            ' (default-cli) on project ' + basedir.name + ': '
}

/** The goal failed the build with exactly this message, thrown as {@code exception}. */
boolean failedWith(String goal, String message, String exception = 'MojoFailureException') {
    def log = buildLog()
    def expected = failed(goal) + message + ' -> [Help 1]'
    assert log.contains(expected) : 'build.log lacks: ' + expected
    assert log.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/' + exception)
    return true
}

/**
 * The goal failed the build with exactly this message of several lines; Maven prints each line
 * after the first, and its "-> [Help 1]", as a line of its own starting "[ERROR] ".
 */
boolean failedWithLines(String goal, List<String> lines, String exception = 'MojoFailureException') {
    def log = buildLog()
    def expected = failed(goal) + lines.join('\n[ERROR] ') + '\n[ERROR] -> [Help 1]'
    assert log.contains(expected) : 'build.log lacks: ' + expected
    assert log.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/' + exception)
    return true
}

/** The goal failed the build with exactly this message and built no image. */
boolean failedWithoutImage(String goal, String message, String exception = 'MojoFailureException') {
    failedWith(goal, message, exception)
    assert !new File(basedir, 'target/fn/image.tar').exists() : 'an image was built'
    return true
}

/**
 * Runs {@code checks(log, url)} against the stand-in runtime that setup.groovy started
 * (context.stub, its calls in context.calls), then stops the stand-in whatever they found.
 */
boolean withStandIn(Closure checks) {
    try {
        checks(buildLog(), 'http://127.0.0.1:' + context.stub.address.port)
        return true
    } finally {
        context.stub?.stop(0)
    }
}
