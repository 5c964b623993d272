-- A success that arrives after its order was final (closed, failed, reversed): the first final result
-- stays, and the buyer is paid back through the channel under a refund number derived from the channel
-- order number (CR<channel order no>), so every repeat of the late result finds the same refund and the
-- channel refunds at most once. The late result's own amount, currency and channel trade number are kept
-- with it: the refund is sent for them (UnionPay refunds by the trade's queryId).
ALTER TABLE channel_conflict ADD COLUMN channel_trade_no VARCHAR(64) NULL AFTER raw_code;
ALTER TABLE channel_conflict ADD COLUMN paid_minor BIGINT NULL AFTER channel_trade_no;
ALTER TABLE channel_conflict ADD COLUMN currency CHAR(3) NULL AFTER paid_minor;
ALTER TABLE channel_conflict ADD COLUMN refund_no VARCHAR(64) NULL AFTER currency;
CREATE INDEX idx_channel_conflict_refund ON channel_conflict (refund_no, created_at);
