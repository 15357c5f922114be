// fn:build compiled the project (forked lifecycle), chose the only handler and wrote an image
// archive whose layers hold the host, the runtime dependency, the classes and the resources.
def log = new File(basedir, 'build.log').text
assert log.contains('maven-compiler-plugin') : 'fn:build did not compile the project first'
assert log.contains('[INFO] Built image fn4j/build-one-handler:1.0 in ')
assert log =~ /\[INFO\]   digest:   sha256:[0-9a-f]{64}/
assert log =~ /\[INFO\]   image id: sha256:[0-9a-f]{64}/
assert log.contains('[INFO]   archive:  target/fn/image.tar')
assert log.contains('[INFO]   function: build-one-handler -> com.example.Hello')

def archive = new File(basedir, 'target/fn/image.tar')
assert archive.isFile() : 'no target/fn/image.tar'
def image = new GroovyShell().parse(new File(itLib, 'ImageArchive.groovy')).readImage(archive)

assert image.manifest.RepoTags == ['fn4j/build-one-handler:1.0']
def config = image.config.config
assert config.Labels['dev.fn4j.handlers'] == 'com.example.Hello'
assert config.Labels['dev.fn4j.api-version'] == fn4jVersion
assert config.Labels['org.opencontainers.image.title'] == 'build-one-handler'
assert config.User == '65532:65532'
assert config.Entrypoint.contains('dev.fn4j.host.Main')

def files = image.layers.collectMany { it.keySet() } as Set
assert files.contains('app/host/fn4j-host.jar')
assert files.contains('app/libs/slf4j-api-2.0.16.jar')
assert files.contains('app/classes/com/example/Hello.class')
assert files.contains('app/classes/greeting.txt')
assert !files.any { it.startsWith('app/libs/fn4j-api') } : 'fn4j-api (provided) must not be in the image'
return true
