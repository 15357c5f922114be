// The deploy failed with exactly this message (a MojoFailureException), before it built an
// image or called the runtime: a Unix crontab line has no seconds field.
def verify = new GroovyShell(binding).parse(new File(itLib, 'Verify.groovy'))
verify.failedWithoutImage('deploy',
        '''<schedule> (-Dfn.schedule) is '*/5 * * * *', not a Quartz cron expression (it has 5 fields):''' +
        ''' use a Quartz cron expression of 6 or 7 fields, seconds first, e.g. 0 */5 * * * ? (every 5 minutes).''')
assert !verify.buildLog().contains('Cannot reach the fn4j runtime') : 'the runtime was called'
return true
