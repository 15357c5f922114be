-- When each API key stops working (NULL: never) and when it last authenticated (NULL: not yet;
-- written at most once a minute per key, so up to a minute behind).
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
