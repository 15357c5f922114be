// The build failed with exactly this message (a MojoExecutionException), and built no image.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
return verify.failedWithoutImage('deploy',
        '''Cannot reach the fn4j runtime at http://127.0.0.1:1 (fn.url): Connection refused. Start it with java -jar fn4j-runtime.jar, or set <url> or -Dfn.url to where it runs.''',
        'MojoExecutionException')
