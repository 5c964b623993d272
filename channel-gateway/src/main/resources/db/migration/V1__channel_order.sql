-- One row per charge sent (or about to be sent) to a channel. channel_order_no is what the channel
-- knows as its out-trade-no; pay_order_no is unique: a pay order is charged at most once per
-- gateway (rerouting, when it comes, gets its own attempt number in the channel order number).
CREATE TABLE channel_order (
    channel_order_no VARCHAR(32)  NOT NULL PRIMARY KEY,
    pay_order_no     VARCHAR(64)  NOT NULL,
    trade_no         VARCHAR(64)  NOT NULL,
    merchant_id      VARCHAR(64)  NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    method           VARCHAR(16)  NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    subject          VARCHAR(256) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    code_url         VARCHAR(512) NULL,
    channel_trade_no VARCHAR(64)  NULL,
    raw_code         VARCHAR(64)  NULL,
    final_source     VARCHAR(16)  NULL,
    expires_at       DATETIME(3)  NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    finished_at      DATETIME(3)  NULL,
    version          INT          NOT NULL DEFAULT 0,
    UNIQUE KEY uk_channel_order_pay (pay_order_no),
    KEY idx_channel_order_trade (trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A channel answer that contradicts a final result we already hold (paid after closed, another
-- amount): kept for operators and alarmed, never applied.
CREATE TABLE channel_conflict (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_order_no VARCHAR(32)  NOT NULL,
    held_status      VARCHAR(16)  NOT NULL,
    claimed_status   VARCHAR(16)  NOT NULL,
    raw_code         VARCHAR(64)  NULL,
    source           VARCHAR(16)  NOT NULL,
    detail           VARCHAR(512) NULL,
    created_at       DATETIME(3)  NOT NULL,
    KEY idx_channel_conflict_order (channel_order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
