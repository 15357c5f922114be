// The deploy failed with exactly this message (a MojoFailureException), before it built an
// image or called the runtime.
def log = new File(basedir, 'build.log').text
def expected = '[ERROR] Failed to execute goal dev.fn4j:fn-maven-plugin:' + fn4jVersion + ':deploy (default-cli)' +
        ' on project bad-rate-limit: ' +
        '''<rateLimit> (-Dfn.rateLimit) is 'fast', not a rate limit:''' +
        ''' use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20.''' +
        ' -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected
assert log.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')
assert !new File(basedir, 'target/fn/image.tar').exists() : 'an image was built'
assert !log.contains('Cannot reach the fn4j runtime') : 'the runtime was called'
return true
