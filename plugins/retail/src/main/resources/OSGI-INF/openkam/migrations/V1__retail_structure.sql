-- Retailer structure, products and listings. A retailer is an account of the registry, known here by its id
-- only: no foreign key into the registry's tables, which a plugin never touches.
CREATE TABLE retail_category (
    id VARCHAR(36) PRIMARY KEY,
    business_unit VARCHAR(100) NOT NULL,
    parent_id VARCHAR(36) REFERENCES retail_category (id),
    name VARCHAR(200) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retail_category_unit ON retail_category (business_unit);

CREATE TABLE retail_product (
    id VARCHAR(36) PRIMARY KEY,
    business_unit VARCHAR(100) NOT NULL,
    gtin VARCHAR(14) NOT NULL,
    name VARCHAR(200) NOT NULL,
    brand VARCHAR(200) NOT NULL,
    pack_size VARCHAR(100),
    category_id VARCHAR(36) REFERENCES retail_category (id),
    list_price NUMERIC(19, 4) NOT NULL,
    cost NUMERIC(19, 4) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retail_product_gtin UNIQUE (business_unit, gtin)
);

CREATE TABLE retail_buying_group (
    id VARCHAR(36) PRIMARY KEY,
    business_unit VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE retail_buying_group_member (
    group_id VARCHAR(36) NOT NULL REFERENCES retail_buying_group (id),
    retailer_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_id, retailer_id)
);

CREATE TABLE retail_banner (
    id VARCHAR(36) PRIMARY KEY,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    format VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retail_banner_retailer ON retail_banner (retailer_id);

-- acv: all-commodity volume, pcv: product-category volume; the weights of weighted distribution.
CREATE TABLE retail_store (
    id VARCHAR(36) PRIMARY KEY,
    retailer_id VARCHAR(64) NOT NULL,
    banner_id VARCHAR(36) NOT NULL REFERENCES retail_banner (id),
    business_unit VARCHAR(100) NOT NULL,
    code VARCHAR(50) NOT NULL,
    name VARCHAR(200) NOT NULL,
    region VARCHAR(100) NOT NULL,
    format VARCHAR(100) NOT NULL,
    acv NUMERIC(19, 4) NOT NULL,
    pcv NUMERIC(19, 4) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retail_store_code UNIQUE (business_unit, code)
);
CREATE INDEX retail_store_retailer ON retail_store (retailer_id);

-- A listing at a whole retailer (no banner, no store), a banner (no store) or one store.
CREATE TABLE retail_listing (
    id VARCHAR(36) PRIMARY KEY,
    retailer_id VARCHAR(64) NOT NULL,
    business_unit VARCHAR(100) NOT NULL,
    product_id VARCHAR(36) NOT NULL REFERENCES retail_product (id),
    banner_id VARCHAR(36) REFERENCES retail_banner (id),
    store_id VARCHAR(36) REFERENCES retail_store (id),
    listed_from DATE NOT NULL,
    listed_to DATE,
    listing_fee NUMERIC(19, 4) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retail_listing_retailer ON retail_listing (retailer_id, product_id);
