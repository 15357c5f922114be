package dev.fn4j.runtime.schedule;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.Settings;
import java.time.Instant;
import java.util.Map;

/** Functions with schedules, for the schedule tests. */
final class Schedules {

    private Schedules() {}

    static FunctionSpec spec(String cron, String zone, String missed) {
        Settings settings = Settings.DEFAULTS
                .with(Field.SCHEDULE, cron)
                .with(Field.SCHEDULE_ZONE, zone)
                .with(Field.MISSED_TICKS, missed);
        return new FunctionSpec("sha256:abc", "com.example.Tick", Map.of(), settings);
    }

    static CronSchedule schedule(String cron, String zone, String missed) {
        return CronSchedule.of(spec(cron, zone, missed)).orElseThrow();
    }

    static Function function(String name, String cron, String missed, Instant deployedAt) {
        return new Function(name, 1, spec(cron, "UTC", missed), deployedAt, deployedAt);
    }
}
