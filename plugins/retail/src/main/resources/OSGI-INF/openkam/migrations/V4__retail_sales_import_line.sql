-- Which import wrote a sales row last, and from which line of its file. The import asks the database, batch by
-- batch, whether a key of the batch was written by the same import before: a key repeated within one file is found
-- without holding the file's keys in memory, and the problem names the earlier line.
ALTER TABLE retail_sell_out ADD COLUMN import_job VARCHAR(64);
ALTER TABLE retail_sell_out ADD COLUMN import_line BIGINT;
ALTER TABLE retail_sell_in ADD COLUMN import_job VARCHAR(64);
ALTER TABLE retail_sell_in ADD COLUMN import_line BIGINT;
