-- Schedules (issue 12, item 5): one row per claimed tick of a function's schedule. The primary
-- key is the claim: of the runtimes sharing this database, only the one whose INSERT succeeds
-- starts the tick's invocation, whose id is chosen before the claim so that a runtime that died
-- between claiming and submitting submits the same invocation again at its next start.
CREATE TABLE schedule_ticks (
    function_name VARCHAR(63)              NOT NULL,
    tick          TIMESTAMP WITH TIME ZONE NOT NULL,
    invocation_id VARCHAR(64)              NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    runtime_id    VARCHAR(64)              NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    error         TEXT,
    PRIMARY KEY (function_name, tick)
);
CREATE INDEX schedule_ticks_invocation ON schedule_ticks (invocation_id);
CREATE INDEX schedule_ticks_state ON schedule_ticks (state, runtime_id);
