// The build failed with exactly this message (a MojoFailureException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('build',
        '''No handler found in target/classes. To deploy a function, write a public class with a public no-argument constructor that implements dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler in src/main/java.''')
