-- Joint business plans per retailer and year: targets, initiatives and linked promotions. account_plan_id names
-- the account's customer development plan in the registry, by id only.
CREATE TABLE retail_jbp (
    id VARCHAR(36) PRIMARY KEY,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    plan_year INTEGER NOT NULL,
    account_plan_id VARCHAR(64),
    sell_in_target NUMERIC(19, 4),
    sell_out_target NUMERIC(19, 4),
    distribution_product_id VARCHAR(36) REFERENCES retail_product (id),
    distribution_target NUMERIC(7, 4),
    share_target NUMERIC(7, 4),
    share_actual NUMERIC(7, 4),
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retail_jbp_year UNIQUE (retailer_id, plan_year)
);
CREATE TABLE retail_jbp_initiative (
    jbp_id VARCHAR(36) NOT NULL REFERENCES retail_jbp (id),
    position INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    owner VARCHAR(200),
    due_on DATE,
    status VARCHAR(20) NOT NULL,
    PRIMARY KEY (jbp_id, position)
);
CREATE TABLE retail_jbp_promotion (
    jbp_id VARCHAR(36) NOT NULL REFERENCES retail_jbp (id),
    promotion_id VARCHAR(36) NOT NULL REFERENCES retail_promotion (id),
    PRIMARY KEY (jbp_id, promotion_id)
);
