// The build failed with exactly this message (a MojoFailureException), and built no image.
def log = new File(basedir, 'build.log').text
def expected = '[ERROR] Failed to execute goal dev.fn4j:fn-maven-plugin:' + fn4jVersion + ':build (default-cli)' +
        ' on project no-handler: ' +
        '''No handler found in target/classes. To deploy a function, write a public class with a public no-argument constructor that implements dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler in src/main/java.''' +
        ' -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected
assert log.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')
assert !new File(basedir, 'target/fn/image.tar').exists() : 'an image was built'
return true
