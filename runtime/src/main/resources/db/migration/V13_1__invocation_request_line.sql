-- The method and path of the HTTP request that made a synchronous call (NULL for asynchronous
-- calls and for calls recorded before these were kept); mvn fn:run shows them per call.
ALTER TABLE invocations ADD COLUMN request_method VARCHAR(32);
ALTER TABLE invocations ADD COLUMN request_path VARCHAR(1024);
