-- The buying center on contacts, and activities with contacts and team members (issue 3).
-- Roles are the BuyingCenterRole names joined by commas: always read and written whole with the contact.
ALTER TABLE contact ADD COLUMN buying_center_roles VARCHAR(200);
ALTER TABLE contact ADD COLUMN attitude VARCHAR(20);
ALTER TABLE contact ADD COLUMN influence INTEGER;
ALTER TABLE contact ADD COLUMN reports_to VARCHAR(36);
ALTER TABLE contact ADD COLUMN relationship_owner VARCHAR(36);
ALTER TABLE contact ADD COLUMN relationship_strength INTEGER;
ALTER TABLE contact ADD CONSTRAINT contact_reports_to_fk FOREIGN KEY (reports_to) REFERENCES contact(id) ON DELETE SET NULL;
ALTER TABLE contact ADD CONSTRAINT contact_relationship_owner_fk FOREIGN KEY (relationship_owner) REFERENCES app_user(id);
CREATE INDEX contact_reports_to ON contact(reports_to);

CREATE TABLE activity (
  id            VARCHAR(36) PRIMARY KEY,
  account_id    VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  activity_type VARCHAR(20) NOT NULL,
  status        VARCHAR(20) NOT NULL,
  subject       VARCHAR(200) NOT NULL,
  notes         VARCHAR(4000),
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    VARCHAR(36) NOT NULL,
  version       BIGINT NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX activity_account_time ON activity(account_id, occurred_at, id);

CREATE TABLE activity_contact (
  activity_id VARCHAR(36) NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  contact_id  VARCHAR(36) NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, contact_id)
);
CREATE INDEX activity_contact_contact ON activity_contact(contact_id);

CREATE TABLE activity_participant (
  activity_id VARCHAR(36) NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  user_id     VARCHAR(36) NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (activity_id, user_id)
);
CREATE INDEX activity_participant_user ON activity_participant(user_id);
