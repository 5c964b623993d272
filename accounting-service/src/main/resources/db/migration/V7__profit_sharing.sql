-- Profit sharing (package sharing): one row per order, one per receiver of it. An unfreeze is an
-- order without receivers. The merchant's out_order_no is the idempotency key (unique index, not a
-- check before the insert); order_no is derived from it, so concurrent duplicates name one order.
CREATE TABLE profit_sharing_order (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    order_no      VARCHAR(32) NOT NULL,
    out_order_no  VARCHAR(64) NOT NULL,
    trade_no      VARCHAR(64) NOT NULL,
    merchant_id   VARCHAR(64) NOT NULL COMMENT 'the sharing merchant',
    currency      CHAR(3)     NOT NULL,
    unfreeze      TINYINT     NOT NULL COMMENT '1: the order released the trade''s unshared rest',
    digest        CHAR(64)    NOT NULL COMMENT 'SHA-256 of the request: a repeat vs a reuse of out_order_no',
    status        VARCHAR(16) NOT NULL COMMENT 'PROCESSING | FINISHED (SharingTransitions.ORDER)',
    created_at    DATETIME(3) NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    finished_at   DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sharing_order_no (order_no),
    UNIQUE KEY uk_sharing_out_order_no (merchant_id, out_order_no),
    KEY idx_sharing_trade (trade_no),
    KEY idx_sharing_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE profit_sharing_receiver (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    order_no    VARCHAR(32) NOT NULL,
    line_no     INT         NOT NULL,
    merchant_id VARCHAR(64) NOT NULL COMMENT 'the receiving merchant',
    amount      BIGINT      NOT NULL,
    description VARCHAR(80) NULL,
    result      VARCHAR(16) NOT NULL COMMENT 'PENDING | SUCCESS | CLOSED (SharingTransitions.RECEIVER)',
    PRIMARY KEY (id),
    UNIQUE KEY uk_sharing_receiver (order_no, merchant_id),
    KEY idx_sharing_receiver_merchant (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
