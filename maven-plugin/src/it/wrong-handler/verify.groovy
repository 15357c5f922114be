// The build failed with exactly this message (a MojoFailureException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('build',
        '''<handler> (-Dfn.handler) is 'com.example.Nope', but target/classes has no such handler. Handlers found: com.example.Bye, com.example.Hello. Set <handler> or -Dfn.handler to one of them.''')
