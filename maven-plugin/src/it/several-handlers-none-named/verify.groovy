// The build failed with exactly this message (a MojoFailureException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('build',
        '''Found 2 handlers in target/classes and none is chosen: com.example.Bye, com.example.Hello. Set <handler> or -Dfn.handler to one of them.''')
