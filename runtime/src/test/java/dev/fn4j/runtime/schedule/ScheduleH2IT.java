package dev.fn4j.runtime.schedule;

import dev.fn4j.runtime.it.TestDatabase;

/** Schedules on the embedded default: an H2 file database in PostgreSQL mode. */
class ScheduleH2IT extends ScheduleContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
