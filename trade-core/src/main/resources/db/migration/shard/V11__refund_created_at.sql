-- The refunds chart (RefundActivityMapper) counts refunds per minute and status since a moment:
-- WHERE created_at >= ? GROUP BY minute, status. idx_status_created (V6) leads with status and so
-- cannot serve a range on created_at alone; without this key each poll read every refund row of
-- all four physical tables in every trade database. (created_at, status) covers the query: the
-- range is read from the index alone, no row is fetched. Applied to every physical trade database,
-- like V2, to each of the four physical refund tables.
ALTER TABLE refund_order_0 ADD KEY idx_created_status (created_at, status);
ALTER TABLE refund_order_1 ADD KEY idx_created_status (created_at, status);
ALTER TABLE refund_order_2 ADD KEY idx_created_status (created_at, status);
ALTER TABLE refund_order_3 ADD KEY idx_created_status (created_at, status);
