// The build failed with exactly this message (a MojoFailureException), and built no image.
def log = new File(basedir, 'build.log').text
def expected = '[ERROR] Failed to execute goal dev.fn4j:fn-maven-plugin:' + fn4jVersion + ':build (default-cli)' +
        ' on project bad-timeout: ' +
        '''<timeout> (-Dfn.timeout) is 'abc', not a duration: use <n>ms, <n>s or <n>m, e.g. 30s.''' +
        ' -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected
assert log.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')
assert !new File(basedir, 'target/fn/image.tar').exists() : 'an image was built'
return true
