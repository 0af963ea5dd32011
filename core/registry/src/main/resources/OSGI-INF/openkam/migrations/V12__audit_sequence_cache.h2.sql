-- H2 persists its sequence each time the cache of values runs out (32 by default), and with durable commits
-- (WRITE_DELAY=0) that write is a commit of its own that writes out every page changed since the last one, the
-- pages of an import's open transaction included: an import paid for it every 32 accounts. H2 hands out cached
-- values in order (one cache per database, not per session) and skips the unused rest after a restart, so the
-- trail keeps its order. PostgreSQL keeps its uncached sequence: there a cache is per session and would order
-- entries of different connections wrongly.
ALTER TABLE audit_entry ALTER COLUMN seq SET CACHE 1000;
