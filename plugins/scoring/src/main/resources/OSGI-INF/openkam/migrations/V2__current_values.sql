-- The values and cells of the current score, the latest run score and the previous one beside their ids, so that a
-- unit's accounts that moved most are ranked from this table alone: joining two scores per account cost the
-- dashboard 6 s at 300,000 accounts. A save moves them as it moves the ids.
ALTER TABLE scoring_current ADD COLUMN current_score NUMERIC(4,1);
ALTER TABLE scoring_current ADD COLUMN current_class VARCHAR(100);
ALTER TABLE scoring_current ADD COLUMN run_score NUMERIC(4,1);
ALTER TABLE scoring_current ADD COLUMN run_class VARCHAR(100);
ALTER TABLE scoring_current ADD COLUMN previous_score NUMERIC(4,1);
ALTER TABLE scoring_current ADD COLUMN previous_class VARCHAR(100);
UPDATE scoring_current SET
  current_score = (SELECT r.score FROM scoring_result r WHERE r.id = scoring_current.current_id),
  current_class = (SELECT r.class_id FROM scoring_result r WHERE r.id = scoring_current.current_id),
  run_score = (SELECT r.score FROM scoring_result r WHERE r.id = scoring_current.run_score_id),
  run_class = (SELECT r.class_id FROM scoring_result r WHERE r.id = scoring_current.run_score_id),
  previous_score = (SELECT r.score FROM scoring_result r WHERE r.id = scoring_current.previous_id),
  previous_class = (SELECT r.class_id FROM scoring_result r WHERE r.id = scoring_current.previous_id);
