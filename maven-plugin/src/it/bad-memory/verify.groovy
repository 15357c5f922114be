// The build failed with exactly this message (a MojoFailureException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('build',
        '''<memory> (-Dfn.memory) is 'lots', not a memory size: use <n>m or <n>g, e.g. 256m.''')
