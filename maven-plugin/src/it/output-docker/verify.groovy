// -Dfn.output=docker loaded the image into the local engine under -Dfn.image.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Built image fn4j-it/output-docker:1 in ')
assert log.contains('[INFO]   loaded into the local Docker engine')
assert !new File(basedir, 'target/fn/image.tar').exists()

def inspect = ['docker', 'image', 'inspect', '--format', '{{index .Config.Labels "dev.fn4j.handlers"}}',
               'fn4j-it/output-docker:1'].execute()
def out = inspect.text.trim()
assert inspect.waitFor() == 0 : 'the image is not in the local Docker engine'
assert out == 'com.example.Hello'
['docker', 'rmi', 'fn4j-it/output-docker:1'].execute().waitFor()
return true
