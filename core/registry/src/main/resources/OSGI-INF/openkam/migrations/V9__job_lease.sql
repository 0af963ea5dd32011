-- The node running a job holds a lease on it and renews it while it runs; a job whose lease ran out lost its node
-- (a crash, kill -9) and is marked interrupted instead of staying running forever.
ALTER TABLE job ADD COLUMN node_id VARCHAR(36);
ALTER TABLE job ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
