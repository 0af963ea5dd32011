-- Euro reference rates by day: on rate_day 1 EUR was per_euro units of currency (the ECB's layout).
CREATE TABLE exchange_rate (
  currency  VARCHAR(3) NOT NULL,
  rate_day  DATE NOT NULL,
  per_euro  NUMERIC(24, 10) NOT NULL,
  PRIMARY KEY (currency, rate_day)
);
CREATE INDEX exchange_rate_day ON exchange_rate (rate_day);
