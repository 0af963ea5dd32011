-- The whole trail by type for administrators (sign-ins, users, bundles, configurations), newest first; a
-- configuration's PID (a factory's carries a generated suffix) and a bundle's symbolic name can outgrow 64.
ALTER TABLE audit_entry ALTER COLUMN entity_id SET DATA TYPE VARCHAR(255);
CREATE INDEX audit_entry_type ON audit_entry(entity_type, seq);
