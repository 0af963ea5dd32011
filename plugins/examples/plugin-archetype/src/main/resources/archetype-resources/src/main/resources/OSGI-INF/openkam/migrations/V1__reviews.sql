-- Quarterly business reviews of key accounts. No foreign key into the registry's tables: a plugin never
-- touches them, and reviews of a deleted account stay as history.
CREATE TABLE ${pluginName}_review (
    id VARCHAR(36) PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    held_on DATE NOT NULL,
    attendees VARCHAR(2000) NOT NULL,
    outcome VARCHAR(4000) NOT NULL,
    rating INTEGER NOT NULL,
    next_review_on DATE,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ${pluginName}_review_account ON ${pluginName}_review (account_id, held_on);
