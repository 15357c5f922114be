// The build failed with exactly this message (a MojoFailureException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('invoke',
        '''<data> (-Dfn.data) and <file> (-Dfn.file) are both set ('{"name":"Ada"}' and 'input.json'): keep only one of them.''')
