// The deploy failed with exactly this message (a MojoFailureException), before it built an
// image or called the runtime.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
verify.failedWithoutImage('deploy',
        '''<rateLimit> (-Dfn.rateLimit) is 'fast', not a rate limit:''' +
        ''' use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20.''')
assert !verify.buildLog().contains('Cannot reach the fn4j runtime') : 'the runtime was called'
return true
