-- Failed sign-ins per known user name and client address: guessing from one address pauses that address only, so
-- an attacker cannot lock the real user out. The counts are short-lived, so the old per-name table is replaced.
DROP TABLE login_throttle;
CREATE TABLE login_throttle (
  username     VARCHAR(64) NOT NULL,
  client       VARCHAR(100) NOT NULL,
  failures     INT NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (username, client)
);
