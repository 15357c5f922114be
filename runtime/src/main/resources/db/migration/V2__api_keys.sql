-- API keys: only a SHA-256 of each key's secret is kept; the id is the key's public part.
CREATE TABLE api_keys (
    id           VARCHAR(12)              NOT NULL PRIMARY KEY,
    name         VARCHAR(200)             NOT NULL,
    scope        VARCHAR(16)              NOT NULL,
    secret_hash  CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_keys_scope_known CHECK (scope IN ('admin', 'invoke'))
);
