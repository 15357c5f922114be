// Without a Docker engine fn:run fails at once, in the user's terms (the runtime's words on where
// it looked and what to do, and that -Dfn.run.sandbox=none runs without Docker), serves nothing and leaves no runtime running.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
verify.failedWith('run', 'mvn fn:run runs each function in its locked-down container and cannot use a'
        + ' Docker engine: the Docker engine at unix:///tmp/fn4j-it-no-docker-here.sock does not answer'
        + ' (No such file or directory); start Docker, or set DOCKER_HOST to the engine\'s address'
        + ' (e.g. unix:///var/run/docker.sock). Once Docker answers, run mvn fn:run again (or, for code you'
        + ' trust, run it without any isolation and without Docker: mvn fn:run -Dfn.run.sandbox=none).')
assert !verify.buildLog().contains('fn:run serves on')
String dataDir = new File(basedir, 'target/fn4j-run').canonicalPath
assert !ProcessHandle.allProcesses().anyMatch { p -> p.info().arguments().map { it.contains(dataDir) }.orElse(false) }
return true
