-- Per-minute call statistics for the dashboard (issue 14): what each function's calls added up
-- to in each minute. Every runtime sharing the database adds its own counts to the same rows
-- (insert a zero row if missing, then add), so the rows are totals over all runtimes. Kept two
-- days, independent of the retention of invocations.
CREATE TABLE call_stats (
    function_name VARCHAR(63)              NOT NULL,
    minute_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    calls         BIGINT                   NOT NULL,
    errors        BIGINT                   NOT NULL,
    cold_starts   BIGINT                   NOT NULL,
    PRIMARY KEY (function_name, minute_start)
);
CREATE INDEX call_stats_by_minute ON call_stats (minute_start);

-- The latency histogram of those calls: how many fell in each of the fixed log-scale buckets of
-- dev.fn4j.runtime.stats.LatencyBuckets (0 to 123); only buckets with calls have a row.
CREATE TABLE call_latency (
    function_name VARCHAR(63)              NOT NULL,
    minute_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    bucket        SMALLINT                 NOT NULL,
    calls         BIGINT                   NOT NULL,
    PRIMARY KEY (function_name, minute_start, bucket)
);
CREATE INDEX call_latency_by_minute ON call_latency (minute_start);
