-- The trace id (W3C, 32 hex digits) of the request or message that committed each trade event, so
-- the ops trail can lead from a step to its log lines in every service. Null for older events.
ALTER TABLE trade_event ADD COLUMN trace_id VARCHAR(32) NULL;
