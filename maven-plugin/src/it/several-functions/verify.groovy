// Two <function> entries: one image, labelled with both handlers, each function its own.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Building image fn4j/several-functions:1.0 from docker://')
assert log.contains(' for 2 functions: hello -> com.example.Hello, bye -> com.example.Bye')
assert log.contains('[INFO]   function: hello -> com.example.Hello')
assert log.contains('[INFO]   function: bye -> com.example.Bye')

def archive = new File(basedir, 'target/fn/image.tar')
def image = new GroovyShell().parse(new File(itLib, 'ImageArchive.groovy')).readImage(archive)
assert image.config.config.Labels['dev.fn4j.handlers'] == 'com.example.Bye,com.example.Hello'
return true
