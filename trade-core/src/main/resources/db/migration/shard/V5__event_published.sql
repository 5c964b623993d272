-- When the broker took the event's commit (the producer's answer or a check-back's COMMIT), or the
-- janitor's republish was stored. NULL = not confirmed: after longer than the broker's check-back
-- budget, UnpublishedTradeEvents publishes it again from this row. Events written before this
-- column were resolved by the broker long ago and count as published.
ALTER TABLE trade_event ADD COLUMN published_at DATETIME(3) NULL;
UPDATE trade_event SET published_at = created_at WHERE published_at IS NULL;
ALTER TABLE trade_event ADD KEY idx_unpublished (published_at, created_at);
