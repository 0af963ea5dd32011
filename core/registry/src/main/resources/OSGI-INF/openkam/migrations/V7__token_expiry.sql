-- An API token may carry an expiry; without one it works until revoked.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
