-- The janitor's escrow-release find (TradeSweepMapper.unreleasedSince: status = 'FINISHED' AND
-- released_at IS NULL AND updated_at < ? ORDER BY updated_at, trade_no) had only idx_status_updated,
-- which does not hold released_at: every round looked up every FINISHED trade older than the age, a
-- set that only grows. This index answers it from the index alone, in order, reading only the
-- unreleased ones (trade_no rides along as the primary key). The other finds are covered already:
-- PAYING by idx_status_updated, WAIT_PAY by idx_status_expire, refunds by idx_status_created,
-- events by idx_unpublished.
ALTER TABLE trade_order_0 ADD KEY idx_status_released_updated (status, released_at, updated_at);
ALTER TABLE trade_order_1 ADD KEY idx_status_released_updated (status, released_at, updated_at);
ALTER TABLE trade_order_2 ADD KEY idx_status_released_updated (status, released_at, updated_at);
ALTER TABLE trade_order_3 ADD KEY idx_status_released_updated (status, released_at, updated_at);
