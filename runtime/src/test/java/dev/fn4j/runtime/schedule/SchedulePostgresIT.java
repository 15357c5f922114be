package dev.fn4j.runtime.schedule;

import dev.fn4j.runtime.it.TestDatabase;

/** Schedules on PostgreSQL, in a schema of its own per test. */
class SchedulePostgresIT extends ScheduleContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
