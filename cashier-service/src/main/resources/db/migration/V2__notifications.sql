-- Merchant notifications (API.md, "Notifications to the merchant"): the body is built once from
-- the trade event and kept, so every resend carries the very same bytes (a fresh signature only).

-- One row per trade event. The primary key is the event id: a redelivered event inserts nothing.
-- status: PENDING (attempts left) -> DELIVERED (a 2xx came back) | GAVE_UP (the schedule ran out);
-- an operator's resend may still move GAVE_UP to DELIVERED.
-- attempts: scheduled attempts claimed so far; a claim is
--   UPDATE ... SET attempts = attempts + 1 WHERE event_id = ? AND attempts = ? AND status = 'PENDING'
-- so a duplicated timer message or a second instance never makes one attempt twice.
-- next_attempt_at: when the next attempt is due (or, while one is in flight, when it is overdue);
-- the sweeper re-arms PENDING rows that are well past it.
CREATE TABLE merchant_notification (
    event_id        VARCHAR(64)  NOT NULL,
    merchant_id     VARCHAR(64)  NOT NULL,
    trade_no        VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(32)  NOT NULL,
    notify_url      VARCHAR(512) NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    delivered_at    DATETIME(3)  NULL,
    PRIMARY KEY (event_id),
    KEY idx_notification_due (status, next_attempt_at),
    KEY idx_notification_trade (trade_no, created_at),
    KEY idx_notification_status_created (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every POST to the merchant, scheduled (attempt_no 1..16) or an operator's resend (attempt_no NULL).
-- http_status is NULL when no answer came (timeout, refused connection); error says why it failed.
CREATE TABLE notification_attempt (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    event_id     VARCHAR(64)  NOT NULL,
    attempt_no   INT          NULL,
    kind         VARCHAR(16)  NOT NULL,
    attempted_at DATETIME(3)  NOT NULL,
    http_status  INT          NULL,
    error        VARCHAR(512) NULL,
    duration_ms  BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY idx_attempt_event (event_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
