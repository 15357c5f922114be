-- The durable backlog of asynchronous calls (issue 12): when a queued call may next start (a
-- retry's backoff; NULL: at once), which runtime runs it and until when (its lease), and how many
-- attempts it had when it was last redriven (its retry budget counts from there). A call whose
-- retries ran out ends 'dead_lettered'.
ALTER TABLE invocations ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE invocations ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE invocations ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE invocations ADD COLUMN attempt_base INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE invocations DROP CONSTRAINT invocations_status_known;
ALTER TABLE invocations ADD CONSTRAINT invocations_status_known
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'timed_out', 'dead_lettered'));

-- Claiming picks a function's oldest queued calls; dead letters are listed the same way.
CREATE INDEX invocations_backlog ON invocations (function_name, status, queued_at, id);

-- Every ended attempt of an asynchronous call: its number, timing and how it ended.
CREATE TABLE invocation_attempts (
    invocation_id VARCHAR(64)              NOT NULL REFERENCES invocations (id) ON DELETE CASCADE,
    attempt       INTEGER                  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(16)              NOT NULL,
    error_code    VARCHAR(64),
    error_message TEXT,
    PRIMARY KEY (invocation_id, attempt)
);
