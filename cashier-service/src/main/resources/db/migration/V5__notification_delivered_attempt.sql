-- The scheduled attempt that delivered a notification is kept on its row instead of in notification_attempt:
-- the DELIVERED compare-and-set then records the attempt in the same single UPDATE, with no transaction
-- around two writes. Its attempt number is the row's attempts, its time delivered_at, and it has no error.
-- NULL on rows delivered before this change (their attempt is in notification_attempt) and on rows an
-- operator's resend delivered (the resend is in notification_attempt).
ALTER TABLE merchant_notification
    ADD COLUMN delivered_http_status INT    NULL AFTER delivered_at,
    ADD COLUMN delivered_duration_ms BIGINT NULL AFTER delivered_http_status;
