-- The scoring plugin's tables. Same SQL on H2 (PostgreSQL mode) and PostgreSQL. No foreign keys into the
-- registry's tables: the scores of a deleted account or of an uninstalled model stay readable history.

-- Every score ever computed. score is NULL when the model found the facts insufficient; explanation is JSON
-- with the contributions and measures.
CREATE TABLE scoring_result (
  id             VARCHAR(36) PRIMARY KEY,
  model_id       VARCHAR(100) NOT NULL,
  model_version  VARCHAR(50) NOT NULL,
  account_id     VARCHAR(36) NOT NULL,
  business_unit  VARCHAR(40) NOT NULL,
  run_id         VARCHAR(36),
  scored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  score          NUMERIC(4,1),
  class_id       VARCHAR(100),
  class_label    VARCHAR(300),
  recommendation VARCHAR(1000),
  explanation    VARCHAR(1000000) NOT NULL
);
CREATE INDEX scoring_result_history ON scoring_result (account_id, model_id, scored_at);

-- Per model and account: the current score, the latest score of a full run (run_score_id) and the one of the
-- run before the current score (previous_id), so that movement since the last run is one join away.
CREATE TABLE scoring_current (
  model_id      VARCHAR(100) NOT NULL,
  account_id    VARCHAR(36) NOT NULL,
  business_unit VARCHAR(40) NOT NULL,
  current_id    VARCHAR(36) NOT NULL,
  run_score_id  VARCHAR(36),
  previous_id   VARCHAR(36),
  PRIMARY KEY (model_id, account_id)
);
CREATE INDEX scoring_current_unit ON scoring_current (business_unit, model_id);

-- Model health per model id and version, shared by every node: consecutive failures and quarantine.
CREATE TABLE scoring_model_state (
  model_id      VARCHAR(100) NOT NULL,
  model_version VARCHAR(50) NOT NULL,
  state         VARCHAR(20) NOT NULL,
  failures      INT NOT NULL,
  reason        VARCHAR(1000),
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (model_id, model_version)
);
