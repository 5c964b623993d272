-- The channel fee our agreed rates give for a bill day's lines (the routing rules' fee_bps / fee_fixed_minor), beside
-- the fee the bill states: the batch's expected settlement uses it, and a day whose two differ has a FEE_MISMATCH
-- difference. NULL for a batch stored before: its expected fee was the bill's.
ALTER TABLE recon_batch ADD COLUMN expected_fee_minor BIGINT NULL AFTER bill_fee_minor;
