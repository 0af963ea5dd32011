-- A unit's accounts by their last change: the latest ones without reading the unit. The scoring engine asks for a
-- unit's latest change before its first run, and a list sorted by "last changed" reads a page off it. Rows are
-- stamped with the time of their write and ids grow with time, so a bulk write appends to its end.
CREATE INDEX account_unit_updated ON account(business_unit, updated_at, id);
