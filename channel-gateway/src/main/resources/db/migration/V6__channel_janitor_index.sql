-- The janitor (ChannelSweepMapper) reads channel orders not final and older than its age: equality on
-- status, range on created_at. Without this index that is a scan of the whole table every round.
CREATE INDEX idx_channel_order_status_created ON channel_order (status, created_at);
