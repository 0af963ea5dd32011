-- A unit's current scores by a model in account id order, so that they are read a page at a time from a cursor
-- (the key account recommendations rank a whole unit that way, holding only the best): the index on the unit and
-- model alone made every page sort the unit's rows again.
DROP INDEX scoring_current_unit;
CREATE INDEX scoring_current_unit ON scoring_current (business_unit, model_id, account_id);
