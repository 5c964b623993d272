-- Payout reconciliation: a batch has a kind (TRADE: a channel's trade bill; PAYOUT: the payout channel's account
-- bill), unique per kind, channel and bill date, so the payout bill of a day is its own batch beside the same
-- channel's trade bill; a payout difference keeps what the bill said became of the transfer (PAID or RETURNED).
ALTER TABLE recon_batch ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'TRADE' AFTER id;
ALTER TABLE recon_batch ADD UNIQUE KEY uk_recon_batch_kind_day (kind, channel, bill_date);
ALTER TABLE recon_batch DROP INDEX uk_recon_batch_day;
ALTER TABLE recon_difference ADD COLUMN channel_status VARCHAR(16) NULL AFTER channel_trade_no;
