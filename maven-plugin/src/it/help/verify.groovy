// fn:help exists and lists every goal.
def log = new File(basedir, 'build.log').text
['fn:build', 'fn:deploy', 'fn:invoke', 'fn:list', 'fn:logs', 'fn:delete', 'fn:keys', 'fn:run', 'fn:help'].each { goal ->
    assert log.contains(goal) : 'fn:help does not list ' + goal
}
return true
