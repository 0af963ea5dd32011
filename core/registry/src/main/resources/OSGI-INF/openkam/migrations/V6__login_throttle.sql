-- Failed sign-ins per user name (known or not, so the table reveals nothing), to slow down guessing.
CREATE TABLE login_throttle (
  username     VARCHAR(64) PRIMARY KEY,
  failures     INT NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
