-- A unit's key and strategic accounts, the few a key account manager lists most: found without reading the unit.
-- Their names are sorted after the read (an index with the name in it would cost the import a third index filled
-- at random); the unit's other accounts keep being paged off account_unit_name.
CREATE INDEX account_unit_tier ON account(business_unit, tier);
