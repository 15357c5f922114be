-- Several runtimes on one database (issue 16): every runtime that shares it, with its last
-- heartbeat. A runtime silent for longer than the lease is taken over by one survivor, which
-- deletes its row here in the same transaction that queues again the calls it left running.
CREATE TABLE runtimes (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The takeover scans find a dead runtime's running calls by owner.
CREATE INDEX invocations_lease_owner ON invocations (lease_owner);
