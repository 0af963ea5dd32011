-- Store audits, sell-in and sell-out, trade promotions and trade terms.
CREATE TABLE retail_store_audit (
    store_id VARCHAR(36) NOT NULL REFERENCES retail_store (id),
    product_id VARCHAR(36) NOT NULL REFERENCES retail_product (id),
    audited_on DATE NOT NULL,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    available BOOLEAN NOT NULL,
    PRIMARY KEY (store_id, product_id, audited_on)
);
CREATE INDEX retail_store_audit_retailer ON retail_store_audit (retailer_id, product_id, audited_on);

-- Scanned consumer sales per store, SKU and week (the Monday it starts).
CREATE TABLE retail_sell_out (
    store_id VARCHAR(36) NOT NULL REFERENCES retail_store (id),
    product_id VARCHAR(36) NOT NULL REFERENCES retail_product (id),
    week_start DATE NOT NULL,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    volume NUMERIC(19, 4) NOT NULL,
    sales_value NUMERIC(19, 4),
    PRIMARY KEY (store_id, product_id, week_start)
);
CREATE INDEX retail_sell_out_retailer ON retail_sell_out (retailer_id, product_id, week_start);

-- Shipments to the retailer per SKU and week.
CREATE TABLE retail_sell_in (
    retailer_id VARCHAR(64) NOT NULL,
    product_id VARCHAR(36) NOT NULL REFERENCES retail_product (id),
    week_start DATE NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    volume NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (retailer_id, product_id, week_start)
);

CREATE TABLE retail_promotion (
    id VARCHAR(36) PRIMARY KEY,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    banner_id VARCHAR(36) REFERENCES retail_banner (id),
    name VARCHAR(200) NOT NULL,
    mechanic VARCHAR(40) NOT NULL,
    discount_percent NUMERIC(7, 4),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    ship_from DATE,
    ship_to DATE,
    baseline_volume NUMERIC(19, 4),
    planned_volume NUMERIC(19, 4) NOT NULL,
    actual_volume NUMERIC(19, 4),
    fixed_spend NUMERIC(19, 4) NOT NULL,
    spend_per_unit NUMERIC(19, 4) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retail_promotion_retailer ON retail_promotion (retailer_id, starts_on);
CREATE TABLE retail_promotion_product (
    promotion_id VARCHAR(36) NOT NULL REFERENCES retail_promotion (id),
    product_id VARCHAR(36) NOT NULL REFERENCES retail_product (id),
    PRIMARY KEY (promotion_id, product_id)
);

-- The annual agreement with a retailer; conditions are percentages (on-invoice, payment discount, other
-- off-invoice) or yearly amounts (co-op advertising); the volume bonus comes in tiers.
CREATE TABLE retail_trade_terms (
    id VARCHAR(36) PRIMARY KEY,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    agreement_year INTEGER NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retail_trade_terms_year UNIQUE (retailer_id, agreement_year)
);
CREATE TABLE retail_trade_condition (
    terms_id VARCHAR(36) NOT NULL REFERENCES retail_trade_terms (id),
    position INTEGER NOT NULL,
    kind VARCHAR(40) NOT NULL,
    name VARCHAR(200) NOT NULL,
    percent NUMERIC(7, 4),
    amount NUMERIC(19, 4),
    PRIMARY KEY (terms_id, position)
);
CREATE TABLE retail_volume_tier (
    terms_id VARCHAR(36) NOT NULL REFERENCES retail_trade_terms (id),
    min_volume NUMERIC(19, 4) NOT NULL,
    percent NUMERIC(7, 4) NOT NULL,
    PRIMARY KEY (terms_id, min_volume)
);
