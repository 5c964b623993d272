-- Internal reconciliation claims its due checks in rounds: one UPDATE marks up to a batch of rows with
-- the round's claim token (and moves noted_at to the claim time), one SELECT by noted_at and the token
-- reads them back, instead of one compare-and-set per row. No index: the read goes by noted_at.
ALTER TABLE crosscheck_pending ADD COLUMN claim VARCHAR(36) NULL;
