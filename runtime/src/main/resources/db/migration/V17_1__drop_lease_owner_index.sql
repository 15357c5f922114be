-- Every index on invocations costs each recorded call a copy of the B-tree path it touches, once
-- when the row is inserted and once more when its transaction commits: on H2 that is most of what
-- recording a call allocates. invocations_lease_owner served one query, the takeover scan for a
-- dead runtime's calls, which also asks for status = 'running' and so finds its few rows through
-- invocations_by_status.
DROP INDEX invocations_lease_owner;
