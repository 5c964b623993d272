-- When the broker stored a SUCCESS pay order's PAY_SUCCEEDED (ADR 0012, pay-core): written after the send by
-- AnnouncedMarks, batched, one UPDATE per physical table per flush. The pay order's check — which may run on
-- another pay-core instance than the one that sent (the instances share the check consumer group) — sends the
-- announcement again only while this is NULL. NULL before success and for a success whose mark is not written yet.
-- (V6 and V9 were never used in this directory; V11 follows V10.)
ALTER TABLE pay_order_0 ADD COLUMN announced_at DATETIME(3) NULL;
ALTER TABLE pay_order_1 ADD COLUMN announced_at DATETIME(3) NULL;
ALTER TABLE pay_order_2 ADD COLUMN announced_at DATETIME(3) NULL;
ALTER TABLE pay_order_3 ADD COLUMN announced_at DATETIME(3) NULL;

-- Successes before this column were announced by the transactional message (its check-back delivered what the
-- commit left): marked at their finish, so their checks do not send them again. One UPDATE per table: fine for this
-- project's table sizes (the shadow databases and test shards hold few rows); a table of many millions of rows
-- would take this in chunks (… AND pay_order_no > ? ORDER BY pay_order_no LIMIT 10000) to keep the undo log small.
UPDATE pay_order_0 SET announced_at = COALESCE(finished_at, updated_at) WHERE status = 'SUCCESS' AND announced_at IS NULL;
UPDATE pay_order_1 SET announced_at = COALESCE(finished_at, updated_at) WHERE status = 'SUCCESS' AND announced_at IS NULL;
UPDATE pay_order_2 SET announced_at = COALESCE(finished_at, updated_at) WHERE status = 'SUCCESS' AND announced_at IS NULL;
UPDATE pay_order_3 SET announced_at = COALESCE(finished_at, updated_at) WHERE status = 'SUCCESS' AND announced_at IS NULL;
