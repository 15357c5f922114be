-- fn4j's state: deployed functions with every revision, and invocations with their state
-- changes. Written for both H2 (MODE=PostgreSQL) and PostgreSQL: only types and statements that
-- mean the same in both (TEXT and BYTEA are unbounded in both; times are UTC instants).

-- A deployed function: its newest revision. Deleting it deletes its revisions (their specs may
-- hold secrets in "env"); its invocations stay until their retention ends.
CREATE TABLE functions (
    name        VARCHAR(63)              NOT NULL PRIMARY KEY,
    revision    BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every revision of every function: the full spec as JSON, in the format PUT takes.
CREATE TABLE function_revisions (
    function_name VARCHAR(63)              NOT NULL REFERENCES functions (name) ON DELETE CASCADE,
    revision      BIGINT                   NOT NULL,
    image         VARCHAR(512)             NOT NULL,
    handler       VARCHAR(1024)            NOT NULL,
    spec          TEXT                     NOT NULL,
    deployed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (function_name, revision)
);

-- One call, by its request id. Asynchronous ones keep their request (to run it again after a
-- crash) and their result; synchronous ones keep status, timing and error only.
CREATE TABLE invocations (
    id             VARCHAR(64)              NOT NULL PRIMARY KEY,
    function_name  VARCHAR(63)              NOT NULL,
    revision       BIGINT                   NOT NULL,
    is_async       BOOLEAN                  NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    attempts       INTEGER                  NOT NULL,
    queued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    cold_start     BOOLEAN,
    request_body   BYTEA,
    request_type   VARCHAR(255),
    result_body    BYTEA,
    result_type    VARCHAR(255),
    error_code     VARCHAR(64),
    error_message  TEXT,
    logs           TEXT,
    CONSTRAINT invocations_status_known
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'timed_out'))
);

-- Start-up finds unfinished work by status; retention deletes by end time; a function's history
-- lists its newest calls.
CREATE INDEX invocations_by_status ON invocations (status);
CREATE INDEX invocations_by_end ON invocations (ended_at);
CREATE INDEX invocations_by_function ON invocations (function_name, queued_at);

-- Each state change of an asynchronous invocation, in order, for Server-Sent Events replay.
CREATE TABLE invocation_events (
    invocation_id VARCHAR(64)              NOT NULL REFERENCES invocations (id) ON DELETE CASCADE,
    seq           INTEGER                  NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    attempts      INTEGER                  NOT NULL,
    happened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (invocation_id, seq)
);
