-- Follow-ups: tasks linked to an account and optionally to an opportunity or a plan action. Created
-- ahead of the services that link to them, so opportunities and plans can close their open follow-ups.
CREATE TABLE follow_up (
  id             VARCHAR(36) PRIMARY KEY,
  account_id     VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  opportunity_id VARCHAR(36),
  plan_action_id VARCHAR(36),
  title          VARCHAR(200) NOT NULL,
  notes          VARCHAR(2000),
  owner_id       VARCHAR(36) NOT NULL REFERENCES app_user(id),
  due_date       DATE NOT NULL,
  status         VARCHAR(20) NOT NULL,
  completed_at   TIMESTAMP WITH TIME ZONE,
  version        BIGINT NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX follow_up_account ON follow_up(account_id);
CREATE INDEX follow_up_owner_open ON follow_up(owner_id, status, due_date);
CREATE INDEX follow_up_opportunity ON follow_up(opportunity_id);
CREATE INDEX follow_up_plan_action ON follow_up(plan_action_id);
