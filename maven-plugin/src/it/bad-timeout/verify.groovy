// The build failed with exactly this message (a MojoFailureException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('build',
        '''<timeout> (-Dfn.timeout) is 'abc', not a duration: use <n>ms, <n>s or <n>m, e.g. 30s.''')
