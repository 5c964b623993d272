-- One row per refund sent (or about to be sent) to a channel; refund_no is our refund number and
-- the channel's refund request number (Alipay out_request_no, WeChat out_refund_no), so a repeat
-- is the same refund at the channel.
CREATE TABLE channel_refund (
    refund_no         VARCHAR(64)  NOT NULL PRIMARY KEY,
    channel_order_no  VARCHAR(32)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    raw_code          VARCHAR(64)  NULL,
    channel_refund_no VARCHAR(64)  NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    finished_at       DATETIME(3)  NULL,
    KEY idx_channel_refund_order (channel_order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
