-- Customer development plans (account plans). The objective -> strategy -> action tree is kept in rows so
-- that action ids, which follow-ups link to, are unique keys and can be counted and queried; the SWOT
-- lists are always read and written whole with their plan, so they are JSON text.
CREATE TABLE account_plan (
  id                 VARCHAR(36) PRIMARY KEY,
  account_id         VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  title              VARCHAR(200) NOT NULL,
  period_start       DATE NOT NULL,
  period_end         DATE NOT NULL,
  status             VARCHAR(20) NOT NULL,
  relationship_stage VARCHAR(20) NOT NULL,
  swot               VARCHAR(1000000) NOT NULL,
  version            BIGINT NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by         VARCHAR(36) NOT NULL
);
CREATE INDEX account_plan_account ON account_plan(account_id, status, period_start);

CREATE TABLE plan_objective (
  id             VARCHAR(36) PRIMARY KEY,
  plan_id        VARCHAR(36) NOT NULL REFERENCES account_plan(id) ON DELETE CASCADE,
  seq            INT NOT NULL,
  description    VARCHAR(1000) NOT NULL,
  metric         VARCHAR(100) NOT NULL,
  baseline_value NUMERIC(19,4),
  target_value   NUMERIC(19,4) NOT NULL,
  due_date       DATE
);
CREATE INDEX plan_objective_plan ON plan_objective(plan_id, seq);

CREATE TABLE plan_strategy (
  id           VARCHAR(36) PRIMARY KEY,
  plan_id      VARCHAR(36) NOT NULL REFERENCES account_plan(id) ON DELETE CASCADE,
  objective_id VARCHAR(36) NOT NULL REFERENCES plan_objective(id) ON DELETE CASCADE,
  seq          INT NOT NULL,
  description  VARCHAR(1000) NOT NULL
);
CREATE INDEX plan_strategy_plan ON plan_strategy(plan_id, seq);

CREATE TABLE plan_action (
  id          VARCHAR(36) PRIMARY KEY,
  plan_id     VARCHAR(36) NOT NULL REFERENCES account_plan(id) ON DELETE CASCADE,
  strategy_id VARCHAR(36) NOT NULL REFERENCES plan_strategy(id) ON DELETE CASCADE,
  seq         INT NOT NULL,
  description VARCHAR(500) NOT NULL,
  owner_id    VARCHAR(36) REFERENCES app_user(id),
  due_date    DATE,
  status      VARCHAR(20) NOT NULL
);
CREATE INDEX plan_action_plan ON plan_action(plan_id, seq);
CREATE INDEX plan_action_owner ON plan_action(owner_id, status, due_date);

-- Append-only: reviews are never updated or deleted, except with their plan.
CREATE TABLE plan_review (
  id               VARCHAR(36) PRIMARY KEY,
  plan_id          VARCHAR(36) NOT NULL REFERENCES account_plan(id) ON DELETE CASCADE,
  review_date      DATE NOT NULL,
  rating           INT NOT NULL,
  notes            VARCHAR(4000),
  next_review_date DATE,
  reviewer         VARCHAR(36) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX plan_review_plan ON plan_review(plan_id, review_date);

-- Every version a plan had before its current one, as the whole plan in JSON.
CREATE TABLE plan_version (
  plan_id    VARCHAR(36) NOT NULL REFERENCES account_plan(id) ON DELETE CASCADE,
  version    BIGINT NOT NULL,
  snapshot   VARCHAR(1000000) NOT NULL,
  changed_by VARCHAR(36) NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (plan_id, version)
);
