-- Opportunities: projects won against the customer's other top suppliers. Competitors are a JSON list,
-- always read and written whole with their opportunity. `amount` because `value` is an SQL keyword.
CREATE TABLE opportunity (
  id                  VARCHAR(36) PRIMARY KEY,
  account_id          VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  name                VARCHAR(200) NOT NULL,
  description         VARCHAR(4000),
  amount              NUMERIC(19,4) NOT NULL,
  currency            VARCHAR(3) NOT NULL,
  stage               VARCHAR(40) NOT NULL,
  probability         INT NOT NULL,
  expected_close_date DATE NOT NULL,
  status              VARCHAR(10) NOT NULL,
  close_reason        VARCHAR(2000),
  closed_at           TIMESTAMP WITH TIME ZONE,
  next_step           VARCHAR(500),
  next_step_due       DATE,
  our_position        VARCHAR(20) NOT NULL,
  competitors         VARCHAR(100000) NOT NULL,
  owner_id            VARCHAR(36) NOT NULL REFERENCES app_user(id),
  version             BIGINT NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX opportunity_account ON opportunity(account_id, status, expected_close_date);
CREATE INDEX opportunity_owner_open ON opportunity(owner_id, status, next_step_due);
