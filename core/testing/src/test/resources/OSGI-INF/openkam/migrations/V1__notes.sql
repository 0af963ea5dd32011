-- A plugin's table, as a plugin would ship it.
CREATE TABLE testing_note (
  id         VARCHAR(36) PRIMARY KEY,
  body       VARCHAR(200) NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE
);
