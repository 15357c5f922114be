-- Completion callbacks (issue 12, item 4). A callback is stored, keyed by its invocation, before
-- the invocation is, so that an invocation that ends at once still has its callback delivered.
CREATE TABLE callbacks (
    invocation_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    function_name   VARCHAR(63)              NOT NULL,
    url             VARCHAR(2048)            NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    runtime_id      VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX callbacks_state ON callbacks (state);

-- Every delivery attempt of a callback: when, the receiver's status code or the failure.
CREATE TABLE callback_attempts (
    invocation_id VARCHAR(64)              NOT NULL,
    attempt       INTEGER                  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    http_status   INTEGER,
    error         TEXT,
    PRIMARY KEY (invocation_id, attempt)
);

-- The secret each function's callbacks are signed with, made at its first callback.
CREATE TABLE callback_secrets (
    function_name VARCHAR(63)              NOT NULL PRIMARY KEY,
    secret        VARCHAR(128)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
