// The generated project: every file is there with the names filled in, its tests (which use the
// fn4j-test kit: a TestContext, and calls through the production JSON mapping) passed under
// `verify`, and `fn:build` (the "fn" prefix resolved from the generated pom, nothing edited)
// built its image on the local base image.
def fn4jVersion = '@project.version@'
def project = new File(basedir, 'project/hello')
['pom.xml', 'README.md', '.gitignore',
 'src/main/java/com/example/Hello.java', 'src/main/java/com/example/Greeting.java',
 'src/main/java/com/example/GreetingResponse.java',
 'src/test/java/com/example/HelloTest.java'].each {
    assert new File(project, it).isFile() : 'not generated: ' + it
}
assert !new File(project, '__gitignore__').exists()
// The fn4j-test kit replaced the TestContext class every project used to carry.
assert !new File(project, 'src/test/java/com/example/TestContext.java').exists()

def pom = new File(project, 'pom.xml').text
assert pom.contains('<fn4j.version>' + fn4jVersion + '</fn4j.version>')
assert pom.contains('<artifactId>fn-maven-plugin</artifactId>')
assert pom.contains('<artifactId>fn4j-test</artifactId>')
assert pom.contains('<fn.baseImage>eclipse-temurin:17-jre</fn.baseImage>')

def readme = new File(project, 'README.md').text
assert readme.startsWith('hello\n=====')
assert readme.contains('curl -X POST http://localhost:8080/fn/hello ')
assert readme.contains('\nDeploy\n------\n')
assert !readme.contains('${')

assert new File(project, 'src/main/java/com/example/Hello.java').text.startsWith('package com.example;')

def report = new File(project, 'target/surefire-reports/TEST-com.example.HelloTest.xml')
assert report.isFile() : 'the generated test did not run'
assert report.text.contains('tests="5"') && report.text.contains('failures="0"') && report.text.contains('errors="0"')

assert new File(project, 'target/fn/image.tar').isFile() : 'fn:build wrote no image'
return true
