-- Global-account hierarchies. No foreign key into the registry's tables: a plugin never touches them; a node
-- keeps the account's id and the unit it belonged to when it was placed.
CREATE TABLE hierarchy (
    id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE hierarchy_node (
    id VARCHAR(36) PRIMARY KEY,
    hierarchy_id VARCHAR(36) NOT NULL REFERENCES hierarchy (id),
    account_id VARCHAR(64),
    name VARCHAR(200) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT hierarchy_node_account UNIQUE (hierarchy_id, account_id)
);
CREATE INDEX hierarchy_node_account_id ON hierarchy_node (account_id);
-- valid_from inclusive, valid_to exclusive (NULL: open)
CREATE TABLE hierarchy_link (
    id VARCHAR(36) PRIMARY KEY,
    hierarchy_id VARCHAR(36) NOT NULL REFERENCES hierarchy (id),
    parent_id VARCHAR(36) NOT NULL REFERENCES hierarchy_node (id),
    child_id VARCHAR(36) NOT NULL REFERENCES hierarchy_node (id),
    link_type VARCHAR(30) NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX hierarchy_link_child ON hierarchy_link (child_id, valid_from);
CREATE INDEX hierarchy_link_parent ON hierarchy_link (parent_id, valid_from);
CREATE INDEX hierarchy_link_hierarchy ON hierarchy_link (hierarchy_id);
