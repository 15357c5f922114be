// The build failed with exactly this message (a MojoExecutionException), and built no image.
def log = new File(basedir, 'build.log').text
def expected = '[ERROR] Failed to execute goal dev.fn4j:fn-maven-plugin:' + fn4jVersion + ':deploy (default-cli)' +
        ' on project deploy-runtime-down: ' +
        '''Cannot reach the fn4j runtime at http://127.0.0.1:1 (fn.url): Connection refused. Start it with java -jar fn4j-runtime.jar, or set <url> or -Dfn.url to where it runs.''' +
        ' -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected
assert log.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException')
assert !new File(basedir, 'target/fn/image.tar').exists() : 'an image was built'
return true
