-- Counts the changes of a hierarchy's nodes and links, so a node of the cluster holding the shape in memory sees on
-- each read whether another node changed it (hierarchy.version stays the hierarchy's own optimistic lock).
ALTER TABLE hierarchy ADD COLUMN shape_version BIGINT DEFAULT 0 NOT NULL;
