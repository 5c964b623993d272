-- The janitor's finds (TradeSweepMapper): in-flight rows older than their schedule allows.
-- released_at: when the ledger answered the escrow release of a FINISHED guarantee trade (posted,
-- nothing held, or refused for good); NULL on a FINISHED trade means its release may still be owed.
-- Trades finished before this column were released by their TRADE_FINISHED follow-ups.
ALTER TABLE trade_order_0 ADD COLUMN released_at DATETIME(3) NULL, ADD KEY idx_status_updated (status, updated_at);
ALTER TABLE trade_order_1 ADD COLUMN released_at DATETIME(3) NULL, ADD KEY idx_status_updated (status, updated_at);
ALTER TABLE trade_order_2 ADD COLUMN released_at DATETIME(3) NULL, ADD KEY idx_status_updated (status, updated_at);
ALTER TABLE trade_order_3 ADD COLUMN released_at DATETIME(3) NULL, ADD KEY idx_status_updated (status, updated_at);
UPDATE trade_order_0 SET released_at = updated_at WHERE status = 'FINISHED';
UPDATE trade_order_1 SET released_at = updated_at WHERE status = 'FINISHED';
UPDATE trade_order_2 SET released_at = updated_at WHERE status = 'FINISHED';
UPDATE trade_order_3 SET released_at = updated_at WHERE status = 'FINISHED';
ALTER TABLE refund_order_0 ADD KEY idx_status_created (status, created_at);
ALTER TABLE refund_order_1 ADD KEY idx_status_created (status, created_at);
ALTER TABLE refund_order_2 ADD KEY idx_status_created (status, created_at);
ALTER TABLE refund_order_3 ADD KEY idx_status_created (status, created_at);
