// -Dfn.skip=true: the goal says so and does nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping: fn.skip is true.')
assert !new File(basedir, 'target/fn').exists()
return true
