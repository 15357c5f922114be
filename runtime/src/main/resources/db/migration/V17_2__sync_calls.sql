-- Ended synchronous calls, apart from invocations. The recorder writes them in batches and nothing
-- changes them after, so they need none of what the asynchronous backlog needs (bodies, attempts,
-- leases, events) and only the two indexes their reads use: a function's history and retention.
-- Each index costs every recorded call a copy of the B-tree path it touches, at its insert and
-- again at its commit: three B-trees here against five on invocations. A call ran once, started
-- when it was admitted (its queued_at is started_at), and is never asynchronous. Calls recorded
-- before this table stay in invocations until retention removes them; reads look in both.
CREATE TABLE sync_calls (
    id             VARCHAR(64)              NOT NULL PRIMARY KEY,
    function_name  VARCHAR(63)              NOT NULL,
    revision       BIGINT                   NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cold_start     BOOLEAN,
    result_type    VARCHAR(255),
    error_code     VARCHAR(64),
    error_message  TEXT,
    logs           TEXT,
    request_method VARCHAR(32),
    request_path   VARCHAR(1024)
);
CREATE INDEX sync_calls_by_function ON sync_calls (function_name, started_at);
CREATE INDEX sync_calls_by_end ON sync_calls (ended_at);
