-- Reconciliation reads one channel's orders finished within a day: equality on channel, range on
-- finished_at (UTC). Without this index that is a scan of the whole table per channel and day.
CREATE INDEX idx_channel_order_finished ON channel_order (channel, finished_at);
